"""The kiosk as a built package: installed from its wheel, run from another folder.

The wheel is built from a copy of the sources (so nothing is written into the
clone) with this environment's setuptools, installed with ``--no-deps`` into a
private folder (Kivy and the other dependencies come from this environment, not
the network), and its ``kiosk`` command is run from an empty folder: it must
find the bundled procedures, pictograms and interface strings inside the
package, where no clone is beside it to fall back on.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kiosk.content.loader import load

ROOT = Path(__file__).resolve().parent.parent
#: what a wheel is built from (setup.py copies content/ and assets/ into the package)
SOURCES = ("kiosk", "content", "assets", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the kiosk installed from a freshly built wheel."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(work / "dist"), str(source)],
                   check=True, capture_output=True, text=True, timeout=120)
    wheels = list((work / "dist").glob("*.whl"))
    assert len(wheels) == 1, wheels
    target = work / "site"
    subprocess.run([*pip, "install", "--no-deps", "--no-compile", "--target", str(target), str(wheels[0])],
                   check=True, capture_output=True, text=True, timeout=120)
    return target


def run_installed(target: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``kiosk`` command from ``cwd``, its package first on the path."""
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, str(target / "bin" / "kiosk"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_the_installed_kiosk_lists_every_bundled_procedure_from_another_folder(
        installed: Path, tmp_path: Path) -> None:
    result = run_installed(installed, tmp_path, "content", "list", "--json")
    assert result.returncode == 0, result.stderr
    listed = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    shipped = load([ROOT / "content"])
    assert listed == [p.id for p in shipped.procedures]
    assert listed  # the repository ships procedures


def test_the_installed_package_carries_its_data_and_reads_it_from_inside(installed: Path, tmp_path: Path) -> None:
    probe = ("import json, kiosk, kiosk.i18n as i18n; from kiosk.ui.pictograms import pictogram_path;"
             "print(json.dumps([kiosk.__file__, str(kiosk.CONTENT_DIR), pictogram_path('help'),"
             " i18n.t('ar', 'help')]))")
    env = {**os.environ, "PYTHONPATH": str(installed), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    module, content, pictogram, arabic = json.loads(result.stdout)
    package = installed / "kiosk"
    assert Path(module).parent == package  # the installed copy, not the clone's
    assert Path(content) == package / "_bundled" / "content"
    assert Path(pictogram) == package / "_bundled" / "assets" / "pictograms" / "help.png"
    assert Path(pictogram).is_file()
    with (ROOT / "kiosk" / "i18n" / "strings" / "ar.toml").open("rb") as fh:
        assert arabic == tomllib.load(fh)["help"]  # the interface strings came along

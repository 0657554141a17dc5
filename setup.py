"""Build step: ship the top-level ``content/`` and ``assets/`` inside the package.

Everything else about the package is in ``pyproject.toml``. The bundled
procedures and pictograms stay at the top of the repository (where authors and
the pictogram tool work); a built package carries a copy of them in
``kiosk/_bundled/``, where :func:`kiosk.bundled` finds them. An editable
install (``./passerelle``) copies nothing: the kiosk reads them in the clone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: top-level folders copied into the package, as kiosk/_bundled/<name>
BUNDLED = ("content", "assets")


class BuildWithBundledData(build_py):
    """``build_py``, then a fresh copy of the bundled folders into the build."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in BUNDLED:
            target = Path(self.build_lib, "kiosk", "_bundled", name)
            shutil.rmtree(target, ignore_errors=True)  # a file removed from the repo leaves the build too
            shutil.copytree(ROOT / name, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithBundledData})

"""The layers hold: production code never imports the test harness, and the domain imports no Kivy.

Two ways of looking, because each sees what the other misses:

- reading every module's source (AST): finds imports anywhere, including the
  lazy ones inside functions that run only on some paths;
- importing each domain module in a fresh interpreter and looking at
  ``sys.modules``: finds Kivy pulled in through another module at import.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kiosk"

#: Domain packages and modules: plain Python, no Kivy, no UI. Future packages are
#: covered as soon as they exist (skipped while absent).
DOMAIN = ("kiosk.content", "kiosk.session", "kiosk.config", "kiosk.access", "kiosk.i18n", "kiosk.speech",
          "kiosk.idle", "kiosk.keymap", "kiosk.validation", "kiosk.logbook", "kiosk.practice", "kiosk.services",
          "kiosk.problems", "kiosk.staff", "kiosk.files", "kiosk.flow")
#: Domain modules allowed Kivy: the speech player plays clips through Kivy's audio
#: (``kiosk/speech/player.py``, or ``player_*.py`` / ``player/`` if it is split).
KIVY_ALLOWED = ("kiosk.speech.player", "kiosk.speech.player_mixer")
#: What the domain must not import: Kivy, the Kivy side of the kiosk, the test harness.
UI_SIDE = ("kivy", "kiosk.ui", "kiosk.testing")


def module_name(path: Path) -> str:
    """``kiosk/speech/player.py`` -> ``kiosk.speech.player`` (a package: its ``__init__``)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules(root: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the ``kiosk`` package under ``root``, by dotted name."""
    return {module_name(path): path for path in sorted(root.rglob("*.py"))}


def imports(path: Path, name: str) -> list[tuple[int, str]]:
    """Every module ``path`` imports, anywhere in it (relative imports resolved), with its line."""
    return _imports_of(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)), path, name)


def _imports_of(tree: ast.AST, path: Path, name: str) -> list[tuple[int, str]]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.append((node.lineno, base))
            # ``from kiosk import testing`` imports the package itself
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names if alias.name != "*"]
    return found


def within(imported: str, prefix: str) -> bool:
    return imported == prefix or imported.startswith(prefix + ".")


def is_domain(name: str) -> bool:
    return any(within(name, d) for d in DOMAIN) and not any(within(name, a) for a in KIVY_ALLOWED)


def test_no_module_outside_kiosk_testing_imports_it() -> None:
    bad = [f"{path.relative_to(ROOT)}:{line}: imports {imported}"
           for name, path in all_modules().items() if not within(name, "kiosk.testing")
           for line, imported in imports(path, name) if within(imported, "kiosk.testing")]
    assert not bad, "production code imports the test harness:\n" + "\n".join(bad)


def test_the_domain_imports_neither_kivy_nor_the_ui_in_its_source() -> None:
    domain = {name: path for name, path in all_modules().items() if is_domain(name)}
    assert "kiosk.session" in domain and "kiosk.access.rules" in domain  # the scan sees the domain
    bad = [f"{path.relative_to(ROOT)}:{line}: imports {imported}"
           for name, path in domain.items()
           for line, imported in imports(path, name) if any(within(imported, ui) for ui in UI_SIDE)]
    assert not bad, "the domain reaches for the UI side:\n" + "\n".join(bad)


def domain_modules() -> list[str]:
    """Each domain module and package present, for the fresh-interpreter check."""
    present = [name for name in all_modules() if is_domain(name)]
    missing = [d for d in DOMAIN if d not in present]
    return present + [pytest.param(d, marks=pytest.mark.skip(reason=f"{d} does not exist yet")) for d in missing]


CHILD = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(m for m in sys.modules if m == "kivy" or m.startswith(("kivy.", "kiosk.ui", "kiosk.testing")))))
"""


@pytest.mark.parametrize("module", domain_modules())
def test_importing_a_domain_module_loads_no_kivy(module: str) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, module], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], f"importing {module} loads {', '.join(loaded[:5])}"


def _is_type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and getattr(test, "id", getattr(test, "attr", None)) == "TYPE_CHECKING"


def runtime_imports(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """The kiosk modules ``path`` imports when it runs, lazy imports included (``TYPE_CHECKING`` ones left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    typing_only = {id(n) for node in ast.walk(tree) if _is_type_checking(node) for n in ast.walk(node)}
    runtime = ast.Module(body=[n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
                               and id(n) not in typing_only], type_ignores=[])
    out = set()
    for _line, imported in _imports_of(runtime, path, name):
        while imported and imported not in modules:
            imported = imported.rpartition(".")[0]
        if imported and imported != name:
            out.add(imported)
    return out


def test_no_import_cycle_between_modules() -> None:
    """Strongly connected groups of modules (Tarjan): none may hold more than one module."""
    modules = all_modules()
    graph = {name: runtime_imports(path, name, modules) for name, path in modules.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in graph:
        if name not in index:
            visit(name)
    assert cycles == [], cycles


def test_no_module_is_over_450_lines() -> None:
    """A module that grows past this does two jobs: split it where the jobs part."""
    long = {name: n for name, path in all_modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 450}
    assert long == {}, long

"""The layers stay apart: each module imports alone, tabs never import each other, the UI never
touches the store, lower layers never import upper ones, and start-up stays lean.

store <- core <- importers, amazon, domain <- ui (kit, shell, tabs) <- cli
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sellertui"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(module_name(p) for p in PACKAGE.rglob("*.py") if p.name != "__main__.py")


def imports_of(path: Path) -> list[tuple[str, int]]:
    """Every sellertui module ``path`` imports (at any depth: lazy imports count too), with its line."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
            found += [(f"{node.module}.{alias.name}", node.lineno) for alias in node.names]
    return [(name, line) for name, line in found if name.startswith("sellertui")]


def files_under(*parts: str) -> list[Path]:
    return sorted(PACKAGE.joinpath(*parts).rglob("*.py"))


def imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {line.split(".")[0] for line in out.split()}


@pytest.mark.parametrize("module", MODULES)
def test_every_module_imports_alone_in_a_fresh_interpreter(module: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # cache bytecode: 250 starts
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-2000:]


def test_no_tab_imports_another_tab() -> None:
    crossings = []
    for tab in sorted(p for p in (PACKAGE / "ui" / "tabs").iterdir() if p.is_dir() and p.name != "__pycache__"):
        for path in tab.rglob("*.py"):
            for name, line in imports_of(path):
                if name.startswith("sellertui.ui.tabs.") and not name.startswith(f"sellertui.ui.tabs.{tab.name}"):
                    crossings.append(f"{path.relative_to(PACKAGE)}:{line} imports {name}")
                if name == "sellertui.ui.app" or name.startswith("sellertui.ui.app."):
                    crossings.append(f"{path.relative_to(PACKAGE)}:{line} imports the app")
    assert crossings == []


def test_kit_and_shell_import_no_tab() -> None:
    found = [f"{path.relative_to(PACKAGE)}:{line} imports {name}"
             for part in ("kit", "shell") for path in files_under("ui", part)
             for name, line in imports_of(path) if name.startswith(("sellertui.ui.tabs", "sellertui.ui.app"))]
    assert found == []


# what the UI may take from the store package: its exception classes, to tell the user what went wrong
STORE_ERRORS = {"StoreError", "Conflict", "CorruptFile", "NewerStore", "errors"}


def store_touches(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sellertui.store"):
            if node.module != "sellertui.store.errors" and not {a.name for a in node.names} <= STORE_ERRORS:
                found.append(f"{where} imports {node.module}")
        elif isinstance(node, ast.Import) and any(a.name.startswith("sellertui.store") for a in node.names):
            found.append(f"{where} imports the store")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("transaction", "store", "frames") and not node.args:
                found.append(f"{where} calls .{node.func.attr}()")
        elif isinstance(node, ast.Subscript):  # store["orders"], shop.store["orders"]
            target = node.value
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if name == "store" or isinstance(target, ast.Call) and getattr(target.func, "attr", "") == "store":
                found.append(f"{where} reads a collection")
    return found


def test_the_ui_never_touches_the_store() -> None:
    """The UI reads and writes through domain functions (the ones the CLI calls), never the store itself."""
    assert [t for path in files_under("ui") for t in store_touches(path)] == []


LOWER = {  # a layer and what it may import from sellertui (besides itself)
    "store": ("sellertui.clock", "sellertui.paths"),
    "core": ("sellertui.clock", "sellertui.store"),
    "importers": ("sellertui.core", "sellertui.store", "sellertui.clock", "sellertui.paths", "sellertui.config"),
    "amazon": ("sellertui.core", "sellertui.store", "sellertui.clock", "sellertui.paths"),  # beside the importers
    # sellertui.memory: hands freed pages back to the system (ctypes only), after a load's heavy step
    "domain": ("sellertui.core", "sellertui.store", "sellertui.clock", "sellertui.paths", "sellertui.config",
               "sellertui.importers", "sellertui.amazon", "sellertui.memory"),
}


@pytest.mark.parametrize("layer", sorted(LOWER))
def test_lower_layers_import_nothing_above_them(layer: str) -> None:
    allowed = (f"sellertui.{layer}", *LOWER[layer])
    found = [f"{path.relative_to(PACKAGE)}:{line} imports {name}" for path in files_under(layer)
             for name, line in imports_of(path)
             if name not in ("sellertui", "sellertui.__version__") and not name.startswith(allowed)]
    assert found == []


def test_config_imports_nothing_above_it() -> None:
    allowed = ("sellertui.core", "sellertui.store", "sellertui.paths", "sellertui.clock")
    assert [n for n, _ in imports_of(PACKAGE / "config.py") if n != "sellertui" and not n.startswith(allowed)] == []


def test_domain_functions_take_settings_rather_than_reading_the_config_file() -> None:
    found = [f"{path.relative_to(PACKAGE)}" for path in files_under("domain") if "config.load(" in path.read_text()]
    assert found == []


def test_comments_state_rules_rather_than_point_at_an_outside_guide() -> None:
    assert [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if "GUIDE §" in p.read_text()] == []


@pytest.mark.parametrize("module", ["sellertui.store", "sellertui.domain.team.tasks", "sellertui.demo", "sellertui.cli",
                                    "sellertui.importers.pipeline", "sellertui.core.csvsafe", "sellertui.amazon.client",
                                    "sellertui.domain.sync.runner"])
def test_core_modules_do_not_import_textual(module: str) -> None:
    assert "textual" not in imported_after(f"import {module}")


def test_store_does_not_import_pandas() -> None:
    assert "pandas" not in imported_after("import sellertui.store")


def test_the_command_line_does_not_import_pandas_until_it_imports() -> None:
    assert "pandas" not in imported_after("import sellertui.cli, sellertui.importers")


def test_starting_the_app_does_not_import_pandas_or_numpy() -> None:
    # pandas costs ~0.4 s at start-up and numpy alone ~0.15 s: areas import them lazily, in workers.
    assert {"pandas", "numpy"}.isdisjoint(imported_after("import sellertui.ui.app"))


@pytest.mark.parametrize("statement", ["import sellertui.ui.app", "import sellertui.cli",
                                       "import sellertui.domain.sync.runner, sellertui.domain.sync.status"])
def test_nothing_of_httpx_or_keyring_is_imported_until_a_sync_or_connect_runs(statement: str) -> None:
    assert {"httpx", "httpcore", "keyring"}.isdisjoint(imported_after(statement))


def test_importing_creates_no_folders(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("SELLERTUI_DATA_DIR")
    monkeypatch.delenv("SELLERTUI_CONFIG_DIR")
    subprocess.run([sys.executable, "-c", "import sellertui.cli, sellertui.ui.app, sellertui.store"], check=True)
    assert list(tmp_path.iterdir()) == []

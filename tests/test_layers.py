"""The layers stay apart: store and domain never import Textual; start-up stays lean."""

from __future__ import annotations

import subprocess
import sys

import pytest


def imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {line.split(".")[0] for line in out.split()}


@pytest.mark.parametrize("module", ["sellertui.store", "sellertui.domain.team.tasks", "sellertui.demo", "sellertui.cli",
                                    "sellertui.importers.pipeline", "sellertui.core.csvsafe"])
def test_core_modules_do_not_import_textual(module: str) -> None:
    assert "textual" not in imported_after(f"import {module}")


def test_store_does_not_import_pandas() -> None:
    assert "pandas" not in imported_after("import sellertui.store")


def test_the_command_line_does_not_import_pandas_until_it_imports() -> None:
    assert "pandas" not in imported_after("import sellertui.cli, sellertui.importers")


def test_starting_the_app_does_not_import_pandas_or_numpy() -> None:
    # pandas costs ~0.4 s at start-up and numpy alone ~0.15 s: areas import them lazily, in workers.
    assert {"pandas", "numpy"}.isdisjoint(imported_after("import sellertui.ui.app"))


def test_importing_creates_no_folders(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("SELLERTUI_DATA_DIR")
    monkeypatch.delenv("SELLERTUI_CONFIG_DIR")
    subprocess.run([sys.executable, "-c", "import sellertui.cli, sellertui.ui.app, sellertui.store"], check=True)
    assert list(tmp_path.iterdir()) == []

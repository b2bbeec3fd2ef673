"""Helpers for driving the app with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellertui import paths
from sellertui.context import Context
from sellertui.devtools.pilot import settle  # noqa: F401  (the tests' way to wait)
from sellertui.ui.app import SellerApp


def write_config(text: str) -> Path:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def make_app():
    def make(data_dir: Path, config: str = 'user = "ana"\n') -> SellerApp:
        write_config(config)
        return SellerApp(Context.create(data_dir), watch_signals=False)

    return make

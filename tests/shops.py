"""A ``Shop`` around a test's store: what the UI and the CLI hand to domain functions."""

from __future__ import annotations

from pathlib import Path

from sellertui import config
from sellertui.domain.shop import Shop


def shop_of(store, settings: config.Settings | None = None, user: str = "ana") -> Shop:
    """The shop of ``store`` with default settings (no config file is read)."""
    return Shop(store, settings or config.Settings(path=Path(store.layout.root) / "no-config.toml"), user)

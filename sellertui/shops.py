"""Several shops: which ones the user's config.toml lists, where each lives, and each one's settings.

config.toml (the user's) keeps what is the user's: their name, theme, keys, and
the list of shops. The shop it describes itself is ``main``; every other shop is
a ``[shops.NAME]`` table saying where that shop's store is (``store`` URL or
``data_dir``), and keeps its own settings (currency, marketplace, thresholds) in
``shops/NAME.toml`` beside config.toml, written by the settings forms as usual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sellertui import paths
from sellertui.config import MAIN_SHOP as MAIN  # one name, kept where config.toml is read

PERSONAL = ("user", "theme", "keymap")  # the user's, whichever shop they open


@dataclass(frozen=True)
class ShopEntry:
    name: str
    store: str  # a postgresql:// URL, or "" for the folder store
    data_dir: str  # the folder store's data directory ("" for the default place)

    @property
    def where(self) -> str:
        """Where its store is, as it may be shown (a database URL never with its password)."""
        from sellertui.store.urls import shown_url

        return shown_url(self.store) if self.store else self.data_dir or "its own folder"


def entries(settings) -> list[ShopEntry]:
    """Every shop the config lists, ``main`` first."""
    main = ShopEntry(MAIN, settings.store, settings.data_dir)
    return [main] + [ShopEntry(n, e.get("store", ""), e.get("data_dir", "")) for n, e in sorted(settings.shops.items())]


def entry(settings, name: str) -> ShopEntry:
    from sellertui.config import ConfigError

    for found in entries(settings):
        if found.name == name:
            return found
    known = ", ".join(e.name for e in entries(settings))
    raise ConfigError(f"no shop named {name!r} in {settings.path}; the shops are: {known} "
                      "(`sellertui shops` lists them)")


def settings_file(name: str) -> Path:
    return paths.config_dir() / "shops" / f"{name}.toml"


def settings_for(settings, name: str):
    """The settings of shop ``name``: its own file, with the user's personal settings from config.toml."""
    from sellertui import config

    if name == MAIN:
        return settings
    shop = entry(settings, name)
    own = config.load(settings_file(name))
    personal = {key: getattr(settings, key) for key in PERSONAL if not _set_in(own, key)}
    return replace(own, store=shop.store, data_dir=shop.data_dir, shops=settings.shops, **personal)


def _set_in(settings, key: str) -> bool:
    from sellertui.config import TOP_DEFAULTS

    value = getattr(settings, key)
    return bool(value) if key == "keymap" else value != TOP_DEFAULTS[key]

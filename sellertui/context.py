"""What every entry point needs: the settings, the data directory, the shop.

One factory for the CLI, the app and the tests (posting's pattern), so they all
resolve paths and open the store the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sellertui import config, paths, shops
from sellertui.memory import return_freed_memory
from sellertui.domain.shop import Shop
from sellertui.store import Store, open_store
from sellertui.store.urls import STORE_ENV, is_database_url, shown_url


@dataclass
class Context:
    settings: config.Settings
    data_dir: Path
    _shop: Shop | None = field(default=None, repr=False)
    store_url: str = ""  # a postgresql:// URL: the shop's store is that database, not data_dir
    shop_name: str = shops.MAIN  # which of the config's shops this is
    main_config: Path | None = None  # config.toml, whichever shop this is
    listing: list = field(default_factory=list)  # every shop config.toml lists (shops.ShopEntry), main first
    _others: dict = field(default_factory=dict, repr=False)  # the other shops, opened for Today across them

    @classmethod
    def create(cls, data_dir: str | os.PathLike | None = None, config_file: Path | None = None,
               store: str | None = None, shop: str | None = None) -> "Context":
        """The shop to work on: --store, then $SELLERTUI_STORE, then the shop's ``store`` in config.toml, else
        the folder store in its data directory (--data-dir, $SELLERTUI_DATA_DIR, config, the platform's)."""
        return_freed_memory()
        main = config.load(config_file)
        name = shop or shops.MAIN
        settings = shops.settings_for(main, name)
        location = store or (os.environ.get(STORE_ENV) if name == shops.MAIN else "") or settings.store
        if location and not is_database_url(location):  # --store DIR: a folder store, like --data-dir
            data_dir, location = location, ""
        if data_dir or name == shops.MAIN:
            folder = paths.data_dir(data_dir, settings.data_dir or None)
        else:  # another shop: its data_dir, else a folder of its own beside the main shop's
            main_dir = paths.data_dir(None, main.data_dir or None)
            folder = Path(settings.data_dir).expanduser().resolve() if settings.data_dir else \
                main_dir / "shops" / name
        return cls(settings, folder, store_url=location, shop_name=name, main_config=main.path,
                   listing=shops.entries(main))

    @property
    def where(self) -> str:
        """Where the shop's store is, as it may be shown (a database URL never with its password)."""
        return shown_url(self.store_url) if self.store_url else str(self.data_dir)

    @property
    def user(self) -> str:
        """Who is at the keyboard: the database role when the store's URL names one, else the config's user."""
        return self._shop.user if self._shop is not None else self.settings.display_user

    def shop(self) -> Shop:
        """The shop in the data directory, its store opened (and its folder made) on first use."""
        if self._shop is None:
            if self.store_url:
                store = open_store(self.store_url, user=self.user)
            else:
                if self.settings.shared:
                    os.umask(0o002)  # teammates in the group must be able to replace our files
                paths.ensure_dir(self.data_dir, self.settings.shared)
                store = Store(self.data_dir, user=self.user, shared=self.settings.shared)
            self._shop = Shop(store, self.settings, store.user)
        return self._shop

    def store(self) -> Store:
        """The store itself, for the commands that manage it (check, restore, demo, import)."""
        return self.shop().store

    def frames(self):
        return self.shop().frames()

    def restore_backup(self) -> list:
        """Put the newest good copy back in place of each damaged store file (the store is closed first);
        files that cannot be read are left alone (see ``store.health``)."""
        from sellertui.store.health import restore

        self.close()
        return restore(self.data_dir).files

    def other_shops(self) -> list[tuple[str, Callable[[], Shop]]]:
        """Every other shop config.toml lists, as (name, open it): opened once, when first asked for (Today
        across the shops a user works in; a shop whose database is away fails alone, when opened)."""
        return [(entry.name, lambda name=entry.name: self._other(name).shop())
                for entry in self.listing if entry.name != self.shop_name]

    def _other(self, name: str) -> "Context":
        if name not in self._others:
            self._others[name] = Context.create(config_file=self.main_config, shop=name)
        return self._others[name]

    @property
    def opened(self) -> bool:
        return self._shop is not None

    def close(self) -> None:
        for other in self._others.values():
            other.close()
        self._others.clear()
        if self._shop is not None:
            self._shop.close()
            self._shop = None

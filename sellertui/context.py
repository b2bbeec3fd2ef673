"""What every entry point needs: the settings, the data directory, the shop.

One factory for the CLI, the app and the tests (posting's pattern), so they all
resolve paths and open the store the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sellertui import config, paths
from sellertui.domain.shop import Shop
from sellertui.store import Store


@dataclass
class Context:
    settings: config.Settings
    data_dir: Path
    _shop: Shop | None = field(default=None, repr=False)

    @classmethod
    def create(cls, data_dir: str | os.PathLike | None = None, config_file: Path | None = None) -> "Context":
        settings = config.load(config_file)
        return cls(settings, paths.data_dir(data_dir, settings.data_dir or None))

    @property
    def user(self) -> str:
        return self.settings.display_user

    def shop(self) -> Shop:
        """The shop in the data directory, its store opened (and its folder made) on first use."""
        if self._shop is None:
            if self.settings.shared:
                os.umask(0o002)  # teammates in the group must be able to replace our files
            paths.ensure_dir(self.data_dir, self.settings.shared)
            store = Store(self.data_dir, user=self.user, shared=self.settings.shared)
            self._shop = Shop(store, self.settings, self.user)
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

    @property
    def opened(self) -> bool:
        return self._shop is not None

    def close(self) -> None:
        if self._shop is not None:
            self._shop.close()
            self._shop = None

"""What every entry point needs: the settings, the data directory, the store.

One factory for the CLI, the app and the tests (posting's pattern), so they all
resolve paths and open the store the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sellertui import config, paths
from sellertui.store import Store


@dataclass
class Context:
    settings: config.Settings
    data_dir: Path
    _store: Store | None = field(default=None, repr=False)
    _frames: object | None = field(default=None, repr=False)

    @classmethod
    def create(cls, data_dir: str | os.PathLike | None = None, config_file: Path | None = None) -> "Context":
        settings = config.load(config_file)
        return cls(settings, paths.data_dir(data_dir, settings.data_dir or None))

    @property
    def user(self) -> str:
        return self.settings.display_user

    def store(self) -> Store:
        if self._store is None:
            if self.settings.shared:
                os.umask(0o002)  # teammates in the group must be able to replace our files
            paths.ensure_dir(self.data_dir, self.settings.shared)
            self._store = Store(self.data_dir, user=self.user, shared=self.settings.shared)
        return self._store

    def frames(self):
        """The shared frame cache (imports pandas: call from workers, not at start-up)."""
        if self._frames is None:
            from sellertui.domain.frames import FrameCache

            self._frames = FrameCache.for_store(self.store())
        return self._frames

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
            self._frames = None

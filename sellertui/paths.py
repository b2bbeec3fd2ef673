"""Where sellertui keeps its files.

Functions, not constants: nothing is resolved or created at import time, so
tests (and ``--data-dir``) can point everything elsewhere before first use.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "sellertui"
DATA_ENV = "SELLERTUI_DATA_DIR"
CONFIG_ENV = "SELLERTUI_CONFIG_DIR"

PRIVATE_DIR = 0o700
SHARED_DIR = 0o2770  # setgid: files created inside keep the team's group


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


CACHE_ENV = "SELLERTUI_CACHE_DIR"


def cache_dir() -> Path:
    """Per-user cache of derived data (safe to delete; rebuilt on demand)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def data_dir(cli_override: str | os.PathLike | None = None, configured: str | None = None) -> Path:
    """Resolve the data dir: --data-dir, then $SELLERTUI_DATA_DIR, then config, then platformdirs."""
    for candidate in (cli_override, os.environ.get(DATA_ENV), configured):
        if candidate:
            return Path(candidate).expanduser().resolve()
    return default_data_dir()


def ensure_dir(path: Path, shared: bool = False) -> Path:
    """Create ``path`` (and parents) if needed, private or team-shared."""
    mode = SHARED_DIR if shared else PRIVATE_DIR
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=mode & 0o777)
    try:
        if (path.stat().st_mode & 0o7777) != mode and path.stat().st_uid == os.getuid():
            os.chmod(path, mode)
    except PermissionError:  # a teammate's directory: theirs to set
        pass
    return path

"""Test isolation: no test may touch the user's real data or config."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["tests.postgres"]

FROZEN_NOW = "2026-11-22T09:00:00+00:00"


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every directory sellertui could use at a throwaway folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("SELLERTUI_CONFIG_DIR", str(home / "config" / "sellertui"))
    monkeypatch.setenv("SELLERTUI_DATA_DIR", str(home / "data" / "sellertui"))
    monkeypatch.setenv("SELLERTUI_CACHE_DIR", str(home / "cache" / "sellertui"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("SELLERTUI_NOW", FROZEN_NOW)
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # never the user's keyring
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):  # English unless a test asks for a language
        monkeypatch.delenv(name, raising=False)
    for name in ("SELLERTUI_SP_CLIENT_ID", "SELLERTUI_SP_CLIENT_SECRET", "SELLERTUI_SP_REFRESH_TOKEN",
                 "SELLERTUI_ADS_CLIENT_ID", "SELLERTUI_ADS_CLIENT_SECRET", "SELLERTUI_ADS_REFRESH_TOKEN",
                 "SELLERTUI_ADS_PROFILE_ID"):
        monkeypatch.delenv(name, raising=False)
    from sellertui.core.i18n import set_language

    set_language("en")
    yield home
    set_language("en")


@pytest.fixture
def chinese():
    """简体中文 for the test, English again after it."""
    from sellertui.core.i18n import set_language

    set_language("zh-CN")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def notifications_outlast_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """A notification stays in ``app._notifications`` until the test ends, however slow the machine.

    Textual drops a notification from that list once its timeout (3–6 s) has passed, both when the list is read
    and when its toast's timer fires; on a loaded machine a flow's ``settle`` can take longer than that, and a
    test reading what the app said would fail by luck.
    """
    from textual.notifications import Notification

    monkeypatch.setattr(Notification, "time_left", property(lambda self: self.timeout + 3600.0))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "shop"


@pytest.fixture
def store(data_dir: Path):
    from sellertui.store import open_store

    s = open_store(data_dir, user="ana")
    yield s
    s.close()


def build_demo(tmp_path_factory: pytest.TempPathFactory, name: str, **options) -> Path:
    """A demo shop built under the frozen clock in a session folder (``options`` go to ``generate``)."""
    import shutil

    previous = os.environ.get("SELLERTUI_NOW")
    os.environ["SELLERTUI_NOW"] = FROZEN_NOW
    try:
        from sellertui.demo import generate
        from sellertui.store import open_store

        target = tmp_path_factory.mktemp(name) / "shop"
        store = open_store(target, user="ana")
        generate(store, founder="ana", **options)
        store.close()
    finally:
        if previous is None:
            os.environ.pop("SELLERTUI_NOW", None)
        else:
            os.environ["SELLERTUI_NOW"] = previous
    shutil.rmtree(target / "backups", ignore_errors=True)
    return target


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo shop built once per session (frozen clock); tests must copy it to change it."""
    return build_demo(tmp_path_factory, "demo")


@pytest.fixture
def demo_copy(demo_dir: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "demo"
    shutil.copytree(demo_dir, target)
    return target

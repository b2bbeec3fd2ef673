"""Where the three secrets live, and that they never print."""

from __future__ import annotations

import os
import pickle
import stat

import pytest

from sellertui.amazon import credentials
from sellertui.amazon.credentials import Secret
from tests.amazon.standin import CLIENT_ID, CLIENT_SECRET, ENV, REFRESH_TOKEN


def test_a_secret_never_shows_its_value() -> None:
    secret = Secret(CLIENT_SECRET)
    for shown in (str(secret), repr(secret), f"{secret}", f"{secret!r}", f"{secret:>40}", str([secret]),
                  str({"s": secret})):
        assert CLIENT_SECRET not in shown
    assert secret.reveal() == CLIENT_SECRET and secret == Secret(CLIENT_SECRET) and bool(secret)
    with pytest.raises(TypeError):
        pickle.dumps(secret)


def test_nothing_stored_means_not_connected_and_names_what_is_missing() -> None:
    assert credentials.load() is None
    assert credentials.missing() == ["LWA client id", "LWA client secret", "refresh token"]


def test_the_environment_overrides_everything(monkeypatch) -> None:
    credentials.save(Secret("file-id"), Secret("file-secret"), Secret("file-token"))
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    found = credentials.load()
    assert found.client_id.reveal() == CLIENT_ID and found.refresh_token.reveal() == REFRESH_TOKEN
    assert found.source == "environment"
    monkeypatch.delenv("SELLERTUI_SP_REFRESH_TOKEN")
    mixed = credentials.load()
    assert mixed.refresh_token.reveal() == "file-token" and mixed.source == "environment + secrets.toml"


def test_without_a_keyring_the_file_is_private_and_written_whole() -> None:
    where = credentials.save(Secret(CLIENT_ID), Secret('se"cr\\et'), Secret(REFRESH_TOKEN))
    path = credentials.secrets_file()
    assert where == str(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert credentials.load().client_secret.reveal() == 'se"cr\\et'
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temp file left
    assert credentials.forget() == [str(path)] and credentials.load() is None


class MemoryKeyring:
    """A working keyring backend (what a desktop session has)."""

    priority = 1

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service, user):
        return self.values.get((service, user))

    def set_password(self, service, user, value):
        self.values[(service, user)] = value

    def delete_password(self, service, user):
        del self.values[(service, user)]


def test_a_working_keyring_is_used_and_no_file_written(monkeypatch) -> None:
    import keyring

    ring = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    monkeypatch.setattr(keyring, "get_password", ring.get_password)
    monkeypatch.setattr(keyring, "set_password", ring.set_password)
    monkeypatch.setattr(keyring, "delete_password", ring.delete_password)
    assert credentials.save(Secret(CLIENT_ID), Secret(CLIENT_SECRET), Secret(REFRESH_TOKEN)) == "the system keyring"
    assert not credentials.secrets_file().exists()
    assert credentials.load().source == "keyring"
    assert len(credentials.forget()) == 3 and credentials.load() is None


def test_redact_cuts_every_secret_out() -> None:
    creds = credentials.Credentials(Secret(CLIENT_ID), Secret(CLIENT_SECRET), Secret(REFRESH_TOKEN), "t")
    text = f"oops {CLIENT_ID} {CLIENT_SECRET} {REFRESH_TOKEN}"
    assert credentials.redact(text, creds) == "oops … … …"


def test_importing_the_amazon_layer_imports_neither_httpx_nor_keyring() -> None:
    import subprocess
    import sys

    code = ("import sys, sellertui.amazon.client, sellertui.amazon.credentials, sellertui.domain.sync.runner, "
            "sellertui.domain.sync.status, sellertui.cli; print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'httpx', 'keyring', 'pandas', 'textual'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ}).stdout
    assert out.strip() == "[]"

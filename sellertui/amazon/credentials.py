"""The three secrets of an SP-API app: where they live, and a type that never prints them.

Order of precedence: the environment (``SELLERTUI_SP_CLIENT_ID``,
``SELLERTUI_SP_CLIENT_SECRET``, ``SELLERTUI_SP_REFRESH_TOKEN``: cron and
containers), then the system keyring when a real backend works, then
``secrets.toml`` in the config dir (0600, written atomically, its folder 0700).
Never the store, backups, logs or exports: those hold no field a secret could
reach. ``Secret`` redacts itself in ``str``/``repr``/f-strings, so a stray
print or a traceback's locals show ``Secret('…')``, never the value.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from sellertui import paths

SERVICE = "sellertui-sp-api"
FIELDS = ("client_id", "client_secret", "refresh_token")
ENV = {"client_id": "SELLERTUI_SP_CLIENT_ID", "client_secret": "SELLERTUI_SP_CLIENT_SECRET",
       "refresh_token": "SELLERTUI_SP_REFRESH_TOKEN"}
LABELS = {"client_id": "LWA client id", "client_secret": "LWA client secret", "refresh_token": "refresh token"}


class Secret:
    """A secret string: compare and use it with ``reveal()``; printing it shows a redaction."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value.strip()

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __repr__(self) -> str:
        return "Secret('…')"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __reduce__(self):  # never pickled into a cache or a crash dump
        raise TypeError("a Secret cannot be pickled")


@dataclass(frozen=True)
class Credentials:
    client_id: Secret
    client_secret: Secret
    refresh_token: Secret
    source: str  # "environment", "keyring", "secrets.toml" (or a mix, named)

    def values(self) -> list[str]:
        """The revealed values, for redacting them from anything shown."""
        return [s.reveal() for s in (self.client_id, self.client_secret, self.refresh_token) if s]


def secrets_file() -> Path:
    return paths.config_dir() / "secrets.toml"


def _keyring():
    """The keyring module when a real backend works here (a desktop or a configured one), else None."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
            return None
        keyring.get_password(SERVICE, "probe")  # a locked or absent D-Bus raises here, not at get_keyring
        return keyring
    except Exception:  # noqa: BLE001 - any keyring failure means: use the file
        return None


def _from_file() -> dict[str, str]:
    try:
        data = tomllib.loads(secrets_file().read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    section = data.get("sp_api", {})
    return {k: v for k, v in section.items() if k in FIELDS and isinstance(v, str) and v.strip()}


def _gather() -> tuple[dict[str, str], list[str]]:
    """Each secret from the first place that has it: environment, keyring, secrets.toml."""
    found: dict[str, str] = {}
    sources: list[str] = []

    def take(source: str, values: dict[str, str | None]) -> None:
        new = {k: v for k, v in values.items() if k not in found and v and v.strip()}
        if new:
            found.update(new)
            sources.append(source)

    take("environment", {name: os.environ.get(ENV[name], "") for name in FIELDS})
    if len(found) < len(FIELDS):
        ring = _keyring()
        if ring is not None:
            take("keyring", {name: ring.get_password(SERVICE, name) for name in FIELDS if name not in found})
    if len(found) < len(FIELDS):
        take("secrets.toml", _from_file())
    return found, sources


def load() -> Credentials | None:
    """The credentials from the environment, the keyring or secrets.toml; None if any of the three is missing."""
    found, sources = _gather()
    if any(name not in found for name in FIELDS):
        return None
    return Credentials(*(Secret(found[name]) for name in FIELDS), source=" + ".join(sources))


def missing() -> list[str]:
    """What is still missing, in words (for "run sellertui connect" messages)."""
    found, _ = _gather()
    return [LABELS[n] for n in FIELDS if n not in found]


def save(client_id: Secret, client_secret: Secret, refresh_token: Secret) -> str:
    """Store the three secrets in the keyring if one works, else in secrets.toml; returns where."""
    values = dict(zip(FIELDS, (client_id, client_secret, refresh_token)))
    ring = _keyring()
    if ring is not None:
        try:
            for name, secret in values.items():
                ring.set_password(SERVICE, name, secret.reveal())
            return "the system keyring"
        except Exception:  # noqa: BLE001 - a keyring that refuses writes: fall back to the file
            pass
    _write_file(values)
    return str(secrets_file())


def _write_file(values: dict[str, Secret]) -> None:
    from sellertui.store.fsio import atomic_write

    paths.ensure_dir(paths.config_dir())  # 0700
    lines = ["# sellertui's SP-API credentials: keep this file private (0600)", "[sp_api]"]
    for name, secret in values.items():
        lines.append(f"{name} = {_toml_string(secret.reveal())}")
    atomic_write(secrets_file(), ("\n".join(lines) + "\n").encode("utf-8"))  # 0600


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def forget() -> list[str]:
    """Remove stored secrets (keyring and file; the environment is the caller's); returns what was removed."""
    removed = []
    ring = _keyring()
    if ring is not None:
        for name in FIELDS:
            try:
                if ring.get_password(SERVICE, name) is not None:
                    ring.delete_password(SERVICE, name)
                    removed.append(f"{LABELS[name]} from the system keyring")
            except Exception:  # noqa: BLE001 - already gone
                pass
    if secrets_file().exists():
        secrets_file().unlink()
        removed.append(str(secrets_file()))
    return removed


def redact(text: str, credentials: Credentials | None) -> str:
    """``text`` with any of the secrets (and access tokens handed in) replaced by a redaction."""
    if credentials is None:
        return text
    for value in credentials.values():
        if len(value) >= 6:
            text = text.replace(value, "…")
    return text

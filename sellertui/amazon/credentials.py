"""The secrets of an SP-API app and of an Ads API app: where they live, and a type that never prints them.

Each API has a ``Vault``: its environment variables, its keyring service and
its section of ``secrets.toml``. Order of precedence: the environment
(``SELLERTUI_SP_CLIENT_ID``… or ``SELLERTUI_ADS_CLIENT_ID``…: cron and
containers), then the system keyring when a real backend works, then
``secrets.toml`` in the config dir (0600, written atomically, its folder 0700;
each API's section kept when the other's is written or forgotten). Never the
store, backups, logs or exports: those hold no field a secret could reach.
``Secret`` redacts itself in ``str``/``repr``/f-strings, so a stray print or a
traceback's locals show ``Secret('…')``, never the value.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from sellertui import paths
from sellertui.core.i18n import N_, _


@dataclass(frozen=True)
class Vault:
    """Where one API's credentials live."""

    section: str  # its [section] in secrets.toml
    service: str  # its keyring service
    env: dict[str, str]  # field -> environment variable
    labels: dict[str, str]  # field -> what the user calls it
    connect: str  # the command that sets it up

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.env)


SP = Vault("sp_api", "sellertui-sp-api",
           {"client_id": "SELLERTUI_SP_CLIENT_ID", "client_secret": "SELLERTUI_SP_CLIENT_SECRET",
            "refresh_token": "SELLERTUI_SP_REFRESH_TOKEN"},
           {"client_id": N_("LWA client id"), "client_secret": N_("LWA client secret"),
            "refresh_token": N_("refresh token")},
           "sellertui connect")
ADS = Vault("ads_api", "sellertui-ads-api",
            {"client_id": "SELLERTUI_ADS_CLIENT_ID", "client_secret": "SELLERTUI_ADS_CLIENT_SECRET",
             "refresh_token": "SELLERTUI_ADS_REFRESH_TOKEN", "profile_id": "SELLERTUI_ADS_PROFILE_ID"},
            {"client_id": N_("Ads LWA client id"), "client_secret": N_("Ads LWA client secret"),
             "refresh_token": N_("Ads refresh token"), "profile_id": N_("advertiser profile")},
            "sellertui connect ads")
SERVICE, FIELDS, ENV, LABELS = SP.service, SP.fields, SP.env, SP.labels  # the SP-API's, as before


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
    profile_id: str = ""  # the Ads API's advertiser profile (the Amazon-Advertising-API-Scope); "" for the SP-API

    def values(self) -> list[str]:
        """The revealed values, for redacting them from anything shown."""
        return [s.reveal() for s in (self.client_id, self.client_secret, self.refresh_token) if s]


def secrets_file() -> Path:
    return paths.config_dir() / "secrets.toml"


def _keyring(vault: Vault = SP):
    """The keyring module when a real backend works here (a desktop or a configured one), else None."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
            return None
        keyring.get_password(vault.service, "probe")  # a locked or absent D-Bus raises here, not at get_keyring
        return keyring
    except Exception:  # noqa: BLE001 - any keyring failure means: use the file
        return None


def _file_sections() -> dict[str, dict]:
    try:
        data = tomllib.loads(secrets_file().read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def _from_file(vault: Vault) -> dict[str, str]:
    section = _file_sections().get(vault.section, {})
    return {k: v for k, v in section.items() if k in vault.fields and isinstance(v, str) and v.strip()}


def in_file_or_environment(vault: Vault = SP) -> bool:
    """Whether the credentials are in the environment or secrets.toml (cheap: the keyring is not asked)."""
    return all(os.environ.get(v) for v in vault.env.values()) or bool(_from_file(vault))


def _gather(vault: Vault) -> tuple[dict[str, str], list[str]]:
    """Each secret from the first place that has it: environment, keyring, secrets.toml."""
    found: dict[str, str] = {}
    sources: list[str] = []
    fields = vault.fields

    def take(source: str, values: dict[str, str | None]) -> None:
        new = {k: v for k, v in values.items() if k not in found and v and v.strip()}
        if new:
            found.update(new)
            sources.append(source)

    take("environment", {name: os.environ.get(vault.env[name], "") for name in fields})
    if len(found) < len(fields):
        ring = _keyring(vault)
        if ring is not None:
            take("keyring", {name: ring.get_password(vault.service, name) for name in fields if name not in found})
    if len(found) < len(fields):
        take("secrets.toml", _from_file(vault))
    return found, sources


def load(vault: Vault = SP) -> Credentials | None:
    """The credentials from the environment, the keyring or secrets.toml; None if any part is missing."""
    found, sources = _gather(vault)
    if any(name not in found for name in vault.fields):
        return None
    return Credentials(Secret(found["client_id"]), Secret(found["client_secret"]), Secret(found["refresh_token"]),
                       source=" + ".join(sources), profile_id=found.get("profile_id", "").strip())


def missing(vault: Vault = SP) -> list[str]:
    """What is still missing, in words (for "run sellertui connect" messages)."""
    found, _sources = _gather(vault)
    return [_(vault.labels[n]) for n in vault.fields if n not in found]


def save(client_id: Secret, client_secret: Secret, refresh_token: Secret, vault: Vault = SP,
         profile_id: str = "") -> str:
    """Store the credentials in the keyring if one works, else in secrets.toml; returns where."""
    values = {"client_id": client_id.reveal(), "client_secret": client_secret.reveal(),
              "refresh_token": refresh_token.reveal(), "profile_id": profile_id.strip()}
    values = {name: values[name] for name in vault.fields}
    ring = _keyring(vault)
    if ring is not None:
        try:
            for name, value in values.items():
                ring.set_password(vault.service, name, value)
            return _("the system keyring")
        except Exception:  # noqa: BLE001 - a keyring that refuses writes: fall back to the file
            pass
    sections = _file_sections()
    sections[vault.section] = values
    _write_file(sections)
    return str(secrets_file())


def _write_file(sections: dict[str, dict]) -> None:
    from sellertui.store.fsio import atomic_write

    paths.ensure_dir(paths.config_dir())  # 0700
    lines = ["# sellertui's API credentials: keep this file private (0600)"]
    for section, values in sections.items():
        lines.append(f"[{section}]")
        lines += [f"{name} = {_toml_string(str(value))}" for name, value in values.items()]
    atomic_write(secrets_file(), ("\n".join(lines) + "\n").encode("utf-8"))  # 0600


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def forget(vault: Vault = SP) -> list[str]:
    """Remove stored credentials (keyring and file; the environment is the caller's); returns what was removed."""
    removed = []
    ring = _keyring(vault)
    if ring is not None:
        for name in vault.fields:
            try:
                if ring.get_password(vault.service, name) is not None:
                    ring.delete_password(vault.service, name)
                    removed.append(_("{what} from the system keyring").format(what=_(vault.labels[name])))
            except Exception:  # noqa: BLE001 - already gone
                pass
    sections = _file_sections()
    if vault.section in sections:
        del sections[vault.section]
        if sections:
            _write_file(sections)
            removed.append(_("the [{section}] section of {file}").format(section=vault.section, file=secrets_file()))
        else:
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

"""Temporary pass-through with the i18n contract's API (part A's gettext machinery replaces it on merge)."""

from __future__ import annotations

_language = "en"


def _(msgid: str) -> str:
    return msgid


def ngettext(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def N_(msgid: str) -> str:
    return msgid


def set_language(code: str) -> None:
    global _language
    _language = code


def language() -> str:
    return _language

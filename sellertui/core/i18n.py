"""The app's language: gettext over one domain (``sellertui``), English or 简体中文.

Strings are marked where they are written: ``_("…")`` translates now, in the
current language; ``N_("…")`` only marks a string that is translated where it
is displayed (class attributes such as key descriptions, tab titles and column
headings are built once at import, before any language is chosen, and the
language can change while the app runs). ``ngettext`` picks the plural form.

The catalogs are ``locale/<ll_CC>/LC_MESSAGES/sellertui.po``, compiled to
``.mo`` when the package is built or installed (setup.py). A checkout whose
``.po`` is newer than its ``.mo`` (a pull, a translator's edit) is compiled in
memory with Babel instead, so nobody has to run a step by hand.
No Textual here: the CLI, the domain and the UI share it.
"""

from __future__ import annotations

import gettext
import os
import re
import string
from functools import lru_cache
from pathlib import Path
from typing import Mapping

DOMAIN = "sellertui"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("en", "zh-CN")
# the gettext folder and the Babel (CLDR) locale of each language
_CATALOG = {"zh-CN": "zh_CN"}
BABEL_LOCALES = {"en": "en_US", "zh-CN": "zh_Hans_CN"}

_language = "en"
_translations: gettext.NullTranslations = gettext.NullTranslations()


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction; it is translated later, where it is shown."""
    return msgid


def _(msgid: str) -> str:
    """``msgid`` in the current language (itself when it has no translation yet)."""
    return _translations.gettext(msgid) if msgid else msgid


def shown(value: str | None) -> str:
    """A stored value whose words are marked with ``N_`` where they are defined (a status, a type), as shown now.

    A function of its own so that extraction does not take the literals of the expression for msgids.
    """
    return _(value) if value else ""


def label(mapping: Mapping[str, str], key):
    """A stored key (a category, a grain, a stream) as shown: its word from ``mapping`` (marked with ``N_``) in
    the current language, or the key as stored when the mapping does not know it."""
    return _(mapping[key]) if key in mapping else key


def stored_pattern(template: str, **fields: str) -> re.Pattern[str]:
    """What reads back text stored in English from an ``N_`` template, to show it translated: the template's
    words literally, each ``{field}`` a named group (``fields`` give a field's regex; any text otherwise).
    Use ``fullmatch``; a field named twice must hold the same text both times."""
    out, seen = [], set()
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        out.append(re.escape(literal))
        if name is None:
            continue
        out.append(f"(?P={name})" if name in seen else f"(?P<{name}>{fields.get(name, '.*')})")
        seen.add(name)
    return re.compile("".join(out), re.S)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def language() -> str:
    return _language


def babel_locale() -> str:
    """The CLDR locale numbers, dates and money are formatted for."""
    return BABEL_LOCALES[_language]


def normalise(code: str | None) -> str | None:
    """'zh-CN', 'zh_CN.UTF-8', 'zh', 'zh_Hans' → 'zh-CN'; 'en…', 'C', 'POSIX' → 'en'; anything else None."""
    if not code:
        return None
    code = code.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if code.startswith("zh"):
        return "zh-CN"
    if code.startswith("en") or code in ("c", "posix"):
        return "en"
    return None


def language_from(config_value: str | None, environ: Mapping[str, str] | None = None) -> str:
    """config.toml's ``language`` when set, else the locale variables (LC_ALL, LC_MESSAGES, LANG), else English."""
    chosen = normalise(config_value)
    if chosen:
        return chosen
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:  # the first one set decides, as in POSIX: LC_ALL=C under LANG=zh_CN is English
            return normalise(value) or "en"
    return "en"


def set_language(code: str) -> str:
    """Switch every later ``_()`` to ``code`` ('en' or 'zh-CN'); returns the language now in use."""
    global _language, _translations
    chosen = normalise(code)
    if chosen is None:
        raise ValueError(f"unknown language {code!r}: use one of {', '.join(LANGUAGES)}")
    _translations = catalog(chosen)
    _language = chosen
    _words_of_the_store()
    return chosen


def _words_of_the_store() -> None:
    """The store, below this layer, keeps its sentences marked and words them through its ``translate`` when shown."""
    from sellertui.store import errors

    errors.translate = _


@lru_cache(maxsize=None)
def catalog(code: str) -> gettext.NullTranslations:
    folder = _CATALOG.get(code)
    if folder is None:
        return gettext.NullTranslations()  # English is the source language
    po = LOCALE_DIR / folder / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    if not po.exists():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(compile_po(po))


def compile_po(po: Path):
    """The ``.po`` file compiled by Babel into a ``.mo`` in memory (fuzzy entries left out, as msgfmt does)."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fp:
        messages = read_po(fp, locale=po.parent.parent.name)
    buffer = BytesIO()
    write_mo(buffer, messages)
    buffer.seek(0)
    return buffer

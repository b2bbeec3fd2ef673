"""Cell values: amounts, whole numbers, percentages, flags and text, whatever the market wrote.

Each parser takes one cell (a ``str`` from a text file, or the ``float``/``int``/
``date`` a workbook holds) and returns the value or raises ``Bad`` with the
reason in words. They are pure, so a column is parsed once per distinct value.

Amounts: ``$1,234.56``, ``"£12,894.53"``, ``$ 16.22``, ``Rs.961.62``, Indian grouping
``1,44,957.78``, decimal comma ``95,00`` / ``1.234,56``, ``1 234,56``, ``(12.34)`` and
``-$12.34``. Whether a lone ``,`` or ``.`` is the decimal mark is decided by the
marketplace, unless the digits make it plain (``1,234`` groups; ``95,00`` cannot).
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal

from sellertui.core.i18n import _

SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'\u2019")
BLANKS = frozenset({"", "-", "--", "—", "n/a", "N/A", "null", "NULL"})
# A currency sign or code before or after the number; the named ones must agree with the file's currency.
_SIGN_CURRENCY = {"£": "GBP", "€": "EUR", "₹": "INR", "rs": "INR", "rs.": "INR", "¥": "JPY", "￥": "JPY",
                  "zł": "PLN", "kr": "SEK", "r$": "BRL", "tl": "TRY"}
_CURRENCY = re.compile(r"^(?P<pre>[A-Za-z]{3}\b|Rs\.?|[A-Za-z]{0,3}\$|[£€¥₹￥])?\s*(?P<num>.*?)\s*"
                       r"(?P<post>\b[A-Za-z]{3}|[£€¥₹￥]|kr|zł|TL)?$", re.IGNORECASE)
CODES = frozenset({"USD", "CAD", "MXN", "BRL", "GBP", "EUR", "SEK", "PLN", "TRY", "AED", "SAR", "INR", "JPY", "AUD",
                   "SGD", "CNY", "CHF", "NOK", "DKK", "EGP", "ZAR", "NZD", "HKD"})
_NUMBER = re.compile(r"^[0-9.,]*[0-9][0-9.,]*$")


class Bad(ValueError):
    """A cell that cannot be read; ``reason`` says why in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def unguard(text: str) -> str:
    """Take off spreadsheet guards: ``="0123"`` (newer Ads CSVs, so Excel keeps leading zeros) -> ``0123``;
    ``'=SUM(…)`` (our own formula guard, ``domain.csvsafe``, in a rejects file) -> ``=SUM(…)``."""
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        return text[2:-1]
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]
    return text


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return unguard(value.strip()) in BLANKS
    return isinstance(value, float) and math.isnan(value)


def _grouped(digits: str, sep: str) -> bool:
    """True when ``sep`` groups thousands: 1,234,567 or the Indian 1,44,957."""
    parts = digits.split(sep)
    if len(parts) < 2 or not (1 <= len(parts[0]) <= 3) or len(parts[-1]) != 3:
        return False
    middle = {len(p) for p in parts[1:-1]}
    return middle <= {3} or middle <= {2}


def number(text: str, decimal_comma: bool) -> Decimal:
    """A plain number written with any grouping and either decimal mark."""
    if not _NUMBER.match(text):
        raise Bad(_("is not a number"))
    dot, comma = text.rfind("."), text.rfind(",")
    if dot >= 0 and comma >= 0:
        mark = "." if dot > comma else ","
    elif comma >= 0:
        mark = "," if decimal_comma or not _grouped(text, ",") else ""
    elif dot >= 0:
        mark = "" if (decimal_comma and _grouped(text, ".")) or text.count(".") > 1 else "."
    else:
        mark = ""
    whole, frac = text.rsplit(mark, 1) if mark else (text, "")
    group = "," if mark == "." else "." if mark == "," else ("," if "," in whole else ".")
    if not frac.isdigit() and frac:
        raise Bad(_("is not a number (two decimal marks)"))
    if group in whole:
        if not _grouped(whole, group):
            raise Bad(_("is not a number (the {group} groups digits oddly)").format(group=repr(group)))
        whole = whole.replace(group, "")
    if mark in whole and mark:
        raise Bad(_("is not a number (two decimal marks)"))
    if not whole and not frac:
        raise Bad(_("is not a number"))
    return Decimal(f"{whole or '0'}.{frac or '0'}")


def decimal_of(value: object, decimal_comma: bool, currency: str | None = None) -> Decimal:
    """Any written amount (see the module docstring) -> Decimal; checks a named currency sign."""
    if isinstance(value, bool):
        raise Bad(_("is a yes/no value, not a number"))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Bad(_("is not a number"))
        return Decimal(repr(value))
    if isinstance(value, (date, datetime)):
        raise Bad(_("is a date, not a number"))
    text = unguard(str(value).strip())
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if text[:1] in "-\u2212":
        negative, text = not negative, text[1:].strip()
    elif text[:1] == "+":
        text = text[1:].strip()
    match = _CURRENCY.match(text)
    if match is None:  # pragma: no cover - the pattern matches any text
        raise Bad(_("is not an amount"))
    sign = (match["pre"] or match["post"] or "").lower()
    body = match["num"].translate(SPACES)
    if body[:1] in "-\u2212":  # $-12.34
        negative, body = not negative, body[1:]
    if len(sign) == 3 and sign.isalpha() and sign.upper() not in CODES:
        raise Bad(_("is not an amount"))
    named = _SIGN_CURRENCY.get(sign) or (sign.upper() if len(sign) == 3 and sign.isalpha() else None)
    if named and currency and named != currency and not (sign in ("¥", "￥") and currency == "CNY"):
        raise Bad(_("is in {named}, but this file's amounts are in {currency}").format(named=named, currency=currency))
    try:
        amount = number(body, decimal_comma)
    except Bad:
        raise Bad(_("is not an amount")) from None
    return -amount if negative else amount


def integer(value: object, decimal_comma: bool) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        amount = decimal_of(value, decimal_comma)
    except Bad:
        raise Bad(_("is not a whole number")) from None
    if amount != amount.to_integral_value():
        raise Bad(_("is not a whole number"))
    return int(amount)


def percent(value: object, decimal_comma: bool) -> float:
    """``12.34%`` -> 12.34; a fraction (0.1234, as workbooks hold it) -> 12.34."""
    scale = 100
    if isinstance(value, str):
        value = unguard(value.strip())
        if value.endswith("%"):
            value, scale = value[:-1], 1
    try:
        return round(float(decimal_of(value, decimal_comma)) * scale, 4)
    except Bad:
        raise Bad(_("is not a percentage")) from None


def days(value: object, decimal_comma: bool) -> float | None:
    """Days of supply: a number, ``365+``, or a word like ``infinite`` (None)."""
    if isinstance(value, str):
        text = unguard(value.strip()).rstrip("+").strip()
        if text and text[0].isalpha():
            return None
        value = text
    try:
        return round(float(decimal_of(value, decimal_comma)), 2)
    except Bad:
        raise Bad(_("is not a number of days")) from None


def text(value: object) -> str:
    """A cell as text: trimmed, Excel guard removed, whole numbers without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return unguard(value.strip())
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


TRUE = frozenset({"true", "yes", "y", "1", "t", "x"})
FALSE = frozenset({"false", "no", "n", "0", "f"})


def flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = text(value).lower()
    if word in TRUE:
        return True
    if word in FALSE:
        return False
    raise Bad(_("is not yes/no (true/false)"))

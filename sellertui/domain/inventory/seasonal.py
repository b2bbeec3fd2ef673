"""Manual seasonal factors: "×1.8 in November" per SKU, or for the whole shop.

Written as text like ``11:1.8 12:1.6`` (or ``nov:1.8``) in forms and settings and
stored as ``{"11": 1.8, "12": 1.6}``. A SKU's own factor for a month replaces
the shop-wide one for that month; months without a factor are 1.
"""

from __future__ import annotations

from sellertui.core.i18n import _
from sellertui.domain.fields import FieldError

MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MAX_FACTOR = 10.0


def parse_factors(text: str) -> dict[str, float]:
    """``"11:1.8 dec:1.6"`` -> ``{"11": 1.8, "12": 1.6}``; blank -> ``{}``."""
    factors: dict[str, float] = {}
    for part in text.replace(",", " ").split():
        month_text, sep, factor_text = part.partition(":")
        if not sep:
            raise FieldError(_("{part!r}: write month:factor, like 11:1.8").format(part=part))
        month = _month(month_text)
        try:
            factor = float(factor_text.lstrip("x×"))
        except ValueError:
            raise FieldError(_("{part!r}: the factor must be a number, like 1.8").format(part=part)) from None
        if not 0 < factor <= MAX_FACTOR:
            raise FieldError(_("{part!r}: a factor is above 0 and at most {MAX_FACTOR:g}")
                                 .format(part=part, MAX_FACTOR=MAX_FACTOR))
        key = f"{month:02d}"
        if key in factors:
            raise FieldError(_("month {month} is given twice").format(month=month))
        factors[key] = factor
    return dict(sorted(factors.items()))


def _month(text: str) -> int:
    name = text.strip().lower()[:3]
    if name in MONTH_NAMES:
        return MONTH_NAMES.index(name) + 1
    try:
        month = int(text)
    except ValueError:
        raise FieldError(_("{text!r} is not a month (1-12 or jan-dec)").format(text=text)) from None
    if not 1 <= month <= 12:
        raise FieldError(_("{text!r} is not a month (1-12 or jan-dec)").format(text=text))
    return month


def format_factors(factors: dict | None) -> str:
    return " ".join(f"{int(m)}:{f:g}" for m, f in sorted((factors or {}).items()))


def month_factors(own: dict | None, shop: dict | None) -> list[float]:
    """The factor of each month, January first: the SKU's own, else the shop's, else 1."""
    merged = {**(shop or {}), **(own or {})}
    return [float(merged.get(f"{m:02d}", 1.0)) for m in range(1, 13)]


def month_name(month: int) -> str:
    return MONTH_NAMES[month - 1].capitalize()

"""Dates, numbers and percentages as the language writes them (CLDR through Babel; money is core.money).

For text people read: "May 2026" / "2026年5月", "May 3" / "5月3日", "12,345" / "12,345", "26%".
Stored values, CSV exports and JSON stay ISO and plain: scripts read them.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from sellertui.core.i18n import babel_locale


def month(day: date) -> str:
    """'May 2026' / '2026年5月'."""
    return _skeleton("yMMM", day)


def month_name(day: date) -> str:
    """'Nov' / '11月'."""
    return _skeleton("MMM", day)


def short_day(day: date) -> str:
    """'May 3' / '5月3日'."""
    return _skeleton("MMMd", day)


def long_day(day: date) -> str:
    """'May 3, 2026' / '2026年5月3日'."""
    return _skeleton("yMMMd", day)


def weekday_abbreviations() -> list[str]:
    """Monday first: 'Mon' … 'Sun' / '周一' … '周日'."""
    if babel_locale() == "en_US":
        import calendar

        return list(calendar.day_abbr)
    from babel.dates import get_day_names

    names = get_day_names("abbreviated", locale=babel_locale())
    return [names[i] for i in range(7)]  # Babel's 0 is Monday, as the calendar's


def weekday_day(day: date) -> str:
    """'Sun, May 3' / '5月3日周日'."""
    return _skeleton("MMMEd", day)


def dated(day: date, english: str, skeleton: str) -> str:
    """``day`` in English as the app has always written it there (strftime ``english``), in another language
    by the CLDR ``skeleton`` (Babel): '%a %d %b %Y' / 'yMMMEd' → 'Sat 05 Dec 2026' / '2026年12月5日周六'."""
    if babel_locale() == "en_US":
        return day.strftime(english)
    return _skeleton(skeleton, day)


def number(value: float | int, places: int = 0) -> str:
    """12345.6 → '12,346' (places=0) with the language's separators."""
    group, decimal = _symbols(babel_locale())
    text = f"{value:,.{places}f}"
    return text if (group, decimal) == (",", ".") else text.translate({ord(","): group, ord("."): decimal})


def percent(ratio: float | None, places: int = 0) -> str:
    """0.256 → '26%'; None or NaN → '—'."""
    if ratio is None or ratio != ratio:
        return "—"
    return f"{number(ratio * 100, places)}%"


def _skeleton(skeleton: str, day: date) -> str:
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, day, locale=babel_locale())


@lru_cache(maxsize=8)
def _symbols(locale: str) -> tuple[str, str]:
    from babel import Locale

    symbols = Locale.parse(locale).number_symbols.get("latn", {})
    return symbols.get("group", ","), symbols.get("decimal", ".")

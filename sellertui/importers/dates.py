"""Dates and times in every form the reports use, to ISO 8601.

``2020-02-18T05:05:21+00:00``, ``2020-02-18 05:05:21 UTC``, ``Feb 1, 2020``,
``Dec 01, 2019``, ``08/12/2026`` (the marketplace decides day/month order unless
a part above 12 settles it; dotted dates are day-first), ``14/05/2024 09:48:59 BST``, ``14.05.2024``,
``31 Jan 2024 23:59:59 UTC``, ``Jan 5, 2026 11:03:05 AM PST``, ``20260105`` and
Excel serial numbers (43862 = 2020-02-01), plus the ``date``/``datetime``
objects a workbook reader returns.

Dates become ``YYYY-MM-DD``. Datetimes become UTC with offset
(``2026-01-05T19:03:05+00:00``); one written without a zone is taken in the
marketplace's zone; a bare date in a datetime column is midnight UTC of that day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

from sellertui.core.i18n import _
from sellertui.importers.values import Bad, unguard

UTC = timezone.utc
EXCEL_EPOCH = datetime(1899, 12, 30)
MONTHS = {
    name: i
    for i, names in enumerate(
        [("jan", "january", "jän", "janv"), ("feb", "february", "févr", "fev"), ("mar", "march", "mär", "mars"),
         ("apr", "april", "avr"), ("may", "mai"), ("jun", "june", "juin"), ("jul", "july", "juil"),
         ("aug", "august", "août"), ("sep", "sept", "september"), ("oct", "october", "okt"),
         ("nov", "november"), ("dec", "december", "dez", "déc")],
        start=1,
    )
    for name in names
}
ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "IST": 330, "WEST": 60, "CET": 60, "CEST": 120, "MEZ": 60,
    "MESZ": 120, "EET": 120, "EEST": 180, "MSK": 180, "TRT": 180, "AST": 180, "GST": 240, "SGT": 480,
    "JST": 540, "KST": 540, "AWST": 480, "ACST": 570, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "PST": -480, "PDT": -420, "MST": -420, "MDT": -360, "CST": -360, "CDT": -300, "EST": -300, "EDT": -240,
    "AKST": -540, "AKDT": -480, "HST": -600, "BRT": -180,
}
_ZONE = re.compile(r"(?:\s+|(?<=\d))(?P<zone>[A-Z]{1,5}|[+-]\d{2}:?\d{2})$")
_TIME = re.compile(r"(?:[ T]+|^)(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_XYZ = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$")
_MDY_NAME = re.compile(r"^([^\W\d_]{3,9})\.?[\s-]+(\d{1,2}),?[\s-]+(\d{4})$")
_DMY_NAME = re.compile(r"^(\d{1,2})\.?[\s-]+([^\W\d_]{3,9})\.?,?[\s-]+(\d{4}|\d{2})$")


def _excel(serial: float) -> datetime:
    if not 1 <= serial < 2958466:  # Excel's own range: 1900-01-01 .. 9999-12-31
        raise Bad(_("is not a date"))
    return EXCEL_EPOCH + timedelta(days=serial)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _day_and_month(a: int, b: int, day_first: bool) -> tuple[int, int]:
    if a > 12 >= b:
        return a, b
    if b > 12 >= a:
        return b, a
    return (a, b) if day_first else (b, a)


def _calendar(text: str, day_first: bool) -> date:
    """The date part alone, in any of the written forms."""
    if m := _YMD.match(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := _XYZ.match(text):  # dotted dates (14.05.2024) are day-first everywhere
        d, mo = _day_and_month(int(m[1]), int(m[2]), day_first or "." in text)
        y = _year(m[3])
    elif m := _MDY_NAME.match(text):
        mo, d, y = MONTHS.get(m[1].lower(), 0), int(m[2]), int(m[3])
    elif m := _DMY_NAME.match(text):
        d, mo, y = int(m[1]), MONTHS.get(m[2].lower(), 0), _year(m[3])
    elif len(text) == 8 and text.isdigit():
        y, mo, d = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        raise Bad(_("is not a date"))
    if not mo:
        raise Bad(_("is not a date (unknown month name)"))
    try:
        return date(y, mo, d)
    except ValueError:
        raise Bad(_("is not a date (no such day)")) from None


@lru_cache(maxsize=64)
def _zone(name: str) -> tzinfo:
    if name in ZONES:
        return timezone(timedelta(minutes=ZONES[name]))
    if name[0] in "+-":
        sign = -1 if name[0] == "-" else 1
        digits = name[1:].replace(":", "")
        return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    raise Bad(_("has a time zone sellertui does not know ({name})").format(name=name))


@lru_cache(maxsize=64)
def market_zone(name: str) -> tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def _moment(value: object, day_first: bool) -> tuple[date, time | None, tzinfo | None]:
    """(date, time or None, zone or None) of any written date/time."""
    if isinstance(value, datetime):
        return value.date(), value.timetz().replace(tzinfo=None), value.tzinfo
    if isinstance(value, date):
        return value, None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        moment = _excel(float(value))
        return moment.date(), (moment.time() if moment.time() != time(0) else None), None
    text = " ".join(unguard(str(value).strip()).split())
    if not text:
        raise Bad(_("is empty"))
    if text[:4].isdigit() and len(text) > 10 and text[4] == "-":  # ISO with a time: the C parser first
        try:
            moment = datetime.fromisoformat(text.replace(" UTC", "+00:00").replace("Z", "+00:00"))
            return moment.date(), moment.timetz().replace(tzinfo=None), moment.tzinfo
        except ValueError:
            pass
    zone = None
    if ":" in text and (m := _ZONE.search(text)):  # only a time carries a zone
        if m["zone"].upper() not in ("AM", "PM") and not text.endswith(("AM", "PM")):
            zone = _zone(m["zone"])
            text = text[: m.start()].rstrip()
    clock = None
    if m := _TIME.search(text):
        hour, minute, second = int(m["h"]), int(m["m"]), int(m["s"] or 0)
        if m["ampm"]:
            if not 1 <= hour <= 12:
                raise Bad(_("is not a time (hour with AM/PM)"))
            hour = hour % 12 + (12 if m["ampm"][0] in "Pp" else 0)
        try:
            clock = time(hour, minute, second)
        except ValueError:
            raise Bad(_("is not a time")) from None
        text = text[: m.start()].rstrip(" ,T")
    elif text.replace(".", "", 1).isdigit() and len(text) in range(3, 12) and len(text.split(".")[0]) <= 5:
        moment = _excel(float(text))  # an Excel serial number that reached us as text
        return moment.date(), (moment.time() if moment.time() != time(0) else None), None
    return _calendar(text, day_first), clock, zone


def parse_date(value: object, day_first: bool) -> str:
    """Any written date (a time, if any, is dropped) -> ``YYYY-MM-DD``."""
    day, _time, _tz = _moment(value, day_first)
    return day.isoformat()


def parse_datetime(value: object, day_first: bool, market_tz: str) -> str:
    """Any written date/time -> ISO 8601 in UTC (``2026-01-05T19:03:05+00:00``)."""
    if isinstance(value, str) and len(value) == 25 and value.endswith("+00:00") and value[10] == "T":
        try:  # already canonical: the common case in flat files, checked by the C parser
            datetime.fromisoformat(value)
            return value
        except ValueError:
            pass
    day, clock, zone = _moment(value, day_first)
    if clock is None:
        moment = datetime.combine(day, time(0), UTC)
    else:
        moment = datetime.combine(day, clock, zone or market_zone(market_tz))
    try:
        return moment.astimezone(UTC).isoformat(timespec="seconds")
    except (OverflowError, ValueError):
        raise Bad(_("is not a date")) from None


def parse_period(text: str) -> tuple[str, str]:
    """``2026-01-01..2026-01-31`` (or one date) -> (start, end) ISO dates."""
    parts = [p.strip() for p in text.split("..")] if ".." in text else [text.strip(), text.strip()]
    if len(parts) != 2 or not all(parts):
        raise Bad(_("is not a period like 2026-01-01..2026-01-31"))
    try:
        start, end = (date.fromisoformat(p) for p in parts)
    except ValueError:
        raise Bad(_("is not a period like 2026-01-01..2026-01-31")) from None
    if end < start:
        raise Bad(_("ends before it starts"))
    return start.isoformat(), end.isoformat()


def local_date(moment: str | None, market_tz: str) -> str | None:
    """The calendar day an ISO datetime falls on in the marketplace's zone (ship-by dates)."""
    if not moment:
        return None
    return datetime.fromisoformat(moment).astimezone(market_zone(market_tz)).date().isoformat()

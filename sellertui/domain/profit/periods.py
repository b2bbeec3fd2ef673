"""Periods of a P&L: months (``2026-11``), ISO weeks (``2026-W47``) and quarters (``2026-Q4``)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from sellertui.core.i18n import N_
from sellertui.core.formats import dated

GRAINS = ("month", "week", "quarter")
GRAIN_WORDS = {"month": N_("month"), "week": N_("week"), "quarter": N_("quarter")}  # shown translated
NAMES = {"month": "Month", "week": "Week", "quarter": "Quarter"}


def check_grain(grain: str) -> str:
    if grain not in GRAINS:
        raise ValueError(f"a period is a month, week or quarter, not {grain!r}")
    return grain


def period_of(day: date, grain: str) -> str:
    if grain == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if grain == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def bounds(period: str, grain: str) -> tuple[date, date]:
    """First and last day of a period (both included)."""
    if grain == "month":
        year, month = int(period[:4]), int(period[5:7])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if grain == "quarter":
        year, quarter = int(period[:4]), int(period[6])
        first = date(year, 3 * quarter - 2, 1)
        last_month = 3 * quarter
        return first, date(year, last_month, calendar.monthrange(year, last_month)[1])
    monday = date.fromisocalendar(int(period[:4]), int(period[6:8]), 1)
    return monday, monday + timedelta(days=6)


def step(period: str, grain: str, count: int = 1) -> str:
    """The period ``count`` periods later (earlier when negative)."""
    first, last = bounds(period, grain)
    if grain == "week":
        return period_of(first + timedelta(weeks=count), grain)
    months = 3 if grain == "quarter" else 1
    index = first.year * 12 + first.month - 1 + count * months
    return period_of(date(index // 12, index % 12 + 1, 1), grain)


def between(first: date, last: date, grain: str) -> list[str]:
    """Every period from the one holding ``first`` to the one holding ``last``."""
    if last < first:
        return []
    found, current, end = [], period_of(first, grain), period_of(last, grain)
    while True:
        found.append(current)
        if current == end:
            return found
        current = step(current, grain)


def label(period: str, grain: str) -> str:
    """A short column heading: ``Nov 2026``, ``W47 11-16``, ``2026 Q4``."""
    first, _ = bounds(period, grain)
    if grain == "month":
        return dated(first, "%b %Y", "yMMM")
    if grain == "quarter":
        return f"{period[:4]} {period[5:]}"
    return f"W{period[6:8]} {first:%m-%d}"


def tick(month: str) -> str:
    """A month under a chart's bar, where columns are narrow: 'Nov26' / '11月'."""
    return dated(bounds(month, "month")[0], "%b%y", "MMM")


def months_of(period: str, grain: str) -> list[str]:
    first, last = bounds(period, grain)
    return between(first, last, "month")


def elapsed_share(period: str, grain: str, now_day: date) -> float:
    """How much of the period lies on or before ``now_day`` (1.0 for a past period)."""
    first, last = bounds(period, grain)
    if now_day >= last:
        return 1.0
    if now_day < first:
        return 0.0
    return ((now_day - first).days + 1) / ((last - first).days + 1)

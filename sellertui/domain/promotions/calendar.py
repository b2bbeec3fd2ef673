"""The month grid's layout: weeks of a month, and promotions laid out as bars in lanes.

Weeks run Monday to Sunday. In each week a promotion is a bar from its first
to its last day in that week; bars that share a day go in different lanes,
the earliest-starting (then longest) bar in the topmost free lane, so a
promotion keeps its lane across the week wherever it can.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


def weeks(year: int, month: int) -> list[list[date]]:
    """The Monday-first weeks that cover the month (4 to 6 of them, with days of the months around)."""
    first = date(year, month, 1)
    last = add_months(first, 1) - timedelta(days=1)
    day = first - timedelta(days=first.weekday())
    found = []
    while day <= last:
        found.append([day + timedelta(days=i) for i in range(7)])
        day += timedelta(days=7)
    return found


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clipped to the month's length (Jan 31 + 1 month = Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return date(year, month, min(day.day, last.day))


@dataclass(frozen=True)
class Bar:
    key: str  # the promotion's id
    first: int  # column of its first day in this week (0 = Monday)
    last: int  # column of its last day in this week
    starts: bool  # the promotion starts in this week (not continued from the week before)
    ends: bool  # ... and ends in it


def lanes(week: list[date], spans: list[tuple[str, date, date]]) -> list[list[Bar]]:
    """Bars of the ``spans`` (key, start, end) that touch ``week``, in non-overlapping lanes."""
    monday, sunday = week[0], week[-1]
    bars = []
    for key, start, end in spans:
        if end < monday or start > sunday:
            continue
        first, last = max(start, monday), min(end, sunday)
        bars.append(Bar(key, (first - monday).days, (last - monday).days, start >= monday, end <= sunday))
    bars.sort(key=lambda b: (b.first, -(b.last - b.first), b.key))
    placed: list[list[Bar]] = []
    for bar in bars:
        for lane in placed:
            if all(bar.first > other.last or bar.last < other.first for other in lane):
                lane.append(bar)
                break
        else:
            placed.append([bar])
    return placed

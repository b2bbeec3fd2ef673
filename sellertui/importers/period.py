"""The period of a report that carries no dates (Business Report, the bulk file's search terms).

``--period START..END`` wins; otherwise a range written in the file name
(``BusinessReport-2026-01-01-2026-01-31.csv``, ``report_20260105_20260111.csv``).
One date is not a period: Seller Central names a download
``BusinessReport-15-10-2025.csv`` by the day it was saved, whatever days it
covers, so such a file needs ``--period`` (``PeriodNeeded`` says so, and the
import screen asks, offering ``choices``). The result says where it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sellertui import clock
from sellertui.importers.dates import parse_period
from sellertui.importers.errors import FileProblem
from sellertui.importers.values import Bad
from sellertui.core.formats import dated
from sellertui.core.i18n import N_, _, shown

_ISO = re.compile(r"(?<!\d)(\d{4})[-_.](\d{1,2})[-_.](\d{1,2})(?!\d)")
_XYZ = re.compile(r"(?<!\d)(\d{1,2})[-_.](\d{1,2})[-_.](\d{4})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)")


@dataclass(frozen=True)
class Period:
    start: str
    end: str
    source: str  # "--period" or "the file name"

    def __str__(self) -> str:
        return self.start if self.start == self.end else f"{self.start}..{self.end}"


def from_option(text: str) -> Period:
    try:
        start, end = parse_period(text)
    except Bad as exc:
        from sellertui.core.errors import UserError

        raise UserError(_("--period {text} {reason}").format(text=repr(text), reason=exc.reason)) from None
    return Period(start, end, "--period")


def dates_in_name(name: str, day_first: bool) -> list[date]:
    """Every date written in a file name, in order of appearance."""
    found: list[tuple[int, date]] = []
    taken: list[range] = []

    def add(pos: range, y: int, m: int, d: int) -> None:
        if any(pos.start < t.stop and t.start < pos.stop for t in taken):
            return
        try:
            found.append((pos.start, date(y, m, d)))
            taken.append(pos)
        except ValueError:
            pass

    for m in _ISO.finditer(name):
        add(range(m.start(), m.end()), int(m[1]), int(m[2]), int(m[3]))
    for m in _XYZ.finditer(name):
        a, b = int(m[1]), int(m[2])
        day, month = (a, b) if (a > 12 or (day_first and b <= 12)) and b <= 12 else (b, a)
        add(range(m.start(), m.end()), int(m[3]), month, day)
    for m in _COMPACT.finditer(name):
        add(range(m.start(), m.end()), int(m[1]), int(m[2]), int(m[3]))
    return [d for _, d in sorted(found)]


class PeriodNeeded(FileProblem):
    """A report without dates whose name carries no range: the user must say which days it covers."""

    def __init__(self, file: str, label: str, saved: date | None) -> None:
        self.label, self.saved = label, saved
        first, last = choices(saved or clock.today())[0][1:]
        if saved:
            message = _("is {kind}, which has no dates of its own, named by the day it was downloaded ({saved}), not "
                        "by the days it covers: say which days it covers with --period START..END (e.g. --period "
                        "{first}..{last})").format(kind=shown(label), saved=saved.isoformat(), first=first, last=last)
        else:
            message = _("is {kind}, which has no dates of its own, and its file name holds no dates: say which days "
                        "it covers with --period START..END (e.g. --period {first}..{last})").format(
                            kind=shown(label), first=first, last=last)
        super().__init__(file, message)


def resolve(option: str | None, file_name: str, day_first: bool) -> Period | None:
    """The period from ``--period``, else from a range in the file name; None when neither says."""
    if option:
        return from_option(option)
    found = dates_in_name(file_name, day_first)
    if len(found) < 2:
        return None
    first, last = sorted(found[:2])
    return Period(first.isoformat(), last.isoformat(), N_("the file name"))


def download_day(file_name: str, day_first: bool) -> date | None:
    """The one date in a name like ``BusinessReport-15-10-2025.csv``: when it was downloaded."""
    found = dates_in_name(file_name, day_first)
    return found[0] if len(found) == 1 else None


def choices(before: date) -> list[tuple[str, str, str]]:
    """(label, start, end) of the periods to offer for a report saved on ``before``: the last full month
    before that day, then the 30 days up to the day before it (the day itself is not complete)."""
    last_month_end = before.replace(day=1) - timedelta(days=1)
    yesterday = before - timedelta(days=1)
    return [(_("the last full month, {month}").format(month=dated(last_month_end, "%B %Y", "yMMMM")),
             last_month_end.replace(day=1).isoformat(), last_month_end.isoformat()),
            (_("the last 30 days"), (yesterday - timedelta(days=29)).isoformat(), yesterday.isoformat())]

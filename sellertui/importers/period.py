"""The period of a report that carries no dates (Business Report, the bulk file's search terms).

``--period START..END`` wins; otherwise the date or dates in the file name
(``BusinessReport-15-10-2025.csv``, ``bulk-2026-01-01-2026-01-31.xlsx``,
``report_20260105.csv``). The result says which was used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sellertui.importers.dates import parse_period
from sellertui.importers.values import Bad

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

        raise UserError(f"--period {text!r} {exc.reason}") from None
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


def resolve(option: str | None, file_name: str, day_first: bool) -> Period | None:
    if option:
        return from_option(option)
    found = dates_in_name(file_name, day_first)
    if not found:
        return None
    first, last = (found[0], found[0]) if len(found) == 1 else sorted(found[:2])
    return Period(first.isoformat(), last.isoformat(), "the file name")

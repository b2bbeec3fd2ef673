"""The window of days the Ads tab looks at: a preset length or custom dates.

A window ends on a day (by default the last day the imported data covers, so
a report downloaded a few days late still fills "last 7 days") and is stepped
by its own length (shift+←/→). Search-term rows from summary reports cover
several days (date..end_date): a row belongs to a window only when its whole
range lies inside it, so no row is ever counted in part or twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sellertui.core.i18n import _
from sellertui.core.formats import dated

PRESETS = (7, 14, 30, 60, 90)


@dataclass(frozen=True)
class Window:
    start: date
    end: date  # inclusive
    preset: int | None = None  # the preset length, None for custom dates

    @classmethod
    def last(cls, days: int, end: date) -> "Window":
        return cls(end - timedelta(days=days - 1), end, days if days in PRESETS else None)

    @classmethod
    def custom(cls, start: date, end: date) -> "Window":
        if end < start:
            raise ValueError("the window ends before it starts")
        return cls(start, end, None)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def step(self, count: int) -> "Window":
        """The window ``count`` lengths later (negative: earlier)."""
        shift = timedelta(days=self.days * count)
        return Window(self.start + shift, self.end + shift, self.preset)

    def next_preset(self) -> "Window":
        """The next preset length (7 → 14 → 30 → 60 → 90 → 7), keeping the end day."""
        later = [p for p in PRESETS if p > self.days]
        return Window.last(later[0] if later else PRESETS[0], self.end)

    def holds(self, first: str, last: str) -> bool:
        """Whether a row covering ``first``..``last`` (ISO days) lies inside the window."""
        return self.start.isoformat() <= first and last <= self.end.isoformat()

    def months(self) -> list[str]:
        """The ``YYYY-MM`` partitions a row of this window can be in (rows are filed by their first day)."""
        months, day = [], self.start.replace(day=1)
        while day <= self.end:
            months.append(day.strftime("%Y-%m"))
            day = (day + timedelta(days=32)).replace(day=1)
        return months

    @property
    def label(self) -> str:
        span = _("{start} – {end}").format(start=dated(self.start, "%b %-d", "MMMd"),
                                           end=dated(self.end, "%b %-d %Y", "yMMMd"))
        return (_("{days} days · {span}") if self.preset else _("custom · {span}")).format(days=self.days, span=span)

    @property
    def short_label(self) -> str:
        """For narrow places: '30d Oct 23–Nov 21'."""
        span = f"{dated(self.start, '%b %-d', 'MMMd')}–{dated(self.end, '%b %-d', 'MMMd')}"
        return _("{days}d {span}").format(days=self.days, span=span) if self.preset else f"{span} {self.end:%Y}"

    def as_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "days": self.days}

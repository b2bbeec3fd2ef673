"""Time spent on a record in its own tab, for Today's "where your time goes" and the hiring signal.

A session starts when the user opens a record (``enter``) or arrives on it from
Today (which started it), and ends when the record's state changes (a save of
what the view shows), when the user opens another record, or leaves the view.
The time goes to ``today_ticks`` through ``domain.today.ticks`` like a Today
item's, so an area's workload is not starved when the work happens in its tab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sellertui.domain.today import ticks

if TYPE_CHECKING:
    from sellertui.ui.kit.area import ShopPart

TICKS = frozenset({"today_ticks"})  # what the clock writes (a view's own saves of it end no session)


class WorkClock:
    def __init__(self, part: "ShopPart") -> None:
        self.part = part
        self.current: tuple[str, str, str] | None = None  # (item key, area, title)

    def start(self, key: str, area: str, title: str) -> None:
        """The user opened this record here: a session starts (one at a time)."""
        if self.current is not None and self.current[0] == key:
            return
        self.stop()
        self.current = (key, area, title)
        self._write(lambda store, user: ticks.mark_opened(store, user, key, area, title))

    def adopt(self, key: str, area: str, title: str) -> None:
        """Today opened this item (its session is running): it goes on here until the record changes."""
        if self.current is not None and self.current[0] != key:
            self.stop()
        self.current = (key, area, title)
        self._write(lambda store, user: ticks.mark_opened(store, user, key, area, title))  # no-op if running

    def stop(self, done: bool = False) -> None:
        """The session ends: the user left (``done``: the record's state changed, so the item is done)."""
        if self.current is None:
            return
        key, area, title = self.current
        self.current = None
        self._write(lambda store, user: ticks.close_work(store, user, key, area, title, done=done))

    def _write(self, write) -> None:
        user = self.part.ctx.user
        self.part.save(lambda store: write(store, user), "", TICKS)

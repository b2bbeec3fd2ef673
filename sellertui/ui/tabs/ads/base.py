"""What the Ads views share: loading through the area's service for its window, the filter, cells."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on

from sellertui.ui.kit.messages import Saved
from sellertui.ui.kit.table import Column, FrameTable
from sellertui.ui.kit.table_view import TableView

DECIDED = frozenset({"ad_actions"})  # what approving, rejecting, editing and undoing change


def percent(value: Any) -> str:
    from sellertui.domain.ads.metrics import pct

    return pct(value)


def count(value: Any) -> str:
    return "" if value is None or value != value else f"{int(value):,}"


def numbers() -> list[Column]:
    """The columns of a decision's numbers (Proposals, Ledger); frames carry ``spend_text``."""
    return [
        Column("clicks", "Clicks", 6, "right", count),
        Column("orders", "Ord", 3, "right", count),
        Column("spend_text", "Spend", 8, "right", sort_key="spend_minor"),
        Column("acos", "ACoS", 6, "right", percent),
    ]


class AdsView(TableView):
    """A table of the Ads area, computed in a worker by ``compute(service, window)``."""

    FIELDS: ClassVar[dict] = {}  # filter fields: name -> sellertui.domain.ads.filtering.Field
    WORDS: ClassVar[list[str]] = []  # columns free words search
    extra: Any = None  # what compute returned beside the frame

    _request = 0
    _asked: tuple = (None, None, 0)  # (window, the area's service getter, request) of the latest reload

    def reload(self) -> None:
        area = self.area
        self._request += 1
        self._asked = (area.window, area.service, self._request)  # one assignment: a worker reads it whole
        self._load()

    def load(self):
        window, service_of, request = self._asked
        service = service_of()
        window = window or service.default_window()
        frame, extra = self.compute(service, window)
        return window, frame, extra, request

    def compute(self, service, window) -> tuple[Any, Any]:
        """(frame, extra) to show; runs in a worker thread (no widgets here)."""
        raise TypeError(f"{type(self).__name__} must define compute()")

    def show_loaded(self, loaded) -> None:
        window, frame, extra, request = loaded
        if request != self._request:  # a later load (another window) is on its way: a thread can't be stopped
            return
        self.extra = extra
        self.area.window_shown(window)
        super().show_loaded(frame)

    def filter(self, frame, text: str):
        from sellertui.domain.ads.filtering import positions

        return positions(frame, text, self.FIELDS, self.WORDS)

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        if event.position is not None:
            self.explain()

    def explain(self) -> None:
        """Show the working of the row under the cursor (i, enter)."""

    def positions(self) -> list[int]:
        return self.table.selected_positions()

    def on_saved(self, message: Saved) -> None:
        """After this view's write: clear the marks (the app then says what happened and refreshes every tab)."""
        self.table.clear_marks()
        if getattr(message.result, "skipped", None):
            message.severity = "warning"  # some were not done (a teammate decided first, an export in between)

"""What the Ads views share: loading through the area's service for its window, the filter, cells."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work

from sellertui.ui.kit.table import Column, FrameTable
from sellertui.ui.kit.table_view import TableView


def money_texts(frame, column: str, currency_column: str = "currency") -> list[str]:
    """A money column as text in each row's own currency (blank for a missing value)."""
    from sellertui.core.money import fmt

    return ["" if v is None or v != v else fmt(int(v), c) for v, c in zip(frame[column], frame[currency_column])]


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

    def reload(self) -> None:
        area = self.area
        self._window, self._service = area.window, area.service
        self._request += 1
        self._load(self._request)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self, request: int) -> None:
        service = self._service()
        window = self._window or service.default_window()
        frame, extra = self.compute(service, window)
        self.app.call_from_thread(self._loaded, window, frame, extra, request)

    def compute(self, service, window) -> tuple[Any, Any]:
        """(frame, extra) to show; runs in a worker thread (no widgets here)."""
        raise TypeError(f"{type(self).__name__} must define compute()")

    def _loaded(self, window, frame, extra, request: int) -> None:
        if request != self._request:  # a later load (another window) is on its way: a thread can't be stopped
            return
        self.extra = extra
        self.area.window_shown(window)
        self.show_loaded(frame)

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

    def done(self, message: str, collections: frozenset[str] = frozenset({"ad_actions"}),
             severity: str = "information") -> None:
        """After a write: say what happened, clear the marks, let every tab refresh."""
        self.table.marked.clear()
        self.notify(message, severity=severity, timeout=6)
        self.app.broadcast_change(collections, external=False)

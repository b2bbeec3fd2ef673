"""The table view most views are built from: a filter bar, a ``FrameTable`` and a detail panel.

Subclasses say how to load their data (``load``, in a worker thread, through
domain functions), how to filter it, and what the detail of a row is. The
worker posts ``TableView.Loaded`` and the view shows it on the UI thread.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from sellertui.domain.query import QueryError
from sellertui.ui.kit.filterbar import FilterBar
from sellertui.ui.kit.messages import Saved
from sellertui.ui.kit.panel import PanelHolder, SidePanel, panel_binding
from sellertui.ui.kit.table import Column, FrameTable
from sellertui.ui.kit.table_columns import sorted_positions
from sellertui.ui.kit.views import View
from sellertui.ui.kit.work_clock import WorkClock
from sellertui.core.i18n import N_, _
from sellertui.ui.kit.workers import work


def _narrows(before: str, after: str) -> bool:
    """``after`` (which extends ``before``) can only match fewer rows: same terms, words only extended."""
    from sellertui.domain.query import shape

    terms_before, words_before = shape(before)
    terms_after, words_after = shape(after)
    return terms_before == terms_after and words_after >= words_before


class TableView(PanelHolder, View):
    """Filter bar + table + detail panel, loaded in a worker."""

    COLUMNS: ClassVar[list[Column]] = []
    EMPTY: ClassVar[str] = N_("Nothing here yet.")
    FILTER_HELP: ClassVar[str] = ""
    DETAIL_WIDTH: ClassVar[int] = 0  # 0: no side panel
    DETAIL_FROM: ClassVar[int] = 0  # the side panel fits beside from this terminal width on (below: a drawer, D)
    FOCUS_WIDGETS = (FrameTable,)
    # the time spent on a record opened here counts for Today's workload: its key (formatted with the
    # row: "message:{id}") and the collections whose change means its state changed (the session ends)
    TODAY_KEY: ClassVar[str] = ""
    TODAY_DONE: ClassVar[frozenset[str]] = frozenset()
    ROW_KEY: ClassVar[str] = "id"  # the column naming a row's record: the cursor follows it through reloads
    DEFAULT_CSS = """
    TableView > Horizontal { height: 1fr; }
    TableView .summary { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    TableView .detail { padding: 0 1; height: 1fr; }
    """
    # / is every table's (README, the summary lines, ?): the footer keeps its room for the view's own keys
    BINDINGS = [Binding("slash", "filter", N_("Filter"), show=False, id="table.filter"), panel_binding()]
    _detail_timer = None

    class Loaded(Message, bubble=False):
        """The view's data was read (by ``load`` in a worker): show it."""

        def __init__(self, data: Any, partial: bool = False, presorted=None) -> None:
            self.data = data
            self.partial = partial
            self.presorted = presorted  # (data, sort key, positions): the table's sort, done in the worker
            super().__init__()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.clock = WorkClock(self)

    def compose(self) -> ComposeResult:
        yield Static(classes="summary", id=f"{self.id}-summary")
        yield FilterBar(placeholder=_(self.FILTER_HELP or N_("type to filter")), id=f"{self.id}-filter")
        with Horizontal():
            # kept: the load's worker reads its sort without querying the DOM from a thread
            self._frame_table = FrameTable(list(self.COLUMNS), empty_text=self.EMPTY, id=f"{self.id}-table")
            yield self._frame_table
            if self.DETAIL_WIDTH:
                # not focusable: Textual moves focus to the nearest focusable widget when a tab is
                # hidden, and a focus landing in a hidden pane switches the tab back to it
                with VerticalScroll(classes="detail", id=f"{self.id}-detail", can_focus=False):
                    yield Static(id=f"{self.id}-detail-body")

    @property
    def table(self) -> FrameTable:
        return self.query_one(FrameTable)

    def focus_main(self) -> None:
        self.table.focus()

    # -- the side panel: beside where it fits, else a drawer (D) ------------------------
    def on_mount(self) -> None:
        if self.DETAIL_WIDTH:
            self.panel = SidePanel(self.DETAIL_WIDTH, self.DETAIL_FROM)
            self.fit_panel()

    def panel_widget(self):
        return self.query_one(f"#{self.id}-detail")

    def action_toggle_panel(self) -> None:
        super().action_toggle_panel()
        if self.panel is not None and self.panel_widget().display and self.table.frame is not None:
            self._show_detail(self.table.current_position)  # opened: what is under the cursor now

    def check_action(self, action: str, parameters) -> bool | None:
        # D only where there is a panel (elsewhere it is not in the footer, and the key is free)
        return bool(self.DETAIL_WIDTH) if action == "toggle_panel" else True

    # -- loading ---------------------------------------------------------------
    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        data = self.load()
        self.post_message(self.Loaded(data, presorted=self._presort(data)))

    _frame_table: FrameTable | None = None
    sorted_ahead = None  # (frame, sort key, positions): a load's frame sorted already (by a read ahead)
    _presorted = None  # the Loaded message's presorted, while it is shown

    def _presort(self, data):
        """(data, sort key, positions) when ``data`` is a frame the table sorts: a 100k-row sort costs ~20 ms,
        spent here in the worker rather than on the UI thread before the first paint."""
        sort_by = self._frame_table.sort_by if self._frame_table is not None else None
        ahead, self.sorted_ahead = self.sorted_ahead, None  # once: it must not keep an old frame alive
        if ahead is not None and ahead[0] is data and ahead[1] == sort_by:
            return ahead
        if sort_by is None or not hasattr(data, "columns") or sort_by[0] not in data.columns:
            return None
        return data, sort_by, sorted_positions(data[sort_by[0]], sort_by[1])

    def load(self):
        """Read the data to show (runs in a worker thread: no widgets here). Subclasses define it."""
        raise TypeError(f"{type(self).__name__} must define load()")

    def show_first(self, data) -> None:
        """Show a first part while the rest loads (from ``load``: e.g. the newest months)."""
        self.post_message(self.Loaded(data, partial=True, presorted=self._presort(data)))

    _pending_select: tuple | None = None  # select_where's arguments, until the data is there

    def on_table_view_loaded(self, message: Loaded) -> None:
        self._presorted = message.presorted
        try:
            if message.partial:
                self.show_partial(message.data)
            else:
                self.show_loaded(message.data)
        finally:
            self._presorted = None

    def show_partial(self, frame) -> None:
        self._show_frame(frame)

    def show_loaded(self, frame) -> None:
        """Show what ``load`` returned (a frame; views that load more unpack it, then call this)."""
        self._show_frame(frame)
        self._kept = None
        self.show_summary(frame)
        self.done_loading()
        if self._pending_select is not None:
            self.select_where(*self._pending_select)

    def _show_frame(self, frame) -> None:
        """Show a new frame with the cursor on the record it was on (a reload re-sorts: rows move)."""
        kept = self._kept  # the rows were let go: the record, cursor and scroll of when they were
        record = self.current_value(self.ROW_KEY) if kept is None else kept[0]
        presorted = self._presorted
        # the worker's sort, if it sorted this very frame (a view may show another one than it loaded)
        self.table.set_frame(frame, keep_position=False,
                             sorted_index=presorted[1:] if presorted is not None and presorted[0] is frame else None)
        self._refilter(keep=True)
        if kept is not None:  # forced: the table without rows had no scroll bar yet, nothing to scroll
            self.table.scroll_to(y=kept[2], animate=False, force=True, immediate=True)
        if record is None or not self.select_row(self.ROW_KEY, record):
            if kept is None:
                self.table.action_jump(0)  # a first load opens on the first row (the newest, the most urgent)
            else:
                self.table.cursor_row = min(kept[1], max(len(self.table.order) - 1, 0))

    # -- letting go of the rows while the tab is not shown ------------------------------
    RELEASE_ROWS: ClassVar[int] = 10_000  # a table at least this long lets go of its rows when its tab is left
    _kept: tuple | None = None  # (record under the cursor, cursor row, scroll) while the rows are let go

    def release(self) -> bool:
        """Let go of the rows (the tab was left) when they are many; the next show reads them again (from the
        kept frames: milliseconds) with the filter, sort, marks, cursor and scroll as the user left them."""
        table = self.table
        frame = table.frame
        if frame is None or not self.loaded or len(frame) < self.RELEASE_ROWS:
            return False
        self._kept = (self.current_value(self.ROW_KEY), table.cursor_row, table.scroll_y)
        self._last_filter = None  # it holds the frame
        table.set_frame(None)
        self.loaded = False
        return True

    def select_where(self, column: str, value, work: tuple[str, str, str] | None = None,
                     then: str | None = None) -> None:
        """Put the cursor on the row whose ``column`` is ``value`` (now, or once loaded), clearing any filter.

        ``work``: (item key, area, title) of the Today item it comes from, whose work session goes on here.
        ``then``: an action to run on that row once it is under the cursor (never on another row).
        """
        if work is not None:
            self.clock.adopt(*work)
        frame = self.table.frame
        if frame is None or not self.loaded:
            self._pending_select = (column, value, None, then)
            return
        self._pending_select = None
        hits = (frame[column] == value).to_numpy().nonzero()[0] if column in frame else []
        if not len(hits):
            self.notify(_("It is no longer in this list: done already?"), timeout=3)
            return
        bar = self.query_one(FilterBar)
        if bar.value:
            bar.action_close()
        self.table.set_order(range(len(frame)))
        rows = (self.table.order == hits[0]).nonzero()[0]
        if len(rows):
            self.table.cursor_row = int(rows[0])
        if self.area.is_active and self.area.current is self:  # the user may have moved on while it loaded
            self.table.focus()
            if then:
                self.call_later(self.run_action, then)

    def select_row(self, key: str, value) -> bool:
        """Put the cursor on the shown row whose ``key`` column holds ``value`` (the filter stays).

        Returns whether such a row is shown.
        """
        import numpy as np

        frame = self.table.frame
        if frame is None or key not in frame or value is None:
            return False
        try:  # the frame's rows holding it, compared in the column's own (Arrow) storage: no object copy
            holding = np.flatnonzero((frame[key] == value).to_numpy(dtype=bool, na_value=False))
        except (TypeError, ValueError):
            holding = np.flatnonzero(frame[key].to_numpy() == value)
        hits = np.flatnonzero(np.isin(self.table.order, holding)) if len(holding) else holding
        if not len(hits):
            return False
        self.table.cursor_row = int(hits[0])
        return True

    def current_value(self, key: str):
        return self.table.value(key) if self.table.frame is not None else None

    def current_row(self) -> dict | None:
        """The row under the cursor as plain values (None when there is none)."""
        position = self.table.current_position
        return None if position is None else self.table.row(position)

    def show_summary(self, frame) -> None:
        """Override to put a line of totals above the table."""

    _summary: Any = ""

    def summary(self, renderable: Any) -> None:
        self._summary = renderable
        self._draw_summary()

    def _draw_summary(self) -> None:
        """The view's summary, led by "N of M shown" while a filter hides rows."""
        body = self._summary
        frame = self.table.frame
        shown = len(self.table.order)
        if frame is not None and shown != len(frame):
            count = Text.assemble((_("{shown} of {total} shown").format(shown=f"{shown:,}", total=f"{len(frame):,}"),
                                   "bold reverse"), " ")
            if isinstance(body, Text):
                body = Text.assemble(count, body)
            elif isinstance(body, str):
                body = Text.assemble(count, body)
            else:
                body = Group(count, body)
        self.query_one(f"#{self.id}-summary", Static).update(body)

    # -- filtering -------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    @on(FilterBar.Typed)
    def _filter_changed(self, event: FilterBar.Typed) -> None:
        self._refilter(keep=False)  # a new filter: show its first match, from the top

    @on(FilterBar.Done)
    def _filter_done(self) -> None:
        self._refilter(keep=True)  # esc clears it: the record found stays under the cursor
        self.table.focus()

    _last_filter: tuple[object, str, object] | None = None  # (frame, text, positions)
    _filter_error: str | None = None

    def _refilter(self, keep: bool) -> None:
        """Show the rows the filter matches: from the first (``keep``: the cursor stays on its record)."""
        bar = self.query_one(FilterBar)
        frame = self.table.frame
        if frame is None:
            return
        text = bar.value
        last = self._last_filter
        try:
            if (last is not None and last[0] is frame and last[2] is not None and last[1].strip()
                    and text.startswith(last[1]) and _narrows(last[1], text)):
                # Typing on can only narrow an AND of substring tests: search the last result only.
                within = last[2]
                found = self.filter_within(frame, text, within)
                positions = within if found is None else within[found]
            else:
                positions = self.filter(frame, text)
            bar.remove_class("bad")
            bar.tooltip = None
            self._filter_error = None
        except QueryError as exc:
            bar.add_class("bad")
            bar.tooltip = str(exc)
            if str(exc) != self._filter_error:  # once per mistake, not once per keystroke
                self._filter_error = str(exc)
                self.notify(str(exc), severity="warning", timeout=4)
            return
        self._last_filter = (frame, text, positions)
        self.table.set_order(range(len(frame)) if positions is None else positions)
        if not keep:
            self.table.action_jump(0)
        self._draw_summary()

    def filter(self, frame, text: str):
        """Positions (in ``frame``) of the rows matching ``text``; None when nothing is filtered.

        The filter must be an AND of tests that typing more can only narrow
        (substrings, prefixes): ``_refilter`` relies on it to search within the
        previous result while the user types.
        """
        return None

    def filter_within(self, frame, text: str, within):
        """``filter`` over the rows at ``within`` only; positions into ``within``. A view whose filter can
        read those rows without copying the frame (at a million rows a copy costs more than the search)
        overrides it."""
        return self.filter(frame.iloc[within], text)

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        """enter on a row: the view's ``action_open`` (details, the working...), if it has one."""
        opener = getattr(self, "action_open", None)
        if opener is not None and event.position is not None:
            opener()

    # -- the time spent on a record (Today's workload) ----------------------------------------
    @on(FrameTable.RowSelected)
    def _work_starts(self, event: FrameTable.RowSelected) -> None:
        if self.TODAY_KEY and event.position is not None:
            row = self.table.row(event.position)
            self.clock.start(self.TODAY_KEY.format(**row), self.area.slug(), self.work_title(row))

    def work_title(self, row: dict) -> str:
        """How the workload names a record opened here (stored: in English, whatever the language shown)."""
        return f"{self.TITLE}: {row.get(self.ROW_KEY)}"

    def on_saved(self, saved: Saved) -> None:
        if saved.collections & self.TODAY_DONE:  # the record's state changed: its session ends, done
            self.clock.stop(done=True)

    def on_hide(self) -> None:
        self.clock.stop()  # the user left the view

    # -- detail ----------------------------------------------------------------
    @on(FrameTable.RowHighlighted)
    def _highlighted(self, event: FrameTable.RowHighlighted) -> None:
        if not self.DETAIL_WIDTH or not self.query_one(".detail").display:
            return
        # Wait for the cursor to rest: holding j, or typing a filter, must not load
        # a detail for every row passed on the way.
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(0.12, lambda: self._show_detail(event.position))

    def _show_detail(self, position: int | None) -> None:
        self._detail_timer = None
        body = self.query_one(f"#{self.id}-detail-body", Static)
        body.update(self.detail(position) if position is not None and self.table.frame is not None else "")

    def detail(self, position: int):
        """A renderable describing the row at ``position`` (for the side panel)."""
        return ""

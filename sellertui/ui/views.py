"""Areas made of views, and the table view most of them are built from.

An ``Area`` with several jobs (Orders: all orders, ship queue, messages, ...)
is a ``ViewArea``: a bar naming its views with their keys, and one view shown
at a time. A ``TableView`` is a filter bar, a ``FrameTable`` and a detail
panel: subclasses say how to load their frame (in a worker thread, through the
shared ``FrameCache``), how to filter it, and what the detail of a row is.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, Static

from sellertui.context import Context
from sellertui.domain.query import QueryError
from sellertui.ui.areas.base import Area
from sellertui.ui.filterbar import FilterBar
from sellertui.ui.table import Column, FrameTable


class View(Vertical):
    """One job inside an area. ``reload`` reads the store (in a worker) and shows it."""

    TITLE: ClassVar[str] = ""
    KEY: ClassVar[str] = ""
    DEFAULT_CSS = "View { height: 1fr; }"

    def __init__(self, ctx: Context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.loaded = False

    @property
    def area(self) -> "ViewArea":
        return next(a for a in self.ancestors if isinstance(a, ViewArea))

    def reload(self) -> None:
        self.done_loading()

    def done_loading(self) -> None:
        self.loaded = True
        self.area.view_ready(self)


class ViewArea(Area):
    """An area whose views switch with one key each (shown in the footer)."""

    VIEWS: ClassVar[tuple[type[View], ...]] = ()
    DEFAULT_CSS = """
    ViewArea > #view-bar { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    ViewArea > ContentSwitcher { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="view-bar")
        with ContentSwitcher(initial=self.VIEWS[0].__name__.lower()):
            for view in self.VIEWS:
                yield view(self.ctx, id=view.__name__.lower())

    def on_mount(self) -> None:
        self._draw_bar()

    @property
    def current(self) -> View:
        switcher = self.query_one(ContentSwitcher)
        return self.query_one(f"#{switcher.current}", View)

    def action_view(self, name: str) -> None:
        switcher = self.query_one(ContentSwitcher)
        switcher.current = name
        self._draw_bar()
        view = self.current
        if not view.loaded or self.stale:
            self.stale = False
            view.reload()
        view.focus_main()

    def _draw_bar(self) -> None:
        bar = Text(no_wrap=True, overflow="ellipsis")
        current = self.query_one(ContentSwitcher).current
        for view in self.VIEWS:
            selected = view.__name__.lower() == current
            bar.append(f" {view.KEY} ", style="bold reverse" if selected else "bold")
            bar.append(f"{view.TITLE}  ", style="bold" if selected else "")
        bar.append_text(self.bar_suffix())
        self.query_one("#view-bar", Static).update(bar)

    def bar_suffix(self) -> Text:
        """What the area adds after the view names (e.g. the period it shows)."""
        return Text()

    def reload(self) -> None:
        for view in self.query(View):
            view.loaded = False
        self.current.reload()

    def view_ready(self, view: View) -> None:
        if view is self.current:
            self.mark_ready()


def view_bindings(views: tuple[type[View], ...]) -> list[Binding]:
    """Bindings that switch to each view (for a ViewArea's BINDINGS)."""
    return [
        Binding(v.KEY, f"view('{v.__name__.lower()}')", v.TITLE, id=f"view.{v.__name__.lower()}")
        for v in views
    ]


class TableView(View):
    """Filter bar + table + detail panel, loaded in a worker."""

    COLUMNS: ClassVar[list[Column]] = []
    EMPTY: ClassVar[str] = "Nothing here yet."
    FILTER_HELP: ClassVar[str] = ""
    DETAIL_WIDTH: ClassVar[int] = 0  # 0: no side panel
    DEFAULT_CSS = """
    TableView > Horizontal { height: 1fr; }
    TableView .summary { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    TableView .detail { border-left: tall $panel; padding: 0 1; height: 1fr; }
    """
    BINDINGS = [Binding("slash", "filter", "Filter", id="table.filter")]

    def compose(self) -> ComposeResult:
        yield Static(classes="summary", id=f"{self.id}-summary")
        yield FilterBar(placeholder=self.FILTER_HELP or "type to filter", id=f"{self.id}-filter")
        with Horizontal():
            yield FrameTable(list(self.COLUMNS), empty_text=self.EMPTY, id=f"{self.id}-table")
            if self.DETAIL_WIDTH:
                with VerticalScroll(classes="detail", id=f"{self.id}-detail") as panel:
                    panel.styles.width = self.DETAIL_WIDTH
                    yield Static(id=f"{self.id}-detail-body")

    @property
    def table(self) -> FrameTable:
        return self.query_one(FrameTable)

    def focus_main(self) -> None:
        self.table.focus()

    # -- loading ---------------------------------------------------------------
    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        frame = self.load()
        self.app.call_from_thread(self._show, frame)

    def load(self):
        """Build the frame to show (runs in a worker thread: no widgets here). Subclasses define it."""
        raise TypeError(f"{type(self).__name__} must define load()")

    def _show(self, frame) -> None:
        self.table.set_frame(frame)
        self._refilter()
        self.show_summary(frame)
        self.done_loading()

    def show_summary(self, frame) -> None:
        """Override to put a line of totals above the table."""

    def summary(self, renderable: Any) -> None:
        self.query_one(f"#{self.id}-summary", Static).update(renderable)

    # -- filtering -------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    @on(FilterBar.Changed)
    def _filter_changed(self, event: FilterBar.Changed) -> None:
        self._refilter()

    @on(FilterBar.Done)
    def _filter_done(self) -> None:
        self._refilter()
        self.table.focus()

    def _refilter(self) -> None:
        bar = self.query_one(FilterBar)
        frame = self.table.frame
        if frame is None:
            return
        try:
            positions = self.filter(frame, bar.value)
            bar.remove_class("bad")
            bar.tooltip = None
        except QueryError as exc:
            bar.add_class("bad")
            bar.tooltip = str(exc)
            self.notify(str(exc), severity="warning", timeout=4)
            return
        self.table.set_order(np.arange(len(frame)) if positions is None else positions)

    def filter(self, frame, text: str):
        """Positions of the rows matching ``text`` (None: all rows)."""
        return None

    # -- detail ----------------------------------------------------------------
    @on(FrameTable.RowHighlighted)
    def _highlighted(self, event: FrameTable.RowHighlighted) -> None:
        if self.DETAIL_WIDTH:
            body = self.query_one(f"#{self.id}-detail-body", Static)
            body.update(self.detail(event.position) if event.position is not None else "")

    def detail(self, position: int):
        """A renderable describing the row at ``position`` (for the side panel)."""
        return ""

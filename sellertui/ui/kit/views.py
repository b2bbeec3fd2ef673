"""Areas made of views, and the table view most of them are built from.

An ``Area`` with several jobs (Orders: all orders, ship queue, messages, ...)
is a ``ViewArea``: a bar naming its views with their keys, and one view shown
at a time. A ``TableView`` is a filter bar, a ``FrameTable`` and a detail
panel: subclasses say how to load their frame (in a worker thread, through the
shared ``FrameCache``), how to filter it, and what the detail of a row is.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, Static

from sellertui.context import Context
from sellertui.domain.query import QueryError
from sellertui.ui.kit.area import Area
from sellertui.ui.kit.filterbar import FilterBar
from sellertui.ui.kit.table import Column, FrameTable


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

    def on_worker_state_changed(self, event) -> None:
        self.app.worker_failed(event)  # Worker.StateChanged does not bubble

    def focus_main(self) -> None:
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return

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
        # Only the first view is built now; the others when first opened (every widget
        # on screen is restyled on each focus change, so fewer widgets = snappier keys).
        first = self.VIEWS[0]
        with ContentSwitcher(initial=first.__name__.lower()):
            yield first(self.ctx, id=first.__name__.lower())

    def on_mount(self) -> None:
        self._draw_bar()

    def focus_main(self) -> None:
        self.current.focus_main()

    @property
    def current(self) -> View:
        switcher = self.query_one(ContentSwitcher)
        return self.query_one(f"#{switcher.current}", View)

    async def action_view(self, name: str) -> None:
        switcher = self.query_one(ContentSwitcher)
        if not switcher.query(f"#{name}"):
            view = next(v for v in self.VIEWS if v.__name__.lower() == name)
            await switcher.mount(view(self.ctx, id=name))
        switcher.current = name
        self._draw_bar()
        view = self.current
        if not view.loaded or self.stale:
            self.stale = False
            view.reload()
        if self.is_active:
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

    async def reveal(self, view: str, column: str, value) -> None:
        """Show ``view`` with the row whose ``column`` is ``value`` under the cursor (from Today)."""
        await self.action_view(view)
        target = self.current
        if isinstance(target, TableView):
            target.select_where(column, value)

    def view_ready(self, view: View) -> None:
        if view is self.current:
            self.mark_ready()


def view_bindings(views: tuple[type[View], ...]) -> list[Binding]:
    """Bindings that switch to each view (for a ViewArea's BINDINGS)."""
    # show=False: the view bar above already names each view with its key, and every
    # footer key costs a restyle whenever focus moves
    return [
        Binding(v.KEY, f"view('{v.__name__.lower()}')", v.TITLE, show=False, id=f"view.{v.__name__.lower()}")
        for v in views
    ]


def forwarding_bindings(views) -> list[Binding]:
    """A hidden area binding for every view binding: the command palette runs them from any view."""
    found = []
    for view in views:
        for b in view.__dict__.get("BINDINGS", []):
            found.append(Binding(b.key, f"go('{view.__name__.lower()}', '{b.action}')", b.description,
                                 show=False, id=b.id))
    return found


class ForwardingViewArea(ViewArea):
    """A ViewArea whose views' actions are also its own (``forwarding_bindings``), for the palette.

    Typed keys reach only the shown view: a forwarded key from another view would surprise
    (``d`` in one view must not offer to delete a row of another).
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._bindings.key_to_bindings = {
            key: kept for key, found in self._bindings.key_to_bindings.items()
            if (kept := [b for b in found if not b.action.startswith("go(")])}

    async def action_go(self, view: str, action: str) -> None:
        if self.current.id != view:
            await self.action_view(view)
        self.query_one(f"#{view}", View).run_when_loaded(action)


def _narrows(before: str, after: str) -> bool:
    """``after`` (which extends ``before``) can only match fewer rows: same terms, words only extended."""
    from sellertui.domain.query import shape

    terms_before, words_before = shape(before)
    terms_after, words_after = shape(after)
    return terms_before == terms_after and words_after >= words_before


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
    _detail_timer = None

    def compose(self) -> ComposeResult:
        yield Static(classes="summary", id=f"{self.id}-summary")
        yield FilterBar(placeholder=self.FILTER_HELP or "type to filter", id=f"{self.id}-filter")
        with Horizontal():
            yield FrameTable(list(self.COLUMNS), empty_text=self.EMPTY, id=f"{self.id}-table")
            if self.DETAIL_WIDTH:
                # not focusable: Textual moves focus to the nearest focusable widget when a tab is
                # hidden, and a focus landing in a hidden pane switches the tab back to it
                with VerticalScroll(classes="detail", id=f"{self.id}-detail", can_focus=False) as panel:
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

    _pending_select: tuple[str, object] | None = None

    def _show(self, frame) -> None:
        self.table.set_frame(frame)
        self._refilter()
        self.show_summary(frame)
        self.done_loading()
        if self._pending_select is not None:
            self.select_where(*self._pending_select)

    def select_where(self, column: str, value) -> None:
        """Put the cursor on the row whose ``column`` is ``value`` (now, or once loaded)."""
        frame = self.table.frame
        if frame is None or not self.loaded:
            self._pending_select = (column, value)
            return
        self._pending_select = None
        hits = (frame[column] == value).to_numpy().nonzero()[0] if column in frame else []
        if not len(hits):
            self.notify("It is no longer in this list: done already?", timeout=3)
            return
        bar = self.query_one(FilterBar)
        if bar.value:
            bar.action_close()
        self.table.set_order(range(len(frame)))
        rows = (self.table.order == hits[0]).nonzero()[0]
        if len(rows):
            self.table.cursor_row = int(rows[0])
        if self.table.is_on_screen:  # the user may have moved on while it loaded
            self.table.focus()

    def show_summary(self, frame) -> None:
        """Override to put a line of totals above the table."""

    def summary(self, renderable: Any) -> None:
        self.query_one(f"#{self.id}-summary", Static).update(renderable)

    # -- filtering -------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    @on(FilterBar.Typed)
    def _filter_changed(self, event: FilterBar.Typed) -> None:
        self._refilter()

    @on(FilterBar.Done)
    def _filter_done(self) -> None:
        self._refilter()
        self.table.focus()

    _last_filter: tuple[object, str, object] | None = None  # (frame, text, positions)
    _filter_error: str | None = None

    def _refilter(self) -> None:
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
                found = self.filter(frame.iloc[within], text)
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

    def filter(self, frame, text: str):
        """Positions (in ``frame``) of the rows matching ``text``; None when nothing is filtered.

        The filter must be an AND of tests that typing more can only narrow
        (substrings, prefixes): ``_refilter`` relies on it to search within the
        previous result while the user types.
        """
        return None

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        """enter on a row: the view's ``action_open`` (details, the working...), if it has one."""
        opener = getattr(self, "action_open", None)
        if opener is not None and event.position is not None:
            opener()

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

"""Areas made of views: one job per view, one key per view.

An ``Area`` with several jobs (Orders: all orders, ship queue, messages, ...)
is a ``ViewArea``: a bar naming its views with their keys, and one view shown
at a time. A view's keys work while it is shown; the command palette reaches
every view's actions from anywhere (``palette_entries``: it switches to the
view first), so no key is out of reach and none fires in the wrong view.
"""

from __future__ import annotations

from typing import ClassVar, Iterator

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Static

from sellertui.context import Context
from sellertui.ui.kit.area import Area, ShopPart, own_bindings
from sellertui.core.i18n import _


class View(ShopPart, Vertical):
    """One job inside an area. ``reload`` reads the store (in a worker) and shows it."""

    TITLE: ClassVar[str] = ""
    KEY: ClassVar[str] = ""
    # the widgets inside that hold the keyboard (their keys come first): the key map's check reads it
    FOCUS_WIDGETS: ClassVar[tuple[type, ...]] = ()
    DEFAULT_CSS = "View { height: 1fr; }"

    def __init__(self, ctx: Context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.loaded = False
        self._pending: list[str] = []

    @classmethod
    def view_id(cls) -> str:
        return cls.__name__.lower()

    @property
    def area(self) -> "ViewArea":
        return next(a for a in self.ancestors if isinstance(a, ViewArea))

    def reload(self) -> None:
        self.done_loading()

    def focus_main(self) -> None:
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return

    def release(self) -> bool:
        """Let go of what was read while the tab is not shown (the next show reads it again); whether it did."""
        return False

    def done_loading(self) -> None:
        self.loaded = True
        self.area.view_ready(self)
        pending, self._pending = self._pending, []
        for action in pending:
            self.call_later(self.run_action, action)

    def run_when_loaded(self, action: str) -> None:
        """Run ``action`` now, or once the data it needs is shown (from the palette, before the first load)."""
        if self.loaded:
            self.call_later(self.run_action, action)  # a message: the app is not idle until it has run
        else:
            self._pending.append(action)


class ViewArea(Area):
    """An area whose views switch with one key each (shown in the view bar)."""

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
        with ContentSwitcher(initial=first.view_id()):
            yield first(self.ctx, id=first.view_id())

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
            view = next(v for v in self.VIEWS if v.view_id() == name)
            await switcher.mount(view(self.ctx, id=name))
        switcher.current = name
        self._draw_bar()
        view = self.current
        if not view.loaded or self.stale:
            self.stale = False
            view.reload()
        if self.is_active:
            view.focus_main()

    async def action_go(self, view: str, action: str) -> None:
        """Show ``view`` and run its ``action`` once its data is there (the palette's way in)."""
        if self.current.id != view:
            await self.action_view(view)
        self.query_one(f"#{view}", View).run_when_loaded(action)

    @classmethod
    def palette_entries(cls) -> Iterator[tuple[Binding, str | None]]:
        yield from super().palette_entries()
        for view in cls.VIEWS:
            for binding in own_bindings(view):  # inherited keys too (Team's lists share their task keys)
                yield binding, view.view_id()

    def _draw_bar(self) -> None:
        current = self.query_one(ContentSwitcher).current
        suffix = self.bar_suffix()
        room = self.size.width - 2  # the bar's padding
        # as wide as fits: closer together, then only the shown view keeps its name (the area's part stays whole)
        for fit in ("wide", "tight", "keys"):
            bar = self._bar(current, fit)
            if bar.cell_len + suffix.cell_len <= room or room <= 0:
                break
        bar.append_text(suffix)
        self.query_one("#view-bar", Static).update(bar)

    def _bar(self, current: str, fit: str) -> Text:
        bar = Text(no_wrap=True, overflow="ellipsis")
        for view in self.VIEWS:
            if view.view_id() == current:
                bar.append(f" {view.KEY} ", style="bold reverse")
                bar.append(f"{_(view.TITLE)}  " if fit == "wide" else f"{_(view.TITLE)} ", style="bold")
            elif fit == "wide":
                bar.append(f" {view.KEY} ", style="bold")
                bar.append(f"{_(view.TITLE)}  ")
            else:
                bar.append(view.KEY, style="bold")
                bar.append(f" {_(view.TITLE)} " if fit == "tight" else " ")
        return bar

    def on_resize(self) -> None:
        if self.query("#view-bar"):
            self._draw_bar()

    def bar_suffix(self) -> Text:
        """What the area adds after the view names (e.g. the period it shows)."""
        return Text()

    def reload(self) -> None:
        for view in self.query(View):
            view.loaded = False
        self.current.reload()
        self.ahead = None  # a read ahead serves the view shown first (taken just now), or no one: let it go

    def release(self) -> bool:
        return any([view.release() for view in self.query(View)])  # a list: every view lets go, not the first

    async def reveal(self, view: str, column: str, value, work: tuple[str, str, str] | None = None,
                     then: str | None = None) -> None:
        """Show ``view`` with the row whose ``column`` is ``value`` under the cursor (from Today).

        ``work``: the Today item's (key, area, title): its work session goes on in the view. ``then``: the
        view's action to run on that row (Today's tick: the ship form of that order).
        """
        from sellertui.ui.kit.table_view import TableView

        await self.action_view(view)
        target = self.current
        if isinstance(target, TableView):
            target.select_where(column, value, work, then)

    def view_ready(self, view: View) -> None:
        if view is self.current:
            self.mark_ready()


def view_bindings(views: tuple[type[View], ...]) -> list[Binding]:
    """Bindings that switch to each view (for a ViewArea's BINDINGS)."""
    # show=False: the view bar above already names each view with its key, and every
    # footer key costs a restyle whenever focus moves
    return [Binding(v.KEY, f"view('{v.view_id()}')", v.TITLE, show=False, id=f"view.{v.view_id()}") for v in views]

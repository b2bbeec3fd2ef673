"""The calendar view: the month grid, and what is on the selected day (below it, or beside it when wide).

Keys: ←/→ a day, ↑/↓ or shift+←/→ a week, pgup/pgdn or ``{``/``}`` a month
(``[``/``]`` stay the app's tab keys), ``t`` today, ``enter`` lists the day.
The promotion keys of the area (e, c, x, >, w) act on the day's promotion,
asking which when there are several.
"""

from __future__ import annotations

from datetime import date

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from sellertui.core.i18n import N_, _, shown
from sellertui import clock
from sellertui.domain.promotions import checks as check_rules
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.promotions.actions import PROMOTION_BINDINGS, PromotionKeys
from sellertui.ui.tabs.promotions.day_screen import DayScreen
from sellertui.ui.tabs.promotions.grid import GridData, GridItem, MonthGrid
from sellertui.ui.kit.panel import PanelHolder, SidePanel, panel_binding
from sellertui.ui.kit.safe import plain, text
from sellertui.ui.kit.views import View
from sellertui.core.formats import dated

# the day panel fits beside the grid from this width on: below it the grid takes the whole width (at 120
# columns a day is 17 wide and names read whole), the day's agenda shows below it, and D opens the panel
WIDE = 150


def grid_data(board) -> GridData:
    items, marks = [], {}
    for p in board.promotions:
        try:
            start, end = date.fromisoformat(p["start"][:10]), date.fromisoformat((p.get("end") or p["start"])[:10])
        except (KeyError, ValueError):
            continue
        failing = any(c.failed for c in board.checks_of(p))
        items.append(GridItem(p["id"], p.get("name", ""), start, end, p.get("type", ""), p.get("status", ""), failing))
        if p.get("status") == "idea":
            due = board.deadline_of(p).due
            if due is not None:
                marks.setdefault(due, []).append("due")
    for e in board.events:
        for field, mark in (("deadline", "deadline"), ("inventory_by", "inventory")):
            if e.get(field):
                day = date.fromisoformat(e[field][:10])
                if mark not in marks.get(day, []):
                    marks.setdefault(day, []).append(mark)
    return GridData(items, board.events, marks)


class CalendarView(PromotionKeys, PanelHolder, View):
    TITLE = N_("Calendar")
    KEY = "m"
    DEFAULT_CSS = """
    CalendarView > Horizontal { height: 1fr; }
    CalendarView #calendar-main { width: 1fr; }
    CalendarView #calendar-agenda { height: 2; padding: 0 1; color: $text-muted; }
    CalendarView #calendar-side { padding: 0 1; }
    """
    BINDINGS = [Binding("t", "today", N_("Today"), id="promotions.today"), *PROMOTION_BINDINGS,
                panel_binding(N_("Day panel"))]
    FOCUS_WIDGETS = (MonthGrid,)

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        self.board = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="calendar-main"):
                yield MonthGrid(clock.today(), id="calendar-grid")
                yield Static(id="calendar-agenda")
            with VerticalScroll(id="calendar-side", can_focus=False):
                yield Static(id="calendar-side-body")

    def on_mount(self) -> None:
        self.panel = SidePanel(40, WIDE)
        self.fit_panel()

    def panel_widget(self):
        return self.query_one("#calendar-side")

    def panel_fitted(self, shown: bool) -> None:
        self.query_one("#calendar-agenda").display = not shown  # the day in one line when the panel is away

    @property
    def grid(self) -> MonthGrid:
        return self.query_one(MonthGrid)

    @property
    def day(self) -> date:
        return self.grid.cursor

    def focus_main(self) -> None:
        self.grid.focus()

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        self._load()

    class BoardRead(Message, bubble=False):
        """The area's board was read (in a worker), with the month grid's data made from it."""

        def __init__(self, board, data: GridData) -> None:
            self.board = board
            self.data = data
            super().__init__()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        board = self.area.board()
        self.post_message(self.BoardRead(board, grid_data(board)))

    def on_calendar_view_board_read(self, message: BoardRead) -> None:
        self.board = message.board
        self.grid.show(message.data, self.board.today)
        self._describe(self.day)
        self.done_loading()

    # -- the selected day ----------------------------------------------------------------
    @on(MonthGrid.Moved)
    def _moved(self, event: MonthGrid.Moved) -> None:
        if not isinstance(event, MonthGrid.DayChosen):
            self._describe(event.day)

    def _describe(self, day: date) -> None:
        if self.board is None:
            return
        key = day.isoformat()
        promotions, events = self.board.on_day(key)
        heading = Text(dated(day, "%a %d %b %Y", "MMMEd"), style="bold")  # the month's title has the year
        if not promotions and not events:
            heading.append("  " + _("nothing on this day · n plans a promotion starting on it"), style="dim")
        # narrow: one line of names below the grid
        agenda = heading.copy()
        for p in promotions:
            agenda.append(" · ")
            mark = check_rules.summary(self.board.checks_of(p))
            if "✗" in mark:
                agenda.append("✗ ", style="bold red")
            agenda.append(plain(p.get("name", "")), style="bold")
        for e in events:
            agenda.append(" · ")
            agenda.append(plain(e.get("name", "")), style="italic")
        agenda.append("\n" + _("enter: the day's list · n new · e edit · w working"), style="dim")
        self.query_one("#calendar-agenda", Static).update(agenda)
        # wide: the day's promotions and events, a few lines each
        side = [heading, Text("")]
        for p in promotions:
            side += self._promotion_lines(p)
        for e in events:
            side.append(text(e.get("name", ""), "italic bold"))
            kind = _("peak event") if e.get("peak") else e.get("kind", _("event"))
            side.append(Text(_("  {kind} · {start} to {end}").format(kind=kind, start=e['start'], end=e['end']), style="dim"))
            for field, what, style in (("deadline", _("◆ deals due"), "bold red"),
                                      ("inventory_by", _("▲ at FBA by"), "bold yellow")):
                if e.get(field):
                    side.append(Text(f"  {what} {e[field]}", style=style if e[field] == key else "dim"))
            side.append(Text(""))
        side.append(Text(_("enter: the day's list · w: the working"), style="dim"))
        self.query_one("#calendar-side-body", Static).update(Group(*side))

    def _promotion_lines(self, p: dict) -> list[Text]:
        from sellertui.domain.promotions.fees import TYPES
        from sellertui.ui.tabs.promotions.detail import MARK

        lines = [text(p.get("name", ""), "bold")]
        lines.append(Text(_("  {type} · {status} · {discount_pct:g}% · to {end}").format(type=shown(TYPES.get(p.get('type'), '')), status=shown(p.get('status')), discount_pct=float(p.get('discount_pct') or 0), end=p.get('end')), style="dim"))
        for check in self.board.checks_of(p):
            if check.level != "ok":
                mark, style = MARK[check.level]
                line = Text(f"  {mark} ", style=style)
                line.append_text(text(check.summary))
                lines.append(line)
        lines.append(Text(""))
        return lines

    @on(MonthGrid.DayChosen)
    def _chosen(self, event: MonthGrid.DayChosen) -> None:
        event.stop()
        self.open_day(event.day)

    def open_day(self, day: date, title: str = "") -> None:
        if self.board is None:
            return
        board = self.board

        def done(result) -> None:
            if not result:
                return
            action, promo_id = result
            if action == "new":
                self.area.action_new_promotion(start=day)
            elif (promo := board.by_id(promo_id)) is not None:
                self.area.act(action, promo)

        self.app.push_screen(DayScreen(board, day, title), done)

    def pick_promotion(self, then) -> None:
        """``then(promo)`` with the selected day's promotion (asking when there are several)."""
        if self.board is None:
            return
        promotions = self.board.on_day(self.day.isoformat())[0]
        if len(promotions) == 1:
            then(promotions[0])
        elif not promotions:
            self.notify(_("No promotion on {isoformat}: n plans one starting that day.")
                            .format(isoformat=self.day.isoformat()), timeout=4)
        else:
            board = self.board

            def chosen(result) -> None:
                if result and result[1] and (promo := board.by_id(result[1])) is not None:
                    then(promo)

            self.app.push_screen(DayScreen(board, self.day, _("{day}: which promotion?").format(day=dated(self.day, "%a %d %b", "MMMEd"))), chosen)

    def action_today(self) -> None:
        self.grid.cursor = clock.today()

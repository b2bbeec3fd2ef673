"""The month grid: seven columns, promotions as bars over their days, events shaded, deadlines marked.

Each week is a line of day numbers (with ◆ for a deal deadline and ▲ for an
FBA cut-off, and the name of an event starting that day) and as many lanes of
bars as the height allows; what does not fit shows as ``+N`` on its days. ←/→
move a day, ↑/↓ and shift+←/→ a week, pgup/pgdn and ``{``/``}`` a month;
``enter`` posts ``DayChosen``. Names are user text: drawn literally.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from sellertui.core.formats import dated, weekday_abbreviations
from sellertui.core.i18n import N_, _
from sellertui.domain.promotions.calendar import add_months, lanes, weeks
from sellertui.ui.kit.safe import plain
from sellertui.core.cells import cut, fit

# fixed colours (as the charts use), so a type looks the same in every theme
TYPE_STYLE = {
    "lightning_deal": "bold #ffffff on #b03a37",
    "best_deal": "bold #000000 on #d9913a",
    "coupon": "bold #ffffff on #3f6fb0",
    "prime_exclusive": "bold #ffffff on #7a5aa6",
    "percent_off": "bold #000000 on #4bb3c9",
    "bogo": "bold #000000 on #8fba52",
}
STATUS_STYLE = {"idea": "italic not bold", "ended": "dim", "cancelled": "dim strike"}
SHADE = {"peak": "on #3b2d12", "event": "on #17303f", "holiday": "on #243224"}
MARKS = {"deadline": ("◆", "bold #ff6b6b"), "inventory": ("▲", "bold #f0c040"), "due": ("◆", "bold #ff6b6b")}


@dataclass(frozen=True)
class GridItem:
    key: str
    name: str
    start: date
    end: date
    kind: str
    status: str
    failing: bool = False


@dataclass
class GridData:
    items: list[GridItem] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)  # event records (start, end, kind, peak, name)
    marks: dict[date, list[str]] = field(default_factory=dict)  # day -> ["deadline", "inventory", "due"]


def shade_of(event: dict) -> str:
    if event.get("kind") == "holiday":
        return "holiday"
    return "peak" if event.get("peak") else "event"


class MonthGrid(Widget, can_focus=True):
    HELP_TITLE = N_("Calendar")
    DEFAULT_CSS = """
    MonthGrid { height: 1fr; min-height: 8; }
    MonthGrid:focus { background-tint: $foreground 3%; }
    """
    BINDINGS = [
        # arrows only: letters are the tab's keys (l is the list view)
        Binding("left", "move(-1)", N_("Day before"), show=False, id="calendar.day_before"),
        Binding("right", "move(1)", N_("Day after"), show=False, id="calendar.day_after"),
        Binding("up,shift+left", "move(-7)", N_("Week before"), show=False, id="calendar.week_before"),
        Binding("down,shift+right", "move(7)", N_("Week after"), show=False, id="calendar.week_after"),
        Binding("pageup,left_curly_bracket", "month(-1)", N_("Month before"), show=False, id="calendar.month_before"),
        Binding("pagedown,right_curly_bracket", "month(1)", N_("Month after"), show=False, id="calendar.month_after"),
        Binding("enter", "choose", N_("Day"), id="calendar.day"),
    ]

    cursor: reactive[date] = reactive(date(2000, 1, 1), always_update=True)

    class Moved(Message):
        def __init__(self, grid: "MonthGrid", day: date) -> None:
            self.grid = grid
            self.day = day
            super().__init__()

    class DayChosen(Moved):
        pass

    def __init__(self, day: date, data: GridData | None = None, today: date | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.data = data or GridData()
        self.today = today or day
        self.set_reactive(MonthGrid.cursor, day)

    # -- data and movement -----------------------------------------------------------
    def show(self, data: GridData, today: date) -> None:
        self.data, self.today = data, today
        self.refresh()

    def watch_cursor(self, day: date) -> None:
        self.refresh()
        self.post_message(self.Moved(self, day))

    def action_move(self, days: int) -> None:
        self.cursor = self.cursor + timedelta(days=days)

    def action_month(self, months: int) -> None:
        self.cursor = add_months(self.cursor, months)

    def action_choose(self) -> None:
        self.post_message(self.DayChosen(self, self.cursor))

    # -- layout ----------------------------------------------------------------------
    def _layout(self) -> tuple[list[list[date]], int, list[list], list[int]]:
        """(weeks, column width, each week's lanes of bars, lane lines per week) for the current size.

        The lines left after the day lines go to the weeks that have bars, one at a time,
        so quiet weeks take one line and busy ones show as many bars as fit; what is
        left after that is shared evenly, so a tall terminal shows an even grid.
        """
        shown = weeks(self.cursor.year, self.cursor.month)
        width = max(self.size.width // 7, 4)
        spans = [(i.key, i.start, i.end) for i in self.data.items]
        placed = [lanes(week, spans) for week in shown]
        budget = max(self.size.height - 2 - len(shown), 0)
        given = [0] * len(shown)
        while budget:
            wanting = [i for i, week in enumerate(placed) if len(week) > given[i]]
            if not wanting:
                break
            for i in sorted(wanting, key=lambda i: given[i])[:budget]:
                given[i] += 1
                budget -= 1
        height = max(given) if given else 0
        for i in range(len(shown)):  # even rows where the room allows
            extra = min(height - given[i], budget)
            given[i] += extra
            budget -= extra
        spare = budget // len(shown) if shown else 0
        return shown, width, placed, [g + spare for g in given]

    def _day_at(self, x: int, y: int) -> date | None:
        shown, width, _cells, given = self._layout()
        col, top = x // width, 2
        for week, lanes_shown in zip(shown, given):
            if top <= y <= top + lanes_shown and 0 <= col < 7:
                return week[col]
            top += lanes_shown + 1
        return None

    async def _on_click(self, event: events.Click) -> None:
        day = self._day_at(event.x, event.y)
        if day is not None:
            if day == self.cursor and event.chain == 2:
                self.action_choose()
            self.cursor = day

    # -- drawing ---------------------------------------------------------------------
    def render(self) -> Text:
        shown, width, placed, given = self._layout()
        total = width * 7
        out = Text(no_wrap=True, overflow="crop")
        title = Text(" " + dated(self.cursor.replace(day=1), "%B %Y", "yMMMM"), style="bold")
        legend = Text.assemble(("◆", MARKS["deadline"][1]), " " + _("deal deadline") + "  ", ("▲", MARKS["inventory"][1]),
                               " " + _("at FBA by") + "  ", ("   ", SHADE["peak"]), " " + _("peak event") + " ")
        if title.cell_len + legend.cell_len + 1 <= total:
            title.append(" " * (total - title.cell_len - legend.cell_len))
            title.append_text(legend)
        out.append_text(title)
        out.append("\n")
        for name in weekday_abbreviations():
            out.append(fit(f" {name}", width, ellipsis=""), style="bold")
        items = {i.key: i for i in self.data.items}
        for week, week_lanes, lanes_shown in zip(shown, placed, given):
            hidden = [0] * 7
            for lane in week_lanes[lanes_shown:]:
                for bar in lane:
                    for col in range(bar.first, bar.last + 1):
                        hidden[col] += 1
            out.append("\n")
            out.append_text(self._day_line(week, width, hidden))
            for lane in range(lanes_shown):
                out.append("\n")
                out.append_text(self._lane_line(week, width, week_lanes[lane] if lane < len(week_lanes) else [],
                                                items))
        return out

    def _shade(self, day: date) -> str:
        key = day.isoformat()
        found = [shade_of(e) for e in self.data.events if e.get("start", "") <= key <= e.get("end", "")]
        for kind in ("peak", "event", "holiday"):
            if kind in found:
                return SHADE[kind]
        return ""

    def _day_line(self, week: list[date], width: int, hidden: list[int]) -> Text:
        line = Text()
        for col, day in enumerate(week):
            base = Style.parse(self._shade(day) or "none")
            cell = Text(style=base)
            number_style = "dim" if day.month != self.cursor.month else "bold"
            if day == self.today:
                number_style = "bold underline #f0c040"
            number = Text(f"{day.day:>3}", style=number_style)
            if day == self.cursor:
                number.stylize("reverse")
            cell.append_text(number)
            for mark in self.data.marks.get(day, []):
                symbol, style = MARKS[mark]
                cell.append(symbol, style=style)
            more = f"+{hidden[col]} " if hidden[col] else ""
            starting = [e for e in self.data.events if e.get("start") == day.isoformat()]
            room = width - cell.cell_len - len(more) - 1
            if starting and room > 2:
                cell.append(" " + cut(plain(starting[0]["name"]), room - 1, ellipsis=""), style="italic")
            cell.append(" " * max(width - cell.cell_len - len(more), 0))
            cell.append(more, style="bold")
            cell.truncate(width)
            line.append_text(cell)
        return line

    def _lane_line(self, week: list[date], width: int, bars: list, items: dict[str, GridItem]) -> Text:
        cells = [Text(" " * width, style=self._shade(day) or "") for day in week]
        line = Text()
        col = 0
        for bar in sorted(bars, key=lambda b: b.first):
            while col < bar.first:
                line.append_text(cells[col])
                col += 1
            item = items[bar.key]
            span = (bar.last - bar.first + 1) * width
            label = ("" if bar.starts else "…") + ("✗ " if item.failing else "") + plain(item.name)
            text = fit(f" {label}", span - 1, ellipsis="")  # by cells: a 中文 name's bar ends where its days do
            style = Style.parse(TYPE_STYLE.get(item.kind, "reverse"))
            if item.status in STATUS_STYLE:
                style += Style.parse(STATUS_STYLE[item.status])
            line.append(text, style=style)
            line.append(" ", style=self._shade(week[bar.last]) or "")
            col = bar.last + 1
        while col < 7:
            line.append_text(cells[col])
            col += 1
        return line

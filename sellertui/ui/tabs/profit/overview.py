"""Overview: the tiles (today, yesterday, month to date, this month's forecast, last month) and the
monthly chart of sales, ad spend and net profit. ``enter`` on a tile shows how it adds up, line by line
with the sources and their records (``d`` lists the records)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message

from sellertui.ui.kit.charts import Chart, Series
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.records_screen import RecordsScreen
from sellertui.ui.kit.cells import money_cell, percent_cell, signed_style
from sellertui.ui.tabs.profit.common import ProfitView
from sellertui.ui.kit.table import Column, FrameTable


def short_money(symbol: str):
    def fmt(value: float) -> str:
        sign = "-" if value < 0 else ""
        value = abs(value)
        for limit, suffix in ((1e6, "M"), (1e3, "k")):
            if value >= limit:
                return f"{sign}{symbol}{value / limit:.3g}{suffix}"
        return f"{sign}{symbol}{value:.0f}"

    return fmt


class ProfitOverview(ProfitView):
    TITLE = "Overview"
    KEY = "v"
    EMPTY = "No sales yet: import orders or settlements (i)."
    DEFAULT_CSS = """
    ProfitOverview FrameTable { height: 6; }
    ProfitOverview Chart { height: 1fr; min-height: 8; }
    """
    BINDINGS = [Binding("w", "working", "Working", id="profit.tile_working"),
                Binding("d", "records", "Records", id="profit.tile_records")]

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Chart("Sales, ad spend and net profit by month", "line", id="overview-chart",
                    empty_text="No months to chart yet.")

    def columns(self, home: str) -> list[Column]:
        money = money_cell(home)
        return [
            Column("title", "", 23),
            Column("sales", "Sales", 11, "right", money),
            Column("orders", "Orders", 6, "right", lambda v: f"{int(v):,}"),
            Column("units", "Units", 6, "right", lambda v: f"{int(v):,}"),
            Column("ads", "Ad spend", 10, "right", money),
            Column("net", "Net profit", 11, "right", money, signed_style),
            Column("margin", "Margin", 7, "right", percent_cell),
        ]

    def load(self):
        from sellertui.domain.profit.tables import tiles_frame

        service = self.service()
        tiles = service.tiles()
        return tiles_frame(tiles), tiles, service.statement("month")

    def show_loaded(self, loaded) -> None:
        from sellertui.core.money import SYMBOLS, exponent

        frame, self.tiles, statement = loaded
        self.table.columns = self.columns(statement.home)
        super().show_loaded(frame)
        scale = 10 ** exponent(statement.home)
        values = statement.values
        labels = [lab[:3] + lab[-2:] if len(statement.periods) > 6 else lab for lab in statement.labels]
        chart = self.query_one(Chart)
        chart.fmt_value = short_money(SYMBOLS.get(statement.home, ""))
        chart.show(labels, [Series("sales", [v / scale for v in values["sales"]], "green"),
                            Series("ad spend", [-v / scale for v in values["ads"]], "red"),
                            Series("net profit", [v / scale for v in values["net"]], "cyan")])

    def show_summary(self, frame) -> None:
        self.summary(Text("enter/w: how a tile adds up · d: its records · ~ fees estimated from the fee table",
                          style="dim"))

    class WorkingFound(Message, bubble=False):
        """A tile's working was added up: show it (``records``: list its records instead)."""

        def __init__(self, working, records: bool) -> None:
            self.working, self.records = working, records
            super().__init__()

    def action_open(self) -> None:
        self.action_working()

    def action_working(self) -> None:
        self._fetch(records=False)

    def action_records(self) -> None:
        self._fetch(records=True)

    def _fetch(self, records: bool) -> None:
        position = self.table.current_position
        if position is None:
            return
        key = self.tiles[position].key

        def fetch() -> None:
            self.post_message(self.WorkingFound(self.service().tile_working(key), records))

        self.run_worker(fetch, thread=True, exclusive=True, group="profit-tile", exit_on_error=False)

    def on_profit_overview_working_found(self, message: WorkingFound) -> None:
        from sellertui.core.money import fmt

        working, home = message.working, self.area.service().home
        tile = working.tile
        if message.records:
            head = (f"{tile.title}, {tile.first} to {tile.last}: net profit {fmt(tile.net, home)} — "
                    f"{len(working.records):,} record(s), biggest first.")
            self.app.push_screen(RecordsScreen(f"Records: {tile.title}", head, working.records, home))
            return
        rows = [("Sales · orders · units", f"{fmt(tile.sales, home)} · {tile.orders:,} · {tile.units:,}")]
        for part in working.components:
            rows.append((part.label, ("~" if part.estimated else "") + fmt(part.value, home)))
            for source, amount, count in part.sources:
                rows.append((f"   from {source}", f"{fmt(amount, home)} · {count:,} record(s)"))
        rows += [("= Net profit", fmt(tile.net, home)), ("Margin", percent_cell(tile.margin))]
        paragraphs = list(working.paragraphs)
        if tile.estimated:
            paragraphs.append("~ Some fees are estimated from the fee table: no settlement covers these days yet.")
        self.app.push_screen(InfoScreen(tile.title, rows, paragraphs))

"""Overview: the tiles (today, yesterday, month to date, this month's forecast, last month), each with its
change against the period before, and the monthly chart of sales, ad spend and net profit below them, over
the last 6, 12 or 24 months or all of them (``g``; the choice is kept in config.toml). ``enter`` on a tile
shows how it adds up, line by line with the sources and their records (``d`` lists the records)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from sellertui.core.i18n import N_, _, shown
from sellertui.domain.profit.periods import tick
from sellertui.ui.kit.charts import Chart, Series
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.cells import percent_cell
from sellertui.ui.kit.records_screen import RecordsScreen
from sellertui.ui.kit.settings_form import save_section
from sellertui.ui.kit.views import View
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.profit.common import ProfitPart
from sellertui.ui.tabs.profit.tile_cards import BIG_FROM, TileRow, short_money, tile_titles

RANGES = (6, 12, 24, 0)  # months the chart shows; 0: all of them


class ProfitOverview(ProfitPart, View):
    TITLE = N_("Overview")
    KEY = "v"
    FOCUS_WIDGETS = (TileRow,)
    DEFAULT_CSS = """
    ProfitOverview > .summary { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    ProfitOverview > #overview-tiles { height: auto; }
    ProfitOverview Chart { height: 1fr; min-height: 6; }
    """
    BINDINGS = [
        Binding("w", "working", N_("Working"), id="profit.tile_working"),
        Binding("d", "records", N_("Records"), id="profit.tile_records"),
        Binding("g", "chart_range", N_("Chart range"), id="profit.chart_range"),
    ]
    tiles: list = []
    statement = None

    class Read(Message, bubble=False):
        """The tiles and the monthly statement were computed (in a worker): show them."""

        def __init__(self, tiles: list, statement) -> None:
            self.tiles, self.statement = tiles, statement
            super().__init__()

    def compose(self) -> ComposeResult:
        yield Static(classes="summary", id="overview-summary")
        yield TileRow(id="overview-tiles")
        yield Chart(_("by month"), "line", id="overview-chart", empty_text=_("No months to chart yet."))

    def focus_main(self) -> None:
        self.query_one(TileRow).focus()

    # -- loading -----------------------------------------------------------------------
    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        service = self.service()
        self.post_message(self.Read(service.tiles(), service.statement("month")))

    def on_profit_overview_read(self, message: Read) -> None:
        self.tiles, self.statement = message.tiles, message.statement
        self._show_tiles()
        self._chart()
        self.done_loading()

    def on_resize(self) -> None:
        if self.tiles:
            self._show_tiles()

    def _show_tiles(self) -> None:
        from sellertui.core.money import SYMBOLS, exponent, fmt

        home = self.statement.home
        scale = 10 ** exponent(home)
        symbol = SYMBOLS.get(home, "")
        big = self.app.size.width >= BIG_FROM[0] and self.app.size.height >= BIG_FROM[1]
        room = self.app.size.width // 5 - 6  # a tile's border less its corners, dashes and spaces
        titles = tile_titles(self.tiles, room)
        for card, tile, (title, marked) in zip(self.query_one(TileRow).cards, self.tiles, titles):
            card.show(tile, lambda minor: fmt(minor, home),
                      lambda minor, digits=3: short_money(symbol, digits)(minor / scale), big, title, marked)
        estimated = " · " + _("~ estimated") if any(t.estimated for t in self.tiles) else ""
        line = Text(_("▲▼ vs the period before · enter: how it adds up · d: records{estimated}")
                        .format(estimated=estimated), style="dim")
        self.query_one("#overview-summary", Static).update(line)

    # -- the chart and its range -----------------------------------------------------------
    chosen_months: int | None = None  # g's choice, shown at once while it is written to config.toml

    @property
    def months(self) -> int:
        if self.chosen_months is not None:
            return self.chosen_months
        return int(self.ctx.settings.section("profit").get("chart_months", 12))

    def _chart(self) -> None:
        from sellertui.core.money import SYMBOLS, exponent

        statement = self.statement
        shown = len(statement.periods) if not self.months else min(self.months, len(statement.periods))
        first = len(statement.periods) - shown
        scale = 10 ** exponent(statement.home)
        labels = [tick(period) if shown > 6 else lab
                  for period, lab in zip(statement.periods[first:], statement.labels[first:])]
        chart = self.query_one(Chart)
        chart.title = (_("Last {n} months · by month") if self.months else _("All {n} months · by month")).format(n=shown)
        chart.fmt_value = short_money(SYMBOLS.get(statement.home, ""))
        values = {k: v[first:] for k, v in statement.values.items()}
        chart.show(labels, [Series(_("sales"), [v / scale for v in values["sales"]], "green"),
                            Series(_("ad spend"), [-v / scale for v in values["ads"]], "red"),
                            Series(_("net profit"), [v / scale for v in values["net"]], "cyan")])

    def action_chart_range(self) -> None:
        """6, 12, 24 months, all: the next one, kept in config.toml ([profit] chart_months)."""
        current = self.months if self.months in RANGES else 12
        chosen = RANGES[(RANGES.index(current) + 1) % len(RANGES)]
        settings = self.ctx.settings
        self.chosen_months = chosen
        self.run_worker(lambda: save_section(settings, "profit", {"chart_months": chosen}), thread=True,
                        group="chart-range", exclusive=True, exit_on_error=False)  # the last press wins
        if self.statement is not None:
            self._chart()
        shown = _("all months") if not chosen else _("the last {n} months").format(n=chosen)
        self.notify(_("Chart: {value}.").format(value=shown), timeout=2)

    # -- a tile's working ------------------------------------------------------------------
    def on_tile_row_chosen(self, message: TileRow.Chosen) -> None:
        self._working(message.index)

    def action_working(self) -> None:
        self._working(self.query_one(TileRow).selected)

    def action_records(self) -> None:
        self._working(self.query_one(TileRow).selected, records=True)

    class WorkingFound(Message, bubble=False):
        """A tile's working was added up: show it (``records``: list its records instead)."""

        def __init__(self, working, records: bool) -> None:
            self.working, self.records = working, records
            super().__init__()

    def _working(self, index: int, records: bool = False) -> None:
        if index >= len(self.tiles):
            return
        key = self.tiles[index].key

        def fetch() -> None:
            self.post_message(self.WorkingFound(self.service().tile_working(key), records))

        self.run_worker(fetch, thread=True, exclusive=True, group="profit-tile", exit_on_error=False)

    def on_profit_overview_working_found(self, message: WorkingFound) -> None:
        from sellertui.core.money import fmt

        working, home = message.working, self.area.service().home
        tile = working.tile
        if message.records:
            head = _("{title}, {first} to {last}: net profit {net} — {n} record(s), biggest first.").format(
                title=_(tile.title), first=tile.first, last=tile.last, net=fmt(tile.net, home),
                n=f"{len(working.records):,}")
            self.app.push_screen(RecordsScreen(_("Records: {title}").format(title=_(tile.title)), head,
                                               working.records, home))
            return
        rows = [(_("Sales · orders · units"), f"{fmt(tile.sales, home)} · {tile.orders:,} · {tile.units:,}")]
        for part in working.components:
            rows.append((_(part.label), ("~" if part.estimated else "") + fmt(part.value, home)))
            for source, amount, count in part.sources:
                rows.append(("   " + _("from {source}").format(source=shown(source)),
                             _("{amount} · {n} record(s)").format(amount=fmt(amount, home), n=f"{count:,}")))
        rows += [("= " + _("Net profit"), fmt(tile.net, home)), (_("Margin"), percent_cell(tile.margin))]
        if tile.before is not None:  # what the tile's change is against
            rows.append((_("Net profit {vs}").format(vs=tile.vs), fmt(tile.before.net, home)))
        paragraphs = list(working.paragraphs)
        if tile.estimated:
            paragraphs.append(_("~ Some fees are estimated from the fee table: no settlement covers these days "
                                "yet."))
        self.app.push_screen(InfoScreen(_(tile.title), rows, paragraphs))

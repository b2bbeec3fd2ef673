"""Per SKU, for the area's period: units, sales, profit, profit per unit, margin, ROI, break-even ACoS.

``enter`` (or ``w``) shows how a SKU's profit adds up; ``/`` filters by SKU or title. The shop's overheads
(subscription, other fees, expenses) are not spread over SKUs: the summary says how much they are.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.domain.query import words_positions
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.cells import money_cell, percent_cell, signed_style
from sellertui.ui.tabs.profit.common import GRAIN_BINDINGS, PERIOD_BINDINGS, PeriodKeys, ProfitView
from sellertui.ui.kit.table import Column
from sellertui.core.formats import dated


class SkuProfitView(PeriodKeys, ProfitView):
    TITLE = N_("Per SKU")
    KEY = "s"
    ROW_KEY = "sku"
    EMPTY = N_("Nothing sold in this period: shift+← goes to an earlier one.")
    FILTER_HELP = N_("words in the SKU or title")
    BINDINGS = [Binding("w", "working", N_("Working"), id="profit.sku_working"), *GRAIN_BINDINGS, *PERIOD_BINDINGS]
    unallocated: dict = {}
    home = "USD"
    span = None

    def load(self):
        from sellertui.domain.profit.periods import bounds
        from sellertui.domain.profit.tables import skus_frame

        area = self.area
        service = self.service()
        table, unallocated = service.skus(area.period, area.grain)
        return skus_frame(table), unallocated, service.home, bounds(area.period, area.grain)

    def show_loaded(self, loaded) -> None:
        frame, self.unallocated, self.home, self.span = loaded
        money = money_cell(self.home)
        self.table.columns = [
            Column("sku", N_("SKU"), 16),
            Column("flag", "", 1),
            Column("units", N_("Units"), 6, "right", lambda v: f"{int(v):,}"),
            Column("sales", N_("Sales"), 11, "right", money),
            Column("profit", N_("Profit"), 11, "right", money, signed_style),
            Column("per_unit", N_("Per unit"), 9, "right", money, signed_style),
            Column("margin", N_("Margin"), 7, "right", percent_cell, signed_style),
            Column("roi", N_("ROI"), 7, "right", percent_cell, signed_style),
            Column("break_even_acos", N_("BE ACoS"), 7, "right", percent_cell),
            Column("ads", N_("Ads"), 9, "right", money),
            Column("title", N_("Title"), 40),
        ]
        super().show_loaded(frame)

    def show_summary(self, frame) -> None:
        from sellertui.core.money import fmt

        first, last = self.span
        line = Text(_("{first} – {last}: {n} SKU(s)").format(
            first=dated(first, "%b %-d", "MMMd"), last=dated(last, "%b %-d %Y", "yMMMd"), n=len(frame)), style="bold")
        if len(frame):
            line.append(_(" · profit {sum} before overheads").format(sum=fmt(int(frame['profit'].sum()), self.home)))
        overheads = sum(self.unallocated.values())
        if overheads:
            line.append(_(" · overheads {overheads} not spread").format(overheads=fmt(overheads, self.home)))
        line.append(_("\n~ fees estimated · ⚠ no landed cost · enter: the working"), style="dim")
        self.summary(line)

    def filter(self, frame, text: str):
        return words_positions(frame, text)

    def action_open(self) -> None:
        self.action_working()

    def action_working(self) -> None:
        from sellertui.domain.profit.skus import working

        position = self.table.current_position
        if position is None:
            return
        row = self.table.frame.iloc[position].to_dict()
        first, last = self.span
        lines = working(row, self.home, first, min(last, clock.today()))
        self.app.push_screen(InfoScreen(_("{sku} · profit").format(sku=row['sku']), [], lines))

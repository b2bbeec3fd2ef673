"""What the Profit views share: the area's service, the keys of the period, and the collections the tab's own
forms change."""

from __future__ import annotations

from textual.binding import Binding

from sellertui.core.i18n import N_
from sellertui.ui.kit.table_view import TableView

PROFIT_COLLECTIONS = frozenset({"expenses", "fx_rates", "hiring_roles", "cash_reserve"})


class ProfitPart:
    """A view of the Profit area: ``service()`` computes (in workers), ``area`` holds the period."""

    def service(self):
        return self.area.service()


class ProfitView(ProfitPart, TableView):
    """A table of the Profit area."""


# the period's keys live on the views that show a period (the P&L its grain, Per SKU its grain and period):
# elsewhere they would do nothing, and at 80 columns the footer has no room for keys that do nothing
STEP = Binding.Group("Period", compact=True)
GRAIN_BINDINGS = [Binding("m", "next_grain", N_("Month/week/qtr"), id="profit.grain")]
PERIOD_BINDINGS = [
    Binding("shift+left", "step_period(-1)", N_("Earlier"), id="profit.earlier", group=STEP, key_display="⇧←"),
    Binding("shift+right", "step_period(1)", N_("Later"), id="profit.later", group=STEP, key_display="⇧→"),
]


class PeriodKeys:
    """``m`` and shift+←/→ in a view: the area holds the grain and the period every view shows."""

    def action_next_grain(self) -> None:
        self.area.action_next_grain()

    def action_step_period(self, count: int) -> None:
        self.area.action_step_period(count)

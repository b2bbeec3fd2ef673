"""The Profit tab: tiles and charts, the P&L, per SKU, expenses, exchange rates and the hiring plan.

The area holds the period the views show (a grain — month, week or quarter —
and one period of it for the per-SKU view): ``m`` in the P&L and Per SKU cycles the grain, shift+←/→ in
Per SKU step the period. Everything is computed by one ``ProfitService`` (created in
the first worker: it imports pandas), which rebuilds its ledger only when a
file behind it changed, so switching views or periods is cheap.
"""

from __future__ import annotations

import threading

from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _, label as key_label
from sellertui.domain.profit.periods import GRAIN_WORDS, GRAINS, label, period_of, step
from sellertui.domain.profit.watched import WATCHES
from sellertui.ui.tabs.profit.common import PROFIT_COLLECTIONS
from sellertui.ui.tabs.profit.expenses_view import ExpensesView
from sellertui.ui.tabs.profit.hiring_view import HiringView
from sellertui.ui.tabs.profit.overview import ProfitOverview
from sellertui.ui.tabs.profit.pnl_view import PnlView
from sellertui.ui.tabs.profit.rates_view import RatesView
from sellertui.ui.tabs.profit.skus_view import SkuProfitView
from sellertui.ui.kit.settings_form import SettingsSaved, edit_section, saved_note
from sellertui.ui.kit.views import ViewArea, view_bindings

VIEWS = (ProfitOverview, PnlView, SkuProfitView, ExpensesView, RatesView, HiringView)


class ProfitArea(ViewArea):
    TITLE = N_("Profit")
    KEY = "6"
    WATCHES = WATCHES | PROFIT_COLLECTIONS | {"today_ticks"}
    VIEWS = VIEWS
    BINDINGS = [
        *view_bindings(VIEWS),
        Binding("S", "settings", N_("Settings"), show=False, id="profit.settings"),
    ]

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        from sellertui import clock

        self.grain = "month"
        # per SKU opens on the last complete month: the current one is still partial
        self.period = step(period_of(clock.today(), "month"), "month", -1)
        self._service = None
        self._service_lock = threading.Lock()

    def service(self):
        """The area's ProfitService (created on first use, in a worker: it imports pandas)."""
        with self._service_lock:
            if self._service is None:
                from sellertui.domain.profit.service import ProfitService

                self._service = ProfitService.for_shop(self.shop)
            return self._service

    # -- the period ------------------------------------------------------------------
    def bar_suffix(self) -> Text:
        return Text.assemble(("│ " + _("by") + " ", "dim"), (key_label(GRAIN_WORDS, self.grain), "bold"), (" · " + _("SKUs:") + " ", "dim"),
                             (label(self.period, self.grain), "bold"))

    def action_next_grain(self) -> None:
        from sellertui import clock

        self.grain = GRAINS[(GRAINS.index(self.grain) + 1) % len(GRAINS)]
        self.period = step(period_of(clock.today(), self.grain), self.grain, -1)
        self._draw_bar()
        self.reload()

    def action_step_period(self, count: int) -> None:
        from sellertui import clock

        later = step(self.period, self.grain, count)
        if later > period_of(clock.today(), self.grain):
            self.notify(_("That period has not started yet."), timeout=3)
            return
        self.period = later
        self._draw_bar()
        self.reload()

    # -- settings --------------------------------------------------------------------
    def action_settings(self) -> None:
        from sellertui.domain.profit.settings import LABELS, check_section

        edit_section(self, "profit", labels={k: _(v) for k, v in LABELS.items()}, check=check_section)

    def on_settings_saved(self, message: SettingsSaved) -> None:
        self.notify(saved_note(message.changed), timeout=3)
        if message.changed:
            self.reload()

"""Exchange rates: what one unit of each marketplace's currency was worth in the home currency, month by
month, as the user enters them. ``n`` adds, ``e`` edits, ``d`` deletes. The summary names the months
whose money is left out of the totals (or borrows an earlier rate) for want of one."""

from __future__ import annotations

from rich.text import Text

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.ui.kit.records_view import RecordsView, record_bindings
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.profit.common import ProfitPart
from sellertui.ui.tabs.profit.forms import rate_form


class RatesView(ProfitPart, RecordsView):
    TITLE = N_("Rates")
    KEY = "f"
    NOUN = N_("rate")
    CHANGES = frozenset({"fx_rates"})
    EMPTY = N_("No exchange rates: every amount is in the home currency, or n adds a month's "
               "rate.")
    COLUMNS = [
        Column("month", N_("Month"), 8),
        Column("currency", N_("Currency"), 8),
        Column("rate", N_("Rate"), 12, "right"),
        Column("in_home", N_("1 unit ="), 14),
        Column("note", N_("Note"), 40),
    ]
    BINDINGS = [
        *record_bindings("profit", "rate"),
    ]
    needed: list[str] = []

    @property
    def home(self) -> str:
        return self.shop.settings.home_currency.upper()

    def load(self):
        from sellertui.domain.profit.flags import rates_wanted
        from sellertui.domain.profit.fx import all_rates
        from sellertui.domain.profit.tables import rates_frame

        records = all_rates(self.shop.store)
        flags = self.service().ledger()[1]
        return rates_frame(records, self.home), records, rates_wanted(flags)

    def show_loaded(self, loaded) -> None:
        frame, records, self.needed = loaded
        self.show_records(frame, records)

    def show_summary(self, frame) -> None:
        line = Text(_("{n} rate(s) into {home}").format(n=len(frame), home=self.home), style="bold")
        if self.needed:
            line.append(f"\n⚠ {self.needed[0]}" + (" " + _("(+{n} more)").format(n=len(self.needed) - 1)
                                                    if len(self.needed) > 1 else ""),
                        style="yellow")
        else:
            line.append(_(" · every foreign amount has its month's rate"), style="dim")
        self.summary(line)

    # -- new, edit, delete (RecordsView asks, saves and confirms) ---------------------------
    def action_open(self) -> None:
        self.action_edit()  # enter: the rate's form

    def record_form(self, record: dict | None):
        return rate_form(record, self.home, clock.today().strftime("%Y-%m"))

    def create(self, store, values: dict):
        return self._save_rate(store, None, values)

    def update(self, store, record: dict, values: dict):
        return self._save_rate(store, record, values)

    def _save_rate(self, store, rate: dict | None, values: dict):
        from sellertui.domain.profit import fx

        return fx.save_rate(store, values["month"], values["currency"], values["rate"], self.home, values["note"],
                            expect_rev=(rate or {}).get("_rev"), replacing=(rate or {}).get("id"))

    def delete(self, store, record: dict) -> None:
        from sellertui.domain.profit import fx

        fx.delete_rate(store, record["id"], record.get("_rev"))

    def saved_note(self, record: dict | None, values: dict, result: dict) -> str:
        return _("Saved the {currency} rate for {month}").format(currency=values["currency"], month=values["month"])

    def delete_question(self, record: dict) -> str:
        return _("Delete the {currency} rate for {month}?").format(currency=record.get("currency"), month=record.get("month"))

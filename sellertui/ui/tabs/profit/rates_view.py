"""Exchange rates: what one unit of each marketplace's currency was worth in the home currency, month by
month, as the user enters them. ``n`` adds, ``e`` edits, ``d`` deletes. The summary names the months
whose money is left out of the totals (or borrows an earlier rate) for want of one."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui import clock
from sellertui.ui.kit.dialogs import ConfirmScreen
from sellertui.ui.tabs.profit.common import ProfitView
from sellertui.ui.tabs.profit.forms import rate_form
from sellertui.ui.kit.table import Column

COLLECTIONS = frozenset({"fx_rates"})


class RatesView(ProfitView):
    TITLE = "Rates"
    KEY = "f"
    EMPTY = "No exchange rates: every amount is in the home currency, or n adds a month's rate."
    COLUMNS = [
        Column("month", "Month", 8),
        Column("currency", "Currency", 8),
        Column("rate", "Rate", 12, "right"),
        Column("in_home", "1 unit =", 14),
        Column("note", "Note", 40),
    ]
    BINDINGS = [
        Binding("n", "new_rate", "New", id="profit.new_rate"),
        Binding("e", "edit_rate", "Edit", id="profit.edit_rate"),
        Binding("d", "delete_rate", "Delete", id="profit.delete_rate"),
    ]
    records: dict[str, dict] = {}
    needed: list[str] = []

    def load(self):
        import pandas as pd

        home = self.ctx.settings.home_currency.upper()
        records = self.ctx.store()["fx_rates"].all()
        frame = pd.DataFrame([{"id": r["id"], "month": r.get("month", ""), "currency": r.get("currency", ""),
                               "rate": str(r.get("rate", "")), "in_home": f"{r.get('rate', '')} {home}",
                               "note": r.get("note", "")} for r in records],
                             columns=["id", "month", "currency", "rate", "in_home", "note"])
        frame = frame.sort_values(["month", "currency"], ascending=[False, True], kind="stable").reset_index(drop=True)
        _, flags = self.service().ledger()
        needed = [f.text for month in sorted(flags, reverse=True) for f in flags[month]
                  if f.code in ("no_rate", "borrowed_rate")]
        return frame, {str(r["id"]): r for r in records}, needed

    def show_loaded(self, loaded) -> None:
        frame, self.records, self.needed = loaded
        super().show_loaded(frame)

    def show_summary(self, frame) -> None:
        home = self.ctx.settings.home_currency.upper()
        line = Text(f"{len(frame)} rate(s) into {home}", style="bold")
        if self.needed:
            line.append(f"\n⚠ {self.needed[0]}" + (f" (+{len(self.needed) - 1} more)" if len(self.needed) > 1 else ""),
                        style="yellow")
        else:
            line.append(" · every foreign amount has its month's rate", style="dim")
        self.summary(line)

    def chosen(self) -> dict | None:
        rate_id = self.current_value("id")
        return None if rate_id is None else self.records.get(str(rate_id))

    def action_new_rate(self) -> None:
        self._form(None)

    def action_edit_rate(self) -> None:
        rate = self.chosen()
        if rate is not None:
            self._form(rate)

    def _form(self, rate: dict | None) -> None:
        from sellertui.domain.profit import fx

        home = self.ctx.settings.home_currency.upper()
        month = clock.today().strftime("%Y-%m")

        def done(values: dict | None) -> None:
            if values is None:
                return
            self.save(lambda store: fx.save_rate(store, values["month"], values["currency"], values["rate"], home,
                                                 values["note"], expect_rev=(rate or {}).get("_rev"),
                                                 replacing=(rate or {}).get("id")),
                      f"Saved the {values['currency']} rate for {values['month']}", COLLECTIONS)

        self.app.push_screen(rate_form(rate, home, month), done)

    def action_delete_rate(self) -> None:
        from sellertui.domain.profit import fx

        rate = self.chosen()
        if rate is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: fx.delete_rate(store, rate["id"], rate.get("_rev")), "Deleted the rate",
                          COLLECTIONS)

        self.app.push_screen(ConfirmScreen(f"Delete the {rate.get('currency')} rate for {rate.get('month')}?"), done)

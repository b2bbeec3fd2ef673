"""Expenses outside Amazon: recurring (monthly) and one-off, by category. ``n`` adds, ``e`` edits,
``d`` deletes (a hire's salary goes with its hire: undo it in Hiring)."""

from __future__ import annotations

from rich.text import Text

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.domain.query import words_positions
from sellertui.ui.kit.records_view import RecordsView, record_bindings
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.profit.forms import expense_form


class ExpensesView(RecordsView):
    TITLE = N_("Expenses")
    KEY = "x"
    TODAY_KEY = "expense:{id}"
    TODAY_DONE = frozenset({"expenses"})
    NOUN = N_("expense")
    CHANGES = frozenset({"expenses"})
    EMPTY = N_("No expenses yet: n adds one (tools, storage, freight, salaries, your own draw…).")
    FILTER_HELP = N_("words in the category or description")
    COLUMNS = [
        Column("date", N_("Date"), 10),
        Column("category", N_("Category"), 18),
        Column("amount", N_("Amount"), 11, "right", sort_key="amount_minor"),
        Column("repeats", N_("Repeats"), 11),
        Column("until", N_("Until"), 10),
        Column("description", N_("Description"), 40),
    ]
    BINDINGS = [
        *record_bindings("profit", "expense"),
    ]

    def load(self):
        from sellertui.domain.profit.expenses import all_expenses
        from sellertui.domain.profit.tables import expenses_frame

        records = all_expenses(self.shop.store)
        return expenses_frame(records, clock.today().isoformat()), records

    def show_loaded(self, loaded) -> None:
        self.show_records(*loaded)

    def show_summary(self, frame) -> None:
        from sellertui.core.money import fmt

        home = self.shop.settings.home_currency
        running = frame[frame["running"].to_numpy(dtype=bool)]
        line = Text(_("{n} expense(s)").format(n=len(frame)), style="bold")
        for currency, total in running.groupby("currency")["amount_minor"].sum().items():
            line.append(_(" · running monthly: {total}").format(total=fmt(int(total), currency)))
        line.append(_(" · amounts in their own currency (totals in {home} on the P&L)").format(home=home), style="dim")
        self.summary(line)

    def filter(self, frame, text: str):
        return words_positions(frame, text)

    # -- new, edit, delete (RecordsView asks, saves and confirms) ---------------------------
    def action_open(self) -> None:
        self.action_edit()  # enter: the expense's form (a hire's cost says where to change it)

    def action_edit(self) -> None:
        expense = self.chosen()
        if expense is not None and expense.get("role_id"):
            self.notify(_("This is a hire's cost: change the role in Hiring (H)."), timeout=4)
            return
        super().action_edit()

    def record_form(self, record: dict | None):
        return expense_form(record, self.shop.settings.home_currency)

    def create(self, store, values: dict):
        from sellertui.domain.profit import expenses

        return expenses.add(store, values)

    def update(self, store, record: dict, values: dict):
        from sellertui.domain.profit import expenses

        return expenses.edit(store, record["id"], values, record.get("_rev"))

    def delete(self, store, record: dict) -> None:
        from sellertui.domain.profit import expenses

        expenses.delete(store, record["id"], record.get("_rev"))

    def saved_note(self, record: dict | None, values: dict, result: dict) -> str:
        return f"{'Added' if record is None else 'Saved'} {result['description']}"

    def delete_question(self, record: dict) -> str:
        return _("Delete the expense '{description}'? Past months lose it too.").format(
            description=record.get("description", ""))

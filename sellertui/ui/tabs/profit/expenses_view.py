"""Expenses outside Amazon: recurring (monthly) and one-off, by category. ``n`` adds, ``e`` edits,
``d`` deletes (a hire's salary goes with its hire: undo it in Hiring)."""

from __future__ import annotations

from rich.text import Text

from sellertui import clock
from sellertui.domain.query import words_positions
from sellertui.ui.kit.records_view import RecordsView, record_bindings
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.profit.forms import expense_form


class ExpensesView(RecordsView):
    TITLE = "Expenses"
    KEY = "x"
    TODAY_KEY = "expense:{id}"
    TODAY_DONE = frozenset({"expenses"})
    NOUN = "expense"
    CHANGES = frozenset({"expenses"})
    EMPTY = "No expenses yet: n adds one (tools, storage, freight, salaries, your own draw…)."
    FILTER_HELP = "words in the category or description"
    COLUMNS = [
        Column("date", "Date", 10),
        Column("category", "Category", 18),
        Column("amount", "Amount", 11, "right", sort_key="amount_minor"),
        Column("repeats", "Repeats", 11),
        Column("until", "Until", 10),
        Column("description", "Description", 40),
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
        line = Text(f"{len(frame)} expense(s)", style="bold")
        for currency, total in running.groupby("currency")["amount_minor"].sum().items():
            line.append(f" · running monthly: {fmt(int(total), currency)}")
        line.append(f" · amounts in their own currency (totals in {home} on the P&L)", style="dim")
        self.summary(line)

    def filter(self, frame, text: str):
        return words_positions(frame, text)

    # -- new, edit, delete (RecordsView asks, saves and confirms) ---------------------------
    def action_open(self) -> None:
        self.action_edit()  # enter: the expense's form (a hire's cost says where to change it)

    def action_edit(self) -> None:
        expense = self.chosen()
        if expense is not None and expense.get("role_id"):
            self.notify("This is a hire's cost: change the role in Hiring (H).", timeout=4)
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
        return f"Delete the expense '{record.get('description', '')}'? Past months lose it too."

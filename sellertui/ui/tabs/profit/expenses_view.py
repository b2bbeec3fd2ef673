"""Expenses outside Amazon: recurring (monthly) and one-off, by category. ``n`` adds, ``e`` edits,
``d`` deletes (a hire's salary goes with its hire: undo it in Hiring)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui import clock
from sellertui.domain.query import words_positions
from sellertui.ui.kit.dialogs import ConfirmScreen
from sellertui.ui.tabs.profit.common import ProfitView
from sellertui.ui.tabs.profit.forms import expense_form
from sellertui.ui.kit.table import Column

COLLECTIONS = frozenset({"expenses"})


def expenses_frame(records: list[dict], today: str):
    import pandas as pd

    from sellertui.core.money import fmt
    from sellertui.domain.profit.expenses import RECURRENCES, category_label

    rows = []
    for e in records:
        running = e.get("recurring") == "monthly" and (not e.get("until") or e["until"] >= today)
        rows.append({
            "id": str(e["id"]), "date": e.get("date", ""), "category": category_label(e.get("category", "")),
            "description": e.get("description", ""), "amount_minor": int(e.get("amount_minor") or 0),
            "amount": fmt(int(e.get("amount_minor") or 0), e.get("currency") or "USD"),
            "currency": e.get("currency") or "USD", "repeats": RECURRENCES.get(e.get("recurring") or "", ""),
            "until": e.get("until") or ("" if e.get("recurring") != "monthly" else "running"),
            "running": running, "hire": "hire" if e.get("role_id") else "",
        })
    columns = ["id", "date", "category", "description", "amount_minor", "amount", "currency", "repeats", "until",
               "running", "hire"]
    frame = pd.DataFrame(rows, columns=columns)
    # running monthly ones first, then the newest
    frame = frame.sort_values(["running", "date"], ascending=[False, False], kind="stable").reset_index(drop=True)
    frame["haystack"] = (frame["category"] + " " + frame["description"]).str.lower()
    return frame


class ExpensesView(ProfitView):
    TITLE = "Expenses"
    KEY = "x"
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
        Binding("n", "new_expense", "New", id="profit.new_expense"),
        Binding("e", "edit_expense", "Edit", id="profit.edit_expense"),
        Binding("d", "delete_expense", "Delete", id="profit.delete_expense"),
    ]
    records: dict[str, dict] = {}

    def load(self):
        records = self.ctx.store()["expenses"].all()
        return expenses_frame(records, clock.today().isoformat()), {str(r["id"]): r for r in records}

    def show_loaded(self, loaded) -> None:
        frame, self.records = loaded
        super().show_loaded(frame)

    def show_summary(self, frame) -> None:
        from sellertui.core.money import fmt

        home = self.ctx.settings.home_currency
        running = frame[frame["running"].to_numpy(dtype=bool)]
        line = Text(f"{len(frame)} expense(s)", style="bold")
        for currency, total in running.groupby("currency")["amount_minor"].sum().items():
            line.append(f" · running monthly: {fmt(int(total), currency)}")
        line.append(f" · amounts in their own currency (totals in {home} on the P&L)", style="dim")
        self.summary(line)

    def filter(self, frame, text: str):
        return words_positions(frame, text)

    def chosen(self) -> dict | None:
        expense_id = self.current_value("id")
        return None if expense_id is None else self.records.get(str(expense_id))

    def action_new_expense(self) -> None:
        from sellertui.domain.profit import expenses

        def done(values: dict | None) -> None:
            if values is not None:
                self.save(lambda store: expenses.add(store, values),
                          lambda record: f"Added {record['description']}", COLLECTIONS)

        self.app.push_screen(expense_form(None, self.ctx.settings.home_currency), done)

    def action_edit_expense(self) -> None:
        from sellertui.domain.profit import expenses

        expense = self.chosen()
        if expense is None:
            return
        if expense.get("role_id"):
            self.notify("This is a hire's cost: change the role in Hiring (H).", timeout=4)
            return

        def done(values: dict | None) -> None:
            if values is not None:
                self.save(lambda store: expenses.edit(store, expense["id"], values, expense.get("_rev")),
                          lambda record: f"Saved {record['description']}", COLLECTIONS)

        self.app.push_screen(expense_form(expense, self.ctx.settings.home_currency), done)

    def action_delete_expense(self) -> None:
        from sellertui.domain.profit import expenses

        expense = self.chosen()
        if expense is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: expenses.delete(store, expense["id"], expense.get("_rev")),
                          "Deleted the expense", COLLECTIONS)

        self.app.push_screen(ConfirmScreen(f"Delete the expense '{expense.get('description', '')}'? "
                                           "Past months lose it too."), done)

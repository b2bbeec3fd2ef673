"""Expenses outside Amazon: one-off or monthly, by category, and how they spread over days.

Records (``expenses``): date, category, description, amount_minor, currency,
recurring (None or "monthly"), until (last day, or None), and role_id when a
hire created it. A monthly expense counts day by day — its amount ÷ the days
of each month, from its date to its ``until`` — so a full month carries
exactly the amount, a salary that starts on the 15th carries half a month, and
any period (a day, a week, a quarter) gets its share.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Iterator

from sellertui.core.i18n import N_, _, label
from sellertui.core.errors import UserError

COLLECTION = "expenses"
CATEGORIES = {
    "tools": N_("Tools and software"),
    "storage": N_("Storage (3PL, warehouse)"),
    "freight": N_("Freight and duties"),
    "salaries": N_("Salaries"),
    "draw": N_("Founder's draw"),
    "design": N_("Design and photography"),
    "marketing": N_("Marketing outside Amazon"),
    "services": N_("Accounting, legal, services"),
    "rent": N_("Rent and utilities"),
    "samples": N_("Samples and product development"),
    "other": N_("Other"),
}
RECURRENCES = {"": N_("one-off"), "monthly": N_("every month")}  # these and the categories shown translated


def all_expenses(store) -> list[dict]:
    return store[COLLECTION].all()


def category_label(key: str) -> str:
    return label(CATEGORIES, key)


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10]) if value else None


def occurrences(expense: dict, first: date, last: date) -> Iterator[tuple[date, int]]:
    """(day, minor units) of ``expense`` on each day from ``first`` to ``last`` that carries some of it."""
    start, amount = _day(expense.get("date")), int(expense.get("amount_minor") or 0)
    if start is None or not amount:
        return
    if expense.get("recurring") != "monthly":
        if first <= start <= last:
            yield start, amount
        return
    until = _day(expense.get("until")) or last
    day, end = max(start, first), min(until, last)
    while day <= end:
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        # cumulative rounding: the shares of a whole month add up to the amount exactly
        share = round(amount * day.day / days_in_month) - round(amount * (day.day - 1) / days_in_month)
        if share:
            yield day, share
        day += timedelta(days=1)


def check(values: dict) -> dict[str, str]:
    """Cross-field rules of the expense form: {field: error}."""
    errors = {}
    if values.get("until") and not values.get("recurring"):
        errors["until"] = "only a monthly expense has an end"
    elif values.get("until") and values.get("date") and values["until"] < values["date"]:
        errors["until"] = "cannot end before it starts"
    return errors


def record_of(values: dict) -> dict:
    """A stored record from the form's parsed values."""
    problems = check(values)
    if problems:
        raise UserError(next(iter(problems.values())))
    if values["amount_minor"] <= 0:
        raise UserError(_("an expense is a positive amount"))
    return {
        "date": values["date"].isoformat(), "category": values["category"],
        "description": values["description"], "amount_minor": int(values["amount_minor"]),
        "currency": values["currency"].upper(), "recurring": values.get("recurring") or None,
        "until": values["until"].isoformat() if values.get("until") else None,
    }


def add(store, values: dict) -> dict:
    record = record_of(values)
    with store.transaction(f"expense: {record['description'][:60]}") as tx:
        return tx[COLLECTION].insert(record)


def edit(store, expense_id: str, values: dict, expect_rev: int | None) -> dict:
    record = record_of(values)
    with store.transaction(f"expense changed: {record['description'][:60]}") as tx:
        return tx[COLLECTION].update(expense_id, record, expect_rev=expect_rev)


def delete(store, expense_id: str, expect_rev: int | None) -> None:
    with store.transaction("deleted an expense") as tx:
        expense = tx[COLLECTION].get(expense_id)
        if expense and expense.get("role_id"):
            raise UserError(_("this expense is a hire's cost: undo the hire in Hiring (u) instead"))
        tx[COLLECTION].delete(expense_id, expect_rev=expect_rev)

"""The hiring plan: roles in the order the seller means to hire them, and the cash in reserve.

``hiring_roles`` records: title, position (1, 2, ...), salary_minor (a month),
overhead_pct (taxes, benefits, tools: 20–30%), currency (the home currency),
status (planned/hired), hired_on, expense_id, notes. A role's full monthly
cost = salary × (1 + overhead). Marking a role hired adds that cost to the
expenses (a monthly "salaries" expense from the hire date) in the same
transaction; undoing the hire removes it again.

``cash_reserve`` records: date, amount_minor, currency, note — the latest one counts.
"""

from __future__ import annotations

from datetime import date

from sellertui.core.i18n import N_, _, label
from sellertui.core.errors import UserError
from sellertui.core.money import fmt

ROLES = "hiring_roles"
CASH = "cash_reserve"
SUGGESTED = ("Operator", "PPC specialist", "Customer service", "Designer", "Product assistant")


def full_cost(role: dict) -> int:
    """Salary plus overhead, a month, in minor units."""
    salary = int(role.get("salary_minor") or 0)
    return round(salary * (1 + float(role.get("overhead_pct") or 0) / 100))


def describe_cost(role: dict) -> str:
    currency = role.get("currency") or "USD"
    return _("{salary} salary + {overhead}% overhead = {cost} a month").format(
        salary=fmt(role.get("salary_minor") or 0, currency), overhead=f"{float(role.get('overhead_pct') or 0):g}",
        cost=fmt(full_cost(role), currency))


def roles(store) -> list[dict]:
    """The plan in hiring order."""
    return sorted(store[ROLES].all(), key=lambda r: (int(r.get("position") or 0), r.get("title", "")))


def next_role(plan: list[dict]) -> dict | None:
    return next((r for r in plan if r.get("status") != "hired"), None)


def role_status(role: dict, next_up: dict | None) -> str:
    """"hired 2026-11-01", "next" (the role the gauge weighs) or "planned"."""
    if role.get("status") == "hired":
        return f"hired {role.get('hired_on')}"
    return "next" if role is next_up else "planned"


STATUS_WORDS = {"next": N_("next"), "planned": N_("planned")}


def status_shown(status: str) -> str:
    """``role_status``'s words (kept in English in frames and JSON) in the language, as a user reads them."""
    if status.startswith("hired "):
        return _("hired {day}").format(day=status.removeprefix("hired "))
    return label(STATUS_WORDS, status)


def _record(values: dict, currency: str) -> dict:
    if values["salary_minor"] <= 0:
        raise UserError(_("a salary is a positive amount"))
    if not 0 <= values["overhead_pct"] <= 200:
        raise UserError(_("overhead is a share of the salary from 0 to 200%"))
    return {"title": values["title"], "salary_minor": int(values["salary_minor"]),
            "overhead_pct": float(values["overhead_pct"]), "currency": currency, "notes": values.get("notes", "")}


def add_role(store, values: dict, currency: str) -> dict:
    record = _record(values, currency)
    with store.transaction(f"hiring plan: added {record['title']}") as tx:
        col = tx[ROLES]
        last = max((int(r.get("position") or 0) for r in col.all()), default=0)
        return col.insert({**record, "position": last + 1, "status": "planned", "hired_on": None,
                           "expense_id": None})


def edit_role(store, role_id: str, values: dict, currency: str, expect_rev: int | None) -> dict:
    record = _record(values, currency)
    with store.transaction(f"hiring plan: changed {record['title']}") as tx:
        return tx[ROLES].update(role_id, record, expect_rev=expect_rev)


def delete_role(store, role_id: str, expect_rev: int | None) -> None:
    with store.transaction("hiring plan: removed a role") as tx:
        role = tx[ROLES].get(role_id)
        if role and role.get("status") == "hired":
            raise UserError(_("{title} is hired: undo the hire first (u)").format(title=role['title']))
        tx[ROLES].delete(role_id, expect_rev=expect_rev)


def move_role(store, role_id: str, step: int) -> None:
    """Move a role earlier (step −1) or later (+1) in the hiring order."""
    with store.transaction("hiring plan: reordered") as tx:
        col = tx[ROLES]
        plan = sorted(col.all(), key=lambda r: (int(r.get("position") or 0), r.get("title", "")))
        index = next((i for i, r in enumerate(plan) if r["id"] == role_id), None)
        if index is None:
            raise UserError(_("that role is no longer in the plan"))
        other = index + step
        if not 0 <= other < len(plan):
            return
        plan[index], plan[other] = plan[other], plan[index]
        for position, role in enumerate(plan, start=1):
            if int(role.get("position") or 0) != position:
                col.update(role["id"], {"position": position})


def mark_hired(store, role_id: str, day: date, expect_rev: int | None = None) -> dict:
    """The role is hired from ``day``: its full cost becomes a monthly salaries expense from that day."""
    with store.transaction() as tx:
        role = tx[ROLES].get(role_id)
        if role is None:
            raise UserError(_("that role is no longer in the plan"))
        if role.get("status") == "hired":
            raise UserError(_("{title} is already hired (since {hired_on})")
                                .format(title=role['title'], hired_on=role.get('hired_on')))
        tx.note = f"hired: {role['title']} from {day.isoformat()}"
        expense = tx["expenses"].insert({
            "date": day.isoformat(), "category": "salaries", "description": _("{title} (hire: {cost})").format(
                title=role["title"], cost=describe_cost(role)), "amount_minor": full_cost(role), "currency": role.get("currency") or "USD",
            "recurring": "monthly", "until": None, "role_id": role_id})
        return tx[ROLES].update(role_id, {"status": "hired", "hired_on": day.isoformat(),
                                          "expense_id": expense["id"]}, expect_rev=expect_rev)


def undo_hire(store, role_id: str, expect_rev: int | None = None) -> dict:
    """Back to planned; the hire's expense goes (a hire that ended keeps its history: set an end date instead)."""
    with store.transaction() as tx:
        role = tx[ROLES].get(role_id)
        if role is None or role.get("status") != "hired":
            raise UserError(_("that role is not hired"))
        tx.note = f"hire undone: {role['title']}"
        if role.get("expense_id") and tx["expenses"].get(role["expense_id"]) is not None:
            tx["expenses"].delete(role["expense_id"])
        return tx[ROLES].update(role_id, {"status": "planned", "hired_on": None, "expense_id": None},
                                expect_rev=expect_rev)


def latest_cash(store) -> dict | None:
    records = store[CASH].all()
    return max(records, key=lambda r: (r.get("date", ""), r.get("_at", ""))) if records else None


def set_cash(store, amount_minor: int, day: date, currency: str, note: str = "") -> dict:
    if amount_minor < 0:
        raise UserError(_("cash in reserve cannot be negative"))
    with store.transaction(f"cash in reserve: {fmt(amount_minor, currency)} on {day.isoformat()}") as tx:
        return tx[CASH].insert({"date": day.isoformat(), "amount_minor": int(amount_minor), "currency": currency,
                                "note": note})

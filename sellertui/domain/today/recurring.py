"""Recurring checklist items: daily, on certain weekdays, or monthly on a day.

Rules are typed as text: ``daily``, ``mon,wed,fri`` (or ``weekdays``), ``monthly 1``
(the 1st; a day past the month's end falls on its last day).
"""

from __future__ import annotations

import calendar
from datetime import date

from sellertui.core.errors import UserError
from sellertui.core.i18n import _

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_rule(text: str) -> dict:
    value = " ".join(text.lower().replace(",", " ").split())
    if value in ("daily", "every day", "day"):
        return {"every": "day"}
    if value == "weekdays":
        return {"weekdays": [0, 1, 2, 3, 4]}
    if value.startswith("monthly"):
        rest = value.removeprefix("monthly").strip()
        if not rest.isdigit() or not 1 <= int(rest) <= 31:
            raise UserError(_("monthly needs a day of the month: monthly 1 … monthly 31"))
        return {"monthday": int(rest)}
    days = value.split()
    if days and all(d[:3] in DAYS for d in days):
        return {"weekdays": sorted({DAYS.index(d[:3]) for d in days})}
    raise UserError(_("say daily, weekdays, mon,wed,fri or monthly 15"))


def describe(rule: dict) -> str:
    if rule.get("every") == "day":
        return _("daily")
    if "weekdays" in rule:
        return _("weekdays") if rule["weekdays"] == [0, 1, 2, 3, 4] else ",".join(DAYS[d] for d in rule["weekdays"])
    return _("monthly {day}").format(day=rule["monthday"])


def due_on(rule: dict, day: date) -> bool:
    if rule.get("every") == "day":
        return True
    if "weekdays" in rule:
        return day.weekday() in rule["weekdays"]
    if "monthday" in rule:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.day == min(rule["monthday"], last)
    return False


def add(store, user: str, values: dict) -> dict:
    """A routine item of ``user``'s: ``title``, ``rule`` (from ``parse_rule``) and the ``area`` it belongs to."""
    with store.transaction(f"routine: {values['title']}") as tx:
        return tx["recurring"].insert({"title": values["title"], "rule": values["rule"], "area": values["area"],
                                       "user": user})


def delete(store, routine_id: str) -> None:
    with store.transaction("deleted a routine item") as tx:
        tx["recurring"].delete(routine_id)

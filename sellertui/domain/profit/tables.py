"""The frames the Profit tab shows: expenses, exchange rates, the P&L grid, the tiles, per SKU, the hiring plan.

Each row carries what its table needs to show, sort and filter it (``haystack``:
the lower-case words a filter searches). Built in workers: this module imports pandas.
"""

from __future__ import annotations

import pandas as pd

from sellertui.core.i18n import N_, _
from sellertui.core.money import fmt
from sellertui.domain.profit.expenses import RECURRENCES, category_label
from sellertui.domain.profit.hiring import full_cost, role_status
from sellertui.domain.profit.pnl import LABELS, ROWS, Statement

EXPENSE_COLUMNS = ["id", "date", "category", "description", "amount_minor", "amount", "currency", "repeats", "until",
                   "running", "hire"]
RATE_COLUMNS = ["id", "month", "currency", "rate", "in_home", "note"]
PLAN_COLUMNS = ["id", "position", "title", "salary", "overhead", "cost", "status"]


def expenses_frame(records: list[dict], today: str) -> pd.DataFrame:
    """Running monthly expenses first, then the newest; amounts in their own currency."""
    rows = []
    for e in records:
        running = e.get("recurring") == "monthly" and (not e.get("until") or e["until"] >= today)
        rows.append({
            "id": str(e["id"]), "date": e.get("date", ""), "category": category_label(e.get("category", "")),
            "description": e.get("description", ""), "amount_minor": int(e.get("amount_minor") or 0),
            "amount": fmt(int(e.get("amount_minor") or 0), e.get("currency") or "USD"),
            "currency": e.get("currency") or "USD", "repeats": _(RECURRENCES.get(e.get("recurring") or "", "")),
            "until": e.get("until") or ("" if e.get("recurring") != "monthly" else _("running")),
            "running": running, "hire": "hire" if e.get("role_id") else "",
        })
    frame = pd.DataFrame(rows, columns=EXPENSE_COLUMNS)
    frame = frame.sort_values(["running", "date"], ascending=[False, False], kind="stable").reset_index(drop=True)
    frame["haystack"] = (frame["category"] + " " + frame["description"]).str.lower()
    return frame


def rates_frame(records: list[dict], home: str) -> pd.DataFrame:
    """The newest month first, currencies in order within a month."""
    frame = pd.DataFrame([{"id": r["id"], "month": r.get("month", ""), "currency": r.get("currency", ""),
                           "rate": str(r.get("rate", "")), "in_home": f"{r.get('rate', '')} {home}",
                           "note": r.get("note", "")} for r in records], columns=RATE_COLUMNS)
    return frame.sort_values(["month", "currency"], ascending=[False, True], kind="stable").reset_index(drop=True)


def statement_frame(statement: Statement) -> tuple[pd.DataFrame, list[int]]:
    """Lines as rows, periods as columns ``p0``, ``p1``... newest first (the second value: the period
    index of each column), then a row of flag counts per period."""
    order = list(range(len(statement.periods)))[::-1]
    rows = []
    for key in (*ROWS, "flags"):
        row = {"key": key, "label": ("= " if key == "net" else "") + _(LABELS.get(key, N_("Flags")))}
        for column, index in enumerate(order):
            if key == "flags":
                missing = sum(f.severity == "missing" for f in statement.flags[index])
                estimate = sum(f.severity == "estimate" for f in statement.flags[index])
                row[f"p{column}"] = " ".join(p for p in (f"⚠{missing}" if missing else "",
                                                          f"~{estimate}" if estimate else "") if p)
            else:
                row[f"p{column}"] = statement.figure(key, index)
        rows.append(row)
    return pd.DataFrame(rows), order


def tiles_frame(tiles: list) -> pd.DataFrame:
    """One row per tile; ``~`` before the title of one whose fees are estimated in part."""
    return pd.DataFrame([{"title": ("~ " if t.estimated else "  ") + t.title, "sales": t.sales, "orders": t.orders,
                          "units": t.units, "ads": t.ads, "net": t.net, "margin": t.margin} for t in tiles])


def skus_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The per-SKU table with its filter words and a flag: ``⚠`` no landed cost, ``~`` fees estimated."""
    return table.assign(haystack=(table["sku"].astype(str) + " " + table["title"].astype(str)).str.lower(),
                        flag=["⚠" if n else "~" if e else "" for n, e in zip(table["no_cost"], table["estimated"])])


def plan_frame(plan: list[dict], next_up: dict | None) -> pd.DataFrame:
    """The hiring plan in order, each role with its full monthly cost and its status."""
    return pd.DataFrame([{"id": r["id"], "position": int(r.get("position") or 0), "title": r.get("title", ""),
                          "salary": int(r.get("salary_minor") or 0),
                          "overhead": f"{float(r.get('overhead_pct') or 0):g}%", "cost": full_cost(r),
                          "status": role_status(r, next_up)} for r in plan], columns=PLAN_COLUMNS)

"""The ledger: every decided term with its date and the numbers at the time.

A negated term that later brought orders in another campaign or ad group is
flagged: the negation may have cut off a term that sells (Amazon matched it
elsewhere, so it is not lost, but it deserves a look).
"""

from __future__ import annotations

import pandas as pd

from sellertui.core.i18n import _
from sellertui.core.money import fmt

COLUMNS = ["id", "_rev", "decided_at", "decided_by", "status", "kind", "action", "term", "campaign", "ad_group",
           "match_type", "impressions", "clicks", "spend_minor", "sales_minor", "orders", "acos", "target_acos",
           "current_bid_minor", "new_bid_minor", "dest_campaign", "dest_ad_group", "exported_at", "export_file",
           "currency", "reason", "negate_level", "negate_match", "applied_at", "amazon_ids", "api_error", "api",
           "revert_error", "undone_at"]
NEGATIONS = ("approved", "exported", "applied", "failed")  # negations decided and not taken back


def converted_later(records: list[dict], later_rows: pd.DataFrame) -> dict[str, str]:
    """For negations: record id -> what the term did elsewhere after the decision."""
    negations = [r for r in records if r.get("kind") == "negate" and r.get("status") in NEGATIONS]
    if not negations or not len(later_rows):
        return {}
    sold = later_rows[later_rows["orders"].to_numpy() > 0]
    if not len(sold):
        return {}
    terms = sold["term"].str.strip().str.lower()
    flags = {}
    for r in negations:
        day = (r.get("decided_at") or "")[:10]
        term = str(r.get("term", "")).strip().lower()
        hits = sold[((terms == term) & (sold["date"] > day)).to_numpy(dtype=bool)]
        hits = hits[~((hits["campaign"] == r.get("campaign")) & (hits["ad_group"] == r.get("ad_group"))).to_numpy(dtype=bool)]
        if len(hits):
            places = hits.groupby("campaign", sort=False)["orders"].sum().sort_values(ascending=False)
            where = ", ".join(f"{name} ({int(n)})" for name, n in places.head(2).items())
            sales = fmt(int(hits["sales_minor"].sum()), str(hits["currency"].iloc[0]))
            flags[r["id"]] = _("sold {orders} elsewhere ({sales}): {where}").format(
                orders=int(hits["orders"].sum()), sales=sales, where=where)
    return flags


def amazon_outcome(record: dict) -> str:
    """What the Ads API made of a change sent through it: its new ids, or Amazon's reason."""
    status = record.get("status")
    if status == "undone":
        return "taken back"
    if record.get("revert_error"):
        return f"not taken back: {record['revert_error']}"
    if status == "failed":
        return f"refused: {record.get('api_error') or 'see i'}"
    if status == "applied":
        ids = str(record.get("amazon_ids") or "").split()
        return f"id {ids[0]}" + (f" +{len(ids) - 1}" if len(ids) > 1 else "") if ids else "applied"
    return ""


def ledger_frame(records: list[dict], flags: dict[str, str]) -> pd.DataFrame:
    """Decisions, newest first, with the flag of each negation that converted later."""
    rows = [{c: r.get(c) for c in COLUMNS} | {"amazon": amazon_outcome(r)} for r in records]
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "amazon"])
    frame["flag"] = [flags.get(i, "") for i in frame["id"]]
    frame["day"] = frame["decided_at"].fillna("").str[:10]
    return frame.sort_values(["decided_at", "id"], ascending=False, kind="stable").reset_index(drop=True)


def earliest_negation_day(records: list[dict]) -> str | None:
    days = [(r.get("decided_at") or "")[:10] for r in records
            if r.get("kind") == "negate" and r.get("status") in NEGATIONS]
    days = [d for d in days if d]
    return min(days) if days else None

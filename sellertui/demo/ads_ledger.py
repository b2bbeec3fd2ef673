"""Demo Ads decisions and targets, so the Ledger and Targets views have something to show.

Three changes exported in the past weeks (a negation of a term that went on to
sell elsewhere, so the ledger flags it; a harvest; a bid change), one rejection
whose numbers have moved since (so the proposal is back, marked), one campaign
target set by hand and one harvest destination. The numbers of each decision are
the demo's own search-term rows over the 30 days before it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sellertui.domain.ads.decisions import record_of
from sellertui.domain.ads.metrics import source_of
from sellertui.domain.ads.proposal import Proposal
from sellertui.domain.ads.targets import record_id

# (days ago, kind, status, campaign, ad group, match type, term, extra fields); a term of None
# is picked from the data (see _pick)
DECISIONS = [
    (41, "negate", "exported", "SP | Broad | SSB", "Broad – SSB", "BROAD", None, {}),
    (26, "harvest", "exported", "SP | Broad | BCB", "Broad – BCB", "BROAD", None,
     {"dest_campaign": "SP | Exact | BCB", "dest_ad_group": "Exact – BCB", "new_bid_minor": 105}),
    (19, "bid", "exported", "SP | Exact | SBM", "Exact – SBM", "EXACT", "silicone baking mat",
     {"current_bid_minor": 110, "new_bid_minor": 95}),
    (12, "negate", "rejected", "SP | Auto | SSB", "Auto – SSB", "-", "paper straws", {}),
]


def _numbers(rows: list[dict], kind: str, where: tuple[str, str, str], term: str, day: date) -> dict:
    """The decision's numbers: its rows over the 30 days before ``day`` (a bid's rows are its keyword's)."""
    start, end = (day - timedelta(days=30)).isoformat(), day.isoformat()
    field = "targeting" if kind == "bid" else "term"
    numbers = dict.fromkeys(("impressions", "clicks", "spend_minor", "sales_minor", "orders"), 0)
    found = None
    for r in rows:
        if (r["campaign"], r["ad_group"], r["match_type"]) == where and r[field] == term and start <= r["date"] < end:
            found = r
            for k in numbers:
                numbers[k] += r[k]
    return {"row": found, **numbers}


def _pick(rows: list[dict], kind: str, where: tuple[str, str, str], day: date) -> str | None:
    """A term of ``where`` worth the decision: for a negation, one with clicks and no orders before
    ``day`` that sold elsewhere after it (so the ledger flags it); for a harvest, one that sold."""
    terms = sorted({r["term"] for r in rows if (r["campaign"], r["ad_group"], r["match_type"]) == where})
    for term in terms:
        numbers = _numbers(rows, kind, where, term, day)
        if kind == "harvest" and numbers["orders"] >= 2:
            return term
        if kind == "negate" and numbers["orders"] == 0 and numbers["clicks"] >= 8 and any(
                r["term"] == term and r["orders"] and r["date"] > day.isoformat()
                and (r["campaign"], r["ad_group"], r["match_type"]) != where for r in rows):
            return term
    return None


def build_ad_decisions(rows: list[dict], today: date, founder: str) -> list[dict]:
    records = []
    for ago, kind, status, campaign, group, match, term, extra in DECISIONS:
        day = today - timedelta(days=ago)
        term = term or _pick(rows, kind, (campaign, group, match), day)
        if term is None:
            continue
        numbers = _numbers(rows, kind, (campaign, group, match), term, day)
        row = numbers.pop("row")
        if row is None:  # a shop built without this product line
            continue
        dest = extra.get("dest_campaign")
        dest_row = next((r for r in rows if r["campaign"] == dest), None) if dest else None
        p = Proposal(kind=kind, action={"negate": "negate exact", "harvest": "harvest exact"}.get(kind, "bid down"),
                     term=term, campaign=campaign, ad_group=group, match_type=match, targeting=row["targeting"],
                     source=source_of(match, row["targeting"]), currency=row["currency"],
                     campaign_id=row["campaign_id"], ad_group_id=row["ad_group_id"], keyword_id=row["keyword_id"],
                     acos=numbers["spend_minor"] / numbers["sales_minor"] if numbers["sales_minor"] else None,
                     target_acos=0.3, rules=[{"negate": "clicks", "harvest": "harvest"}.get(kind, "bid")],
                     window={"start": (day - timedelta(days=30)).isoformat(),
                             "end": (day - timedelta(days=1)).isoformat(), "days": 30},
                     reason=f"(demo) decided {ago} days ago on the 30 days before", **numbers)
        for name, value in extra.items():
            setattr(p, name, value)
        if dest_row is not None:
            p.dest_campaign_id, p.dest_ad_group_id = dest_row["campaign_id"], dest_row["ad_group_id"]
        record = record_of(p, status, founder)
        moment = datetime.combine(day, time(10, 0), tzinfo=timezone.utc)
        record["decided_at"] = moment.isoformat(timespec="seconds")
        if status == "exported":
            record["exported_at"] = (moment + timedelta(hours=1)).isoformat(timespec="seconds")
            record["export_file"] = f"~/amazon-bulk-{day.isoformat()}.xlsx"
        records.append(record)
    return records


def build_ad_targets() -> list[dict]:
    return [
        {"id": record_id("campaign", "SP | Exact | SBM"), "scope": "campaign", "campaign": "SP | Exact | SBM",
         "ad_group": "", "sku": "", "target_acos": 0.28, "skus": None, "harvest_to": None},
        {"id": record_id("campaign", "SP | Auto | GSJ"), "scope": "campaign", "campaign": "SP | Auto | GSJ",
         "ad_group": "", "sku": "", "target_acos": None, "skus": None,
         "harvest_to": {"campaign": "SP | Exact | GSJ", "ad_group": "Exact – GSJ"}},
    ]

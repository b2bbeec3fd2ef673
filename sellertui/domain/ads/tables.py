"""The frames the Ads tab shows: terms, proposals, targets, the ledger and the weeks.

``proposals_frame`` and ``targets_frame`` hold the numbers (one row per proposal,
campaign, ad group or SKU); the ``*_table`` functions add the text columns a
view shows — money in each row's own currency, a change as "$0.50→$0.40".
"""

from __future__ import annotations

import re

import pandas as pd

from sellertui.core.i18n import N_, _
from sellertui.core.money import fmt
from sellertui.domain.ads.campaigns import CampaignInfo
from sellertui.domain.ads.metrics import is_asin
from sellertui.domain.ads.proposal import Proposal
from sellertui.domain.ads.targets import TargetBook

PROPOSAL_COLUMNS = ["status", "kind", "action", "term", "campaign", "ad_group", "match_type", "source", "clicks",
                    "orders", "spend_minor", "sales_minor", "impressions", "acos", "target_acos", "current_bid_minor",
                    "new_bid_minor", "rules", "dest", "currency", "reason", "rejected_before"]


def proposals_frame(proposals: list[Proposal]) -> pd.DataFrame:
    rows = []
    for p in proposals:
        rows.append({
            "status": p.status, "kind": p.kind, "action": p.action, "term": p.term, "campaign": p.campaign,
            "ad_group": p.ad_group, "match_type": p.match_type, "source": p.source, "clicks": p.clicks,
            "orders": p.orders, "spend_minor": p.spend_minor, "sales_minor": p.sales_minor,
            "impressions": p.impressions, "acos": float("nan") if p.acos is None else p.acos,
            "target_acos": p.target_acos, "current_bid_minor": p.current_bid_minor, "new_bid_minor": p.new_bid_minor,
            "rules": ", ".join(p.rules), "dest": f"{p.dest_campaign} › {p.dest_ad_group}" if p.dest_campaign else "",
            "currency": p.currency, "reason": p.reason, "rejected_before": p.rejected_before,
        })
    return pd.DataFrame(rows, columns=PROPOSAL_COLUMNS)


# a target row's kind: stored English (the view picks the scope by it), shown translated
KINDS = (N_("campaign"), N_("ad group"), N_("sku"))
TARGET_COLUMNS = ["kind", "name", "campaign", "ad_group", "sku", "skus", "mapping", "price_minor", "currency",
                  "break_even", "target_acos", "cost_per_order_minor", "source", "harvest_to", "clicks", "working",
                  "record"]


def targets_frame(book: TargetBook, campaigns: dict[str, CampaignInfo]) -> pd.DataFrame:
    """Campaigns (each followed by its ad groups), then every SKU; ``record``: the user's override, if any."""
    rows = []
    names = sorted(set(campaigns) | {r["campaign"] for r in book.records.values() if r.get("scope") == "campaign"})
    for name in names:
        target = book.campaign(name)
        info = campaigns.get(name)
        harvest = book.harvest_to(name)
        rows.append({"kind": "campaign", "name": name, "campaign": name, "ad_group": "", "sku": "",
                     "skus": ", ".join(target.skus), "mapping": target.mapping, "price_minor": target.price_minor,
                     "currency": target.currency, "break_even": target.break_even, "target_acos": target.acos,
                     "cost_per_order_minor": target.cost_per_order_minor, "source": target.source,
                     "harvest_to": f"{harvest['campaign']} › {harvest.get('ad_group', '')}" if harvest else "",
                     "clicks": info.clicks if info else 0, "working": target.working,
                     "record": book.record("campaign", name)})
        for group in sorted(info.ad_groups if info else []):
            sub = book.ad_group(name, group)
            rows.append({"kind": "ad group", "name": f"  › {group}", "campaign": name, "ad_group": group, "sku": "",
                         "skus": "", "mapping": "", "price_minor": sub.price_minor, "currency": sub.currency,
                         "break_even": sub.break_even, "target_acos": sub.acos,
                         "cost_per_order_minor": sub.cost_per_order_minor, "source": sub.source, "harvest_to": "",
                         "clicks": info.ad_groups[group][1], "working": sub.working,
                         "record": book.record("ad_group", name, group)})
    for sku in sorted(book.products):
        info = book.sku(sku)
        rows.append({"kind": "sku", "name": sku, "campaign": "", "ad_group": "", "sku": sku, "skus": sku,
                     "mapping": "", "price_minor": info.price_minor, "currency": info.currency,
                     "break_even": info.break_even, "target_acos": info.target,
                     "cost_per_order_minor": round(info.price_minor * info.target) if info.target and info.target > 0
                     else None, "source": info.source, "harvest_to": "", "clicks": 0, "working": info.working,
                     "record": book.record("sku", sku=sku)})
    frame = pd.DataFrame(rows, columns=TARGET_COLUMNS)
    for column in ("break_even", "target_acos"):
        frame[column] = frame[column].astype(float)
    return frame


# -- what the views show -------------------------------------------------------------------
STATUS_MARK = {"approved": "✓", "new": "•"}


def money_texts(frame: pd.DataFrame, column: str, currency_column: str = "currency") -> list[str]:
    """A money column as text in each row's own currency (blank for a missing value)."""
    return ["" if v is None or v != v else fmt(int(v), c) for v, c in zip(frame[column], frame[currency_column])]


SEPARATORS = re.compile(r"\s*[|/_–—]\s*|\s+-\s+|\s+")


def campaign_labels(names) -> dict[str, str]:
    """A short label per campaign name: its words less those every campaign shares.

    "SP | Exact | SBM" and "SP | Exact | BSR" cut to 22 columns both read "SP | Exact |"; labelled they read
    "Exact SBM" and "Exact BSR". A name made only of shared words keeps its full name.
    """
    names = [n for n in dict.fromkeys(names) if isinstance(n, str)]
    words = {name: [w for w in SEPARATORS.split(name) if w] for name in names}
    shared = set.intersection(*(set(w) for w in words.values())) if len(names) > 1 else set()
    labels = {}
    for name, parts in words.items():
        own = [w for w in parts if w not in shared]
        labels[name] = " ".join(own) if own and shared else name  # nothing shared: the name as typed
    return labels


def row_keys(frame: pd.DataFrame, *columns: str) -> list[str]:
    """One text per row naming its record (the cursor follows it when the table reloads)."""
    return ["|".join(str(v) for v in values) for values in zip(*(frame[c] for c in columns))]


def metrics_table(aggregate: pd.DataFrame, keys: tuple[str, ...]) -> pd.DataFrame:
    """An aggregate (terms, targets, products) with spend, sales and CPC as text and its attribution (``~`` when
    it holds part of a summary row: the share of the window's days); most spend first.

    Each row gets a short ``campaign_label`` (what tells the same term in two campaigns apart at 80 columns) and
    a ``row_key`` from the ``keys`` that name its record (the cursor follows it through reloads).
    """
    frame = aggregate.copy()
    labels = campaign_labels(frame["campaign"])
    frame["campaign_label"] = [labels.get(c, c) for c in frame["campaign"]]
    frame["row_key"] = row_keys(frame, *keys)
    frame["spend_text"] = money_texts(frame, "spend_minor")
    frame["sales_text"] = money_texts(frame, "sales_minor")
    frame["cpc_text"] = ["" if v != v else fmt(round(v), c) for v, c in zip(frame["cpc_minor"], frame["currency"])]
    frame["attribution"] = [(f"{a}d" if a == b else f"{a}/{b}d") + ("~" if partial else "")
                            for a, b, partial in zip(frame["attribution_min"], frame["attribution_max"],
                                                     frame["partial"])]
    return frame.sort_values("spend_minor", ascending=False, kind="stable").reset_index(drop=True)


TERM_KEYS = ("ad_product", "campaign", "ad_group", "match_type", "term")


def terms_table(terms: pd.DataFrame) -> pd.DataFrame:
    """The window's terms as ``metrics_table``, and whether each term is an ASIN."""
    frame = metrics_table(terms, TERM_KEYS)
    frame["asin"] = ["yes" if is_asin(t) else "no" for t in frame["term"]]
    return frame


def change_text(p: Proposal) -> str:
    """What a proposal changes: the bid, the harvest destination, or where the negation goes."""
    if p.kind == "bid":
        return f"{fmt(p.current_bid_minor, p.currency)}→{fmt(p.new_bid_minor, p.currency)}"
    if p.kind == "harvest":
        return f"→ {p.dest_campaign or '? (e)'}"
    where = _("in {place}").format(place=p.campaign if p.negate_level == "campaign" else p.ad_group)
    return _("{where}, phrase").format(where=where) if p.negate_match == "negativePhrase" else where


def proposals_table(proposals: list[Proposal]) -> pd.DataFrame:
    """One row per proposal, marked ✓ approved or • new, with its spend and change as text."""
    frame = proposals_frame(proposals)
    labels = campaign_labels(frame["campaign"])
    frame["campaign_label"] = [labels.get(c, c) for c in frame["campaign"]]
    frame["row_key"] = row_keys(frame, "kind", "campaign", "ad_group", "match_type", "term")
    frame["mark"] = [STATUS_MARK[s] for s in frame["status"]]
    frame["spend_text"] = money_texts(frame, "spend_minor")
    frame["change"] = [change_text(p) for p in proposals]
    return frame


def targets_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The targets with the cost per order they allow, as text."""
    frame["per_order"] = money_texts(frame, "cost_per_order_minor")
    return frame


def ledger_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The ledger with its spend as text and what each decision changed (a bid, a harvest destination)."""
    frame["spend_text"] = money_texts(frame, "spend_minor")
    frame["change"] = [
        f"{fmt(int(a), c)}→{fmt(int(b), c)}" if k == "bid" else (f"→ {d}" if k == "harvest" else "")
        for k, a, b, d, c in zip(frame["kind"], frame["current_bid_minor"], frame["new_bid_minor"],
                                 frame["dest_campaign"], frame["currency"])]
    return frame


def weekly_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The weeks labelled by their Monday (MM-DD), their money as text."""
    frame["label"] = [w[5:] for w in frame["week"]]
    frame["spend_text"] = money_texts(frame, "spend_minor")
    frame["sales_text"] = money_texts(frame, "sales_minor")
    frame["total_text"] = money_texts(frame, "total_sales_minor")
    return frame

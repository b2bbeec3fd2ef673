"""Frames for the Proposals and Targets views (one row per proposal, campaign, ad group or SKU)."""

from __future__ import annotations

import pandas as pd

from sellertui.domain.ads.campaigns import CampaignInfo
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

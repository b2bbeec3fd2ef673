"""`sellertui export ads-ledger`: every Ads decision with the numbers it was made on."""

from __future__ import annotations

from sellertui.domain.exports import exporter

COLUMNS = ["decided_at", "decided_by", "status", "kind", "action", "term", "campaign", "ad_group", "match_type",
           "impressions", "clicks", "spend_minor", "sales_minor", "orders", "acos", "target_acos",
           "current_bid_minor", "new_bid_minor", "dest_campaign", "dest_ad_group", "currency", "exported_at",
           "export_file", "reason", "applied_at", "amazon_ids", "api_error", "undone_at", "id"]


@exporter("ads-ledger")
def export_ledger(shop, args) -> tuple[list[str], list[list]]:
    store = shop.store
    from sellertui.domain.ads.decisions import load

    records = sorted(load(store), key=lambda r: (r.get("decided_at") or "", r.get("id", "")))
    if args.status:
        records = [r for r in records if r.get("status") == args.status]
    if args.since:
        records = [r for r in records if (r.get("decided_at") or "")[:10] >= args.since]
    return COLUMNS, [[r.get(c) for c in COLUMNS] for r in records]

"""A store as sellertui wrote it before ads reports were kept whole (search_terms at version 1)."""

from __future__ import annotations

import json
from pathlib import Path

from sellertui.store import open_store
from sellertui.store.fsio import dumps


def v1_row(term: str, first: str, last: str, spend: int, campaign: str = "SP | Auto", source: str = "report",
           clicks: int = 10, sales: int = 0) -> dict:
    return {"id": f"{first}|{campaign}|Auto|close-match|-|{term}", "date": first, "end_date": last,
            "portfolio": "", "campaign": campaign, "campaign_id": "", "ad_group": "Auto", "ad_group_id": "",
            "keyword_id": "", "targeting": "close-match", "match_type": "-", "term": term, "impressions": clicks * 40,
            "clicks": clicks, "spend_minor": spend, "sales_minor": sales, "orders": 0, "units": 0, "currency": "USD",
            "attribution_days": 7, "marketplace": "US", "bid_minor": None, "source": source,
            "_v": 1, "_rev": 1, "_at": "2026-02-03T10:00:00+00:00", "_by": "ana"}


def legacy_store(data_dir: Path, rows: list[dict]) -> Path:
    """A data dir whose search_terms hold ``rows`` at version 1 (and no ad_reports collection yet)."""
    open_store(data_dir, user="ana").close()
    root = data_dir / "store"
    by_month: dict[str, dict] = {}
    for row in rows:
        by_month.setdefault(row["date"][:7], {})[row["id"]] = row
    folder = root / "search_terms"
    folder.mkdir(parents=True, exist_ok=True)
    for month, docs in by_month.items():
        (folder / f"{month}.json").write_bytes(dumps({"search_terms": docs}))
    meta_path = root / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["schemas"]["search_terms"] = 1
    for name in ("ad_reports", "ad_targeting", "advertised_products", "keyword_research"):
        meta["schemas"].pop(name, None)
    meta_path.write_bytes(dumps(meta))
    return data_dir

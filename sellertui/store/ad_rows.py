"""Search-term rows from before each ads report was kept whole (version 1 → 2).

Version 1 keyed a row on its first day (``date|campaign|ad group|targeting|match|term``),
so two summary reports over overlapping days were both counted. Version 2 keeps
every imported report as what it is (an ``ad_reports`` record: its days, layout,
attribution) and its rows under it, and the day-level figures are derived from
them (``domain.ads.days``), one report per term and day.

Rows imported under version 1 did not say which file they came from; each
distinct range (per source and marketplace) becomes one report: a summary
report's rows share its range, and a daily row is a report of its day. Where
no two of those overlap, every figure stays what it was.
"""

from __future__ import annotations

from collections import defaultdict


def legacy_report_id(doc: dict) -> str:
    first = str(doc.get("date") or "")[:10]
    last = str(doc.get("end_date") or "")[:10] or first
    return "|".join(("legacy", str(doc.get("source") or "report"), str(doc.get("marketplace") or ""), first, last))


def row_id(report: str, doc: dict, *key: str) -> str:
    """A row's id under its report: the report, its first day, and what the row is about."""
    return "|".join((report, str(doc.get("date") or "")[:10], *(str(doc.get(k) or "") for k in key)))


TERM_KEY = ("campaign", "ad_group", "targeting", "match_type", "term")


def search_term_v2(doc: dict) -> dict:
    report = legacy_report_id(doc)
    return {**doc, "id": row_id(report, doc, *TERM_KEY), "report": report, "ad_product": "SP"}


def reports_of_legacy_rows(docs: list[dict]) -> dict[str, list[dict]]:
    """One ``ad_reports`` record per legacy report: its days, layout and what its rows hold."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        if str(doc.get("report", "")).startswith("legacy|"):
            groups[doc["report"]].append(doc)
    reports = []
    for report, rows in groups.items():
        _, source, marketplace, first, last = report.split("|")
        reports.append({
            "id": report, "ad_product": "SP", "report": "search_terms", "source": source,
            "label": "Sponsored Products search terms (imported before reports were kept whole)",
            "marketplace": marketplace, "currency": rows[0].get("currency") or "", "start": first, "end": last,
            "layout": "daily" if first == last else "summary",
            "attribution_days": min(int(r.get("attribution_days") or 7) for r in rows),
            "file": "", "imported_at": min(str(r.get("_at") or "") for r in rows), "rows": len(rows),
            "spend_minor": sum(int(r.get("spend_minor") or 0) for r in rows),
        })
    return {"ad_reports": reports}

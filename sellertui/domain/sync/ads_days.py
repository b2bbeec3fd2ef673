"""A day pulled again replaces the earlier pull's: older synced reports give up the days a new one covers.

The Ads sync pulls the days still gaining late-attributed sales again on a
later day, so its reports overlap. Synced reports are daily (a row is one
day), so their days can be cut exactly: in the transaction that writes a new
report, each older synced report of the same kind and marketplace loses its
rows on the new report's days, and its record is narrowed to the days it
keeps (split in two around a new report inside it; removed when nothing is
left). The store then holds each synced day once, however often it is
pulled, and no two synced reports of a kind overlap. A downloaded report is
never cut: where it overlaps a synced one, ``domain.ads.days`` decides which
counts, day by day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sellertui.importers.replacing import months_of

METRICS = ("impressions", "clicks", "spend_minor", "sales_minor", "orders", "units")


@dataclass
class GaveWay:
    """Rows of older pulls the new report replaced: with the same figures, or with new ones."""

    same: int = 0
    changed: int = 0


def _runs_left(first: str, last: str, cut_first: str, cut_last: str) -> list[tuple[str, str]]:
    """``first..last`` without ``cut_first..cut_last`` (ISO days): up to two runs."""
    runs = []
    if first < cut_first:
        runs.append((first, min(last, (date.fromisoformat(cut_first) - timedelta(days=1)).isoformat())))
    if last > cut_last:
        runs.append((max(first, (date.fromisoformat(cut_last) + timedelta(days=1)).isoformat()), last))
    return runs


def report_id(record: dict, first: str, last: str) -> str:
    """The id an ads report of these days has (``importers.kinds.ad_report.report_records``)."""
    return f"{record['kind']}|{record['marketplace']}|{first}..{last}|{record['layout']}|{record['attribution_days']}d"


def import_pulled(store, kind, name: str, data: bytes, market: str, alongside) -> tuple[object, GaveWay]:
    """A pulled report (``name`` says its days) as an ads report, the older pulls giving its days up, and
    ``alongside(tx)`` (the checkpoint), in one transaction: the import's result, and what it replaced."""
    from sellertui import clock
    from sellertui.importers.pipeline import Document, Options, parse_document, write_report

    options = Options(default_market=market, market=market)
    parsed = parse_document(Document(name, data, kind.name, clock.stamp()), options)
    gave = GaveWay()

    def write(tx) -> None:
        for report in parsed.output.records.get("ad_reports", []):
            found = give_way(tx, kind.collection, report)
            gave.same, gave.changed = gave.same + found.same, gave.changed + found.changed
        if alongside is not None:
            alongside(tx)

    return write_report(store, parsed, options, alongside=write), gave


def give_way(tx, collection: str, new: dict) -> GaveWay:
    """Cut the days of ``new`` (an ``ad_reports`` record just written) out of the older synced reports of its
    kind and marketplace; say how many of their rows it replaced."""
    reports, rows = tx["ad_reports"], tx[collection]
    older = [r for r in reports.rows() if r["id"] != new["id"] and r.get("kind") == new["kind"]
             and r.get("marketplace") == new["marketplace"] and r.get("layout") == "daily"
             and r.get("start", "") <= new["end"] and r.get("end", "") >= new["start"]]
    fresh = _by_suffix(rows, new)
    gave = GaveWay()
    parts = set(rows.partitions())
    for report in older:
        mine = {part: [d for d in rows.docs(part).values() if d.get("report") == report["id"]]
                for part in months_of(report["start"], report["end"]) if part in parts}
        kept: list[dict] = []
        for docs in mine.values():
            for doc in docs:
                if new["start"] <= doc.get("date", "") <= new["end"]:
                    twin = fresh.get(doc["id"][len(report["id"]):])
                    if twin is not None:
                        same = all(twin.get(m) == doc.get(m) for m in METRICS)
                        gave.same, gave.changed = gave.same + same, gave.changed + (not same)
                else:
                    kept.append(doc)
        rows.delete_many({part: [d["id"] for d in docs] for part, docs in mine.items()})
        reports.delete(report["id"])
        for first, last in _runs_left(report["start"], report["end"], new["start"], new["end"]):
            _keep(reports, rows, report, first, last, [d for d in kept if first <= d["date"] <= last])
    return gave


def _by_suffix(rows, report: dict) -> dict[str, dict]:
    """The new report's rows by what follows the report's id in theirs (its day and row key)."""
    found = {}
    for part in set(months_of(report["start"], report["end"])) & set(rows.partitions()):
        for doc in rows.docs(part).values():
            if doc.get("report") == report["id"]:
                found[doc["id"][len(report["id"]):]] = doc
    return found


def _keep(reports, rows, report: dict, first: str, last: str, docs: list[dict]) -> None:
    """What is left of an older report: a record of its remaining days, and its rows under it."""
    new_id = report_id(report, first, last)
    clean = lambda doc: {k: v for k, v in doc.items() if not k.startswith("_")}  # noqa: E731 - restamped
    rows.upsert_many([{**clean(d), "id": new_id + d["id"][len(report["id"]):], "report": new_id} for d in docs])
    reports.upsert_many([{**clean(report), "id": new_id, "start": first, "end": last, "rows": len(docs),
                          "spend_minor": sum(int(d.get("spend_minor") or 0) for d in docs)}])

"""What every ads report kind shares: its days, its report record, its rows and their keys.

Each imported ads report is kept as what it is: one ``ad_reports`` record (ad
product, report type, marketplace, first and last day, daily or summary
layout, attribution, when first imported) and its rows under it, each row id
``report|first day|what the row is about``. The report's id is its kind,
marketplace, days, layout and attribution, so importing the same report again
(a fresher download of the same days) replaces its rows: a row the new file
lacks is removed and the report is what Amazon last said. Reports over
overlapping days are all kept; which one counts for a term and a day is
decided when figures are read (``domain.ads.days``).
"""

from __future__ import annotations

import re
from typing import ClassVar

from sellertui import clock
from sellertui.core.i18n import _
from sellertui.importers.dates import parse_date
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import Kind, Output, combine_columns, main_currency, money_total, total
from sellertui.importers.locale import market_of_marketplace
from sellertui.importers.values import Bad
from sellertui.store.columns import Columns

AD_PRODUCTS = {"SP": "Sponsored Products", "SB": "Sponsored Brands", "SD": "Sponsored Display"}
METRICS = ("impressions", "clicks", "spend_minor", "sales_minor", "orders", "units")
MATCH = {"": "-", "-": "-", "broad": "BROAD", "phrase": "PHRASE", "exact": "EXACT",
         "targeting_expression": "-", "targeting_expression_predefined": "-"}
_DAYS = re.compile(r"(\d+)[ -]?day")
DATE_COLUMNS = (
    col("date", "date", parse="date"),
    col("start", "start date", parse="date"),
    col("end", "end date", parse="date"),
    col("range", "date range"),
)
PORTFOLIO = col("portfolio", "portfolio name", blank="")
CAMPAIGN = col("campaign", "campaign name", required=True, blank=REQUIRED)
AD_GROUP = col("ad_group", "ad group name", blank="")  # Sponsored Brands and Display files may have none
MATCH_TYPE = col("match_type", "match type", "target match type", blank="-")


def attribution(header: str | None, default: int = 7) -> int:
    """7 or 14 (or 1/30): the attribution window the sales column names."""
    m = _DAYS.search(header or "")
    return int(m[1]) if m else default


def metric_cols(spend: tuple, sales: tuple, orders: tuple, units: tuple) -> tuple:
    return (
        col("impressions", "impressions", parse="int", required=True, blank=0),
        col("clicks", "clicks", parse="int", required=True, blank=0),
        col("spend", *spend, parse="amount", required=True, blank=0),
        col("sales", *sales, parse="amount", required=True, blank=0),
        col("orders", *orders, parse="int", required=True, blank=0),
        col("units", *units, parse="int", blank=None),
        col("currency", "currency", "budget currency"),
        col("country", "country"),
    )


def days_of(sales: str) -> tuple[str, ...]:
    """The spellings of an attributed-sales or -count column for the usual windows: '7 day total sales'..."""
    return tuple(f"{d} day {sales}" for d in (7, 14, 30, 1))


SPEND = ("spend", "total cost", "cost")
SALES = (*days_of("total sales"), "sales", "sales (7 day)", "sales (14 day)")
ORDERS = (*days_of("total orders"), "purchases", "orders")
UNITS = (*days_of("total units"), "units sold", "units")
PLAIN_METRICS = metric_cols(SPEND, SALES, ORDERS, UNITS)


def match_types(raw: list[str]) -> list[str]:
    spelled = {m: MATCH.get(m.lower(), m.upper()) for m in set(raw)}
    return list(map(spelled.__getitem__, raw))


def parse_range(text: str, day_first: bool) -> tuple[str, str] | str:
    """``Nov 1, 2025 - Nov 30, 2025`` (or ISO dates around a hyphen or "to") -> (first, last)."""
    text = text.strip()
    for sep in (" - ", " – ", " to ", "..", "~"):
        if sep in text:
            first, last = text.split(sep, 1)
            break
    else:
        first = last = text
    try:
        return parse_date(first, day_first), parse_date(last, day_first)
    except Bad:
        return _("is not a date range like 'Nov 1, 2025 - Nov 30, 2025'")


def report_days(frame) -> tuple[list, list]:
    """Each row's first and last day: a daily row's Date, a summary row's Start/End Date or Date range."""
    if frame.has("date"):
        days = frame.col("date")
        starts, ends = days, days
    elif frame.has("start"):
        starts = frame.col("start")
        ends = [e or s for s, e in zip(starts, frame.col("end"))]
    elif frame.has("range"):
        memo: dict[str, tuple | str] = {}
        starts, ends = [], []
        for i, text in enumerate(frame.col("range")):
            if text not in memo:
                memo[text] = parse_range(text or "", frame.locale.day_first)
            pair = memo[text]
            if isinstance(pair, str):
                frame.problem(i, "range", pair)
                pair = (None, None)
            starts.append(pair[0])
            ends.append(pair[1])
    else:
        frame.file_problem(_("has no Date, Start Date or Date range column, so the rows have no dates"))
        return [None] * frame.n, [None] * frame.n
    field = next(f for f in ("date", "start", "range") if frame.has(f))
    for i, start in enumerate(starts):
        if start is None and i not in frame.bad:
            frame.problem(i, field, _("is empty, but this column needs a value"))
    return starts, ends


class AdReportKind(Kind):
    """An ads report: rows of one ad product and report type, under one report record per marketplace."""

    ad_product: ClassVar[str] = "SP"
    report: ClassVar[str] = "search_terms"  # search_terms, targeting or advertised_products
    key: ClassVar[tuple[str, ...]] = ()  # the record fields that say what a row is about
    source: ClassVar[str] = "report"
    default_attribution: ClassVar[int] = 7
    extra_metrics: ClassVar[tuple[str, ...]] = ()  # more counts summed when two rows share a key
    copied: ClassVar[tuple[str, ...]] = ()  # record fields read as they are from the column of the same name
    renamed: ClassVar[dict[str, str]] = {}  # record field -> the column it is read from

    def totals(self, output: Output, frame) -> dict:
        docs = output.records[self.collection]
        currency = main_currency(docs, frame.locale.currency)
        return {"spend": money_total(docs, "spend_minor", currency),
                "sales": money_total(docs, "sales_minor", currency), "clicks": total(docs, "clicks"),
                "impressions": total(docs, "impressions"), "orders": total(docs, "orders")}

    def merge(self, collection: str):
        if collection != "ad_reports":
            return None

        def keep_first_import(old: dict, new: dict) -> dict:  # a re-import keeps the report's place in line
            return {k: v for k, v in new.items() if k not in ("imported_at", "file") or k not in old}

        return keep_first_import

    def build(self, frame) -> Output:
        starts, ends = self.days(frame)
        fields = self.fields(frame)
        return rows_output(self, frame, starts, ends, fields)

    def days(self, frame) -> tuple[list, list]:
        return report_days(frame)

    def fields(self, frame) -> dict[str, list]:
        """The kind's own fields per row (campaign, targeting, term, sku...), beside the common ones."""
        found = {name: frame.col(name) for name in self.copied}
        found.update({name: frame.col(column) for name, column in self.renamed.items()})
        if "match_type" in found:
            found["match_type"] = match_types(found["match_type"])
        return found

    def attribution_of(self, frame) -> int:
        return attribution(frame.headers.matched.get("sales"), self.default_attribution)


def rows_output(kind: AdReportKind, frame, starts: list, ends: list, fields: dict[str, list]) -> Output:
    """The rows as records under their reports (one per marketplace), and the report records.

    Built column by column (``Columns``): a 200k-row report makes no dict per row on its way to the store.
    """
    currencies = frame.currencies()
    default = frame.locale.market.code
    places = {c: market_of_marketplace(c or "") or default for c in set(frame.col("country"))}
    markets = list(map(places.__getitem__, frame.col("country")))
    orders = frame.col("orders")
    days = kind.attribution_of(frame)
    n = frame.n
    columns = frame.good_columns({
        "date": starts, "end_date": ends, "ad_product": [kind.ad_product] * n, **fields,
        "impressions": frame.col("impressions"), "clicks": frame.col("clicks"),
        "spend_minor": frame.money("spend", currencies), "sales_minor": frame.money("sales", currencies),
        "orders": orders, "units": [o if u is None else u for u, o in zip(frame.col("units"), orders)],
        "currency": currencies, "attribution_days": [days] * n, "marketplace": markets,
        "source": [kind.source] * n,
    })
    reports = report_records(kind, frame, columns, days)
    by_market = {r["marketplace"]: r["id"] for r in reports}
    columns["report"] = report = list(map(by_market.__getitem__, columns["marketplace"]))
    count = len(report)
    parts = [key_text(columns["date"])] + [key_text(columns.get(k) or [None] * count) for k in kind.key]
    columns["id"] = list(map("|".join, zip(report, *parts)))
    docs, merged = combine_columns(Columns(columns), METRICS + kind.extra_metrics)
    replaces = {kind.collection: {r["id"]: (r["start"], r["end"]) for r in reports}}
    return Output({kind.collection: docs, "ad_reports": reports}, merged, replaces=replaces)


def key_text(values: list) -> list[str]:
    """A key field as its id part: text as it is, a blank or None as "", anything else as str()."""
    if set(map(type, values)) == {str}:
        return values
    return [str(v or "") for v in values]


def report_records(kind: AdReportKind, frame, columns: dict[str, list], days: int) -> list[dict]:
    """One ``ad_reports`` record per marketplace in the file: its days, layout and what its rows hold."""
    markets = columns["marketplace"]
    if len(set(markets)) <= 1:
        groups = {markets[0]: None} if markets else {}
    else:
        groups = {}
        for i, market in enumerate(markets):
            groups.setdefault(market, []).append(i)
    stamp = clock.stamp()
    period = frame.period  # the days a report was asked for (a synced one's): a day without rows had no ads
    records = []
    for market, rows in sorted(groups.items()):
        pick = (lambda column: column) if rows is None else (lambda column: [column[i] for i in rows])
        starts, ends, spends = pick(columns["date"]), pick(columns["end_date"]), pick(columns["spend_minor"])
        first, last = min(starts), max(ends)
        if period is not None:
            first, last = min(first, period.start), max(last, period.end)
        layout = "daily" if starts == ends else "summary"
        records.append({
            "id": f"{kind.name}|{market}|{first}..{last}|{layout}|{days}d", "ad_product": kind.ad_product,
            "report": kind.report, "kind": kind.name, "label": kind.label, "source": kind.source,
            "marketplace": market, "currency": pick(columns["currency"])[0], "start": first, "end": last,
            "layout": layout, "attribution_days": days, "rows": len(starts), "spend_minor": sum(filter(None, spends)),
            "file": frame.table.name, "imported_at": stamp,
        })
    return records

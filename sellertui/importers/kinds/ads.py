"""Sponsored Products search-term reports and the bulk file's search-term tab -> ``search_terms``.

Layouts read: the summary report (``Start Date``/``End Date``), the daily one
(``Date``), the 2025–26 Ads console (``Date range``/``Search term``/``Total cost``/
``Purchases``/``Sales``), 7- or 14-day attribution, 2024+ ``Retailer``/``Country``;
and the bulk file's "SP Search Term Report" tab, which keeps the campaign, ad
group and keyword ids and the bid but has no dates (``--period`` or the file
name gives them). Records: the fields of ``sellertui.demo.ads``, id
``date|campaign|ad group|targeting|match type|term``. Spend and sales are
stored, never ratios (ACoS is blank when there are no sales).
"""

from __future__ import annotations

import re

from sellertui.importers.dates import parse_date
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import Kind, Output, combine, main_currency, money_total, names, total
from sellertui.importers.locale import market_of_marketplace
from sellertui.importers.values import Bad

METRICS = ("impressions", "clicks", "spend_minor", "sales_minor", "orders", "units")
MATCH = {"": "-", "-": "-", "broad": "BROAD", "phrase": "PHRASE", "exact": "EXACT",
         "targeting_expression": "-", "targeting_expression_predefined": "-"}
_DAYS = re.compile(r"(\d+)[ -]?day")


def _attribution(header: str | None) -> int:
    """7 or 14 (or 1/30): the attribution window the sales column names; 7 when it names none."""
    m = _DAYS.search(header or "")
    return int(m[1]) if m else 7


def _metric_cols(spend: tuple, sales: tuple, orders: tuple, units: tuple) -> tuple:
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


class SearchTermReport(Kind):
    family = "search_terms"
    collection = "search_terms"

    def totals(self, output: Output, frame) -> dict:
        docs = output.records["search_terms"]
        currency = main_currency(docs, frame.locale.currency)
        return {"spend": money_total(docs, "spend_minor", currency),
                "sales": money_total(docs, "sales_minor", currency), "clicks": total(docs, "clicks"),
                "impressions": total(docs, "impressions"), "orders": total(docs, "orders")}


class SearchTerms(SearchTermReport):
    name = "search-terms"
    label = "a Sponsored Products search term report"
    signatures = (names("campaign name", "ad group name", "customer search term", "impressions", "clicks"),
                  names("campaign name", "ad group name", "search term", "impressions", "clicks", "total cost"))
    columns = (
        col("date", "date", parse="date"),
        col("start", "start date", parse="date"),
        col("end", "end date", parse="date"),
        col("range", "date range"),
        col("portfolio", "portfolio name", blank=""),
        col("campaign", "campaign name", required=True, blank=REQUIRED),
        col("campaign_id", "campaign id", blank=""),
        col("ad_group", "ad group name", required=True, blank=REQUIRED),
        col("ad_group_id", "ad group id", blank=""),
        col("keyword_id", "keyword id", blank=""),
        col("targeting", "targeting", "target value", "keyword text", "keyword", "target", blank=""),
        col("match_type", "match type", "target match type", blank="-"),
        col("term", "customer search term", "search term", required=True, blank=REQUIRED),
        *_metric_cols(
            spend=("spend", "total cost", "cost"),
            sales=("7 day total sales", "14 day total sales", "30 day total sales", "1 day total sales", "sales",
                   "sales (7 day)", "sales (14 day)"),
            orders=("7 day total orders", "14 day total orders", "30 day total orders", "1 day total orders",
                    "purchases", "orders"),
            units=("7 day total units", "14 day total units", "30 day total units", "1 day total units",
                   "units sold", "units"),
        ),
    )

    def build(self, frame) -> Output:
        starts, ends = self._dates(frame)
        field = next((f for f in ("date", "start", "range") if frame.has(f)), None)
        for i, start in enumerate(starts):
            if start is None and field and i not in frame.bad:
                frame.problem(i, field, "is empty, but this column needs a value")
        return search_term_records(frame, starts, ends, _attribution(frame.headers.matched.get("sales")), "report")

    def _dates(self, frame) -> tuple[list, list]:
        if frame.has("date"):
            days = frame.col("date")
            return days, days
        if frame.has("start"):
            starts = frame.col("start")
            return starts, [e or s for s, e in zip(starts, frame.col("end"))]
        if frame.has("range"):
            return self._ranges(frame)
        frame.file_problem("has no Date, Start Date or Date range column, so the rows have no dates")
        return [None] * frame.n, [None] * frame.n

    def _ranges(self, frame) -> tuple[list, list]:
        """``Nov 1, 2025 - Nov 30, 2025`` (or ISO dates around a hyphen or "to")."""
        memo: dict[str, tuple] = {}
        starts, ends = [], []
        for i, text in enumerate(frame.col("range")):
            if text not in memo:
                memo[text] = _range(text or "", frame.locale.day_first)
            pair = memo[text]
            if isinstance(pair, str):
                frame.problem(i, "range", pair)
                pair = (None, None)
            starts.append(pair[0])
            ends.append(pair[1])
        return starts, ends



def _range(text: str, day_first: bool) -> tuple[str, str] | str:
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
        return "is not a date range like 'Nov 1, 2025 - Nov 30, 2025'"


class BulkSearchTerms(SearchTermReport):
    name = "bulk-search-terms"
    label = "a bulk file's SP Search Term Report tab"
    needs_period = True
    signatures = (names("product", "campaign id", "ad group id", "customer search term", "keyword text"),)
    columns = (
        col("product_kind", "product", blank=""),
        col("campaign_id", "campaign id", required=True, blank=""),
        col("ad_group_id", "ad group id", required=True, blank=""),
        col("keyword_id", "keyword id", blank=""),
        col("target_id", "product targeting id", blank=""),
        col("campaign", "campaign name (informational only)", "campaign name", required=True, blank=REQUIRED),
        col("ad_group", "ad group name (informational only)", "ad group name", required=True, blank=REQUIRED),
        col("portfolio", "portfolio name (informational only)", "portfolio name", blank=""),
        col("bid", "bid", parse="amount"),
        col("keyword_text", "keyword text", blank=""),
        col("match_type", "match type", blank="-"),
        col("expression", "product targeting expression", blank=""),
        col("resolved", "resolved product targeting expression (informational only)", blank=""),
        col("term", "customer search term", required=True, blank=REQUIRED),
        *_metric_cols(("spend",), ("sales",), ("orders",), ("units",)),
    )

    def build(self, frame) -> Output:
        period = frame.period
        starts, ends = [period.start] * frame.n, [period.end] * frame.n
        targeting = [k or e or r for k, e, r in zip(frame.col("keyword_text"), frame.col("expression"),
                                                     frame.col("resolved"))]
        extra = {"bid_minor": frame.money("bid"), "target_id": frame.col("target_id")}
        return search_term_records(frame, starts, ends, 7, "bulk", targeting, extra)



def search_term_records(frame, starts: list, ends: list, attribution: int, source: str,
                        targeting: list | None = None, extra: dict | None = None) -> Output:
    currencies = frame.currencies()
    campaigns, groups, terms = frame.col("campaign"), frame.col("ad_group"), frame.col("term")
    targeting = targeting if targeting is not None else frame.col("targeting")
    raw_match = frame.col("match_type")
    spelled = {m: MATCH.get(m.lower(), m.upper()) for m in set(raw_match)}
    match = list(map(spelled.__getitem__, raw_match))
    orders = frame.col("orders")
    ids = ["|".join((s or "", c, g, t, m, term)) for s, c, g, t, m, term in
           zip(starts, campaigns, groups, targeting, match, terms)]
    default = frame.locale.market.code
    places = {c: market_of_marketplace(c or "") or default for c in set(frame.col("country"))}
    columns = {
        "id": ids, "date": starts, "end_date": ends, "portfolio": frame.col("portfolio"),
        "campaign": campaigns, "campaign_id": frame.col("campaign_id"), "ad_group": groups,
        "ad_group_id": frame.col("ad_group_id"), "keyword_id": frame.col("keyword_id"),
        "targeting": targeting, "match_type": match, "term": terms,
        "impressions": frame.col("impressions"), "clicks": frame.col("clicks"),
        "spend_minor": frame.money("spend", currencies), "sales_minor": frame.money("sales", currencies),
        "orders": orders, "units": [o if u is None else u for u, o in zip(frame.col("units"), orders)],
        "currency": currencies, "attribution_days": [attribution] * frame.n, "marketplace": [places[c] for c in frame.col("country")],
        "bid_minor": [None] * frame.n, "source": [source] * frame.n,
        **(extra or {}),
    }
    docs, merged = combine(frame.good(frame.records(columns)), METRICS)
    return Output({"search_terms": docs}, merged)


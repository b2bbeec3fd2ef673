"""Ads API v3 reports (GZIP JSON, an array of rows named by the requested columns) as records.

One table per report type maps our fields to Amazon's v3 columns; the sync
asks for exactly those columns (``request_columns``) and the kind reads them
back, so the request and the records cannot drift apart. ``{d}`` in a column
is the attribution window in days (sales14d or sales7d).

- spSearchTerm by day: the records of a daily Sponsored Products search-term
  report imported by hand (``kinds.ads.search_term_records``: the same fields,
  the same key ``date|campaign|ad group|targeting|match type|term``), so the
  same report synced and downloaded is stored once.
- spTargeting, spAdvertisedProduct, sbSearchTerm, sdTargeting by day: their
  own collections, keyed by day and Amazon's ids. Sponsored Display has no
  search-term report; its targeting report is the nearest.

A column a row lacks stays absent (an import never blanks what another report
stored); an empty report (no ads that period) is a report of no rows.
"""

from __future__ import annotations

import re

from sellertui.importers.errors import FileProblem
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.ads import MATCH, METRICS, search_term_records
from sellertui.importers.kinds.base import JsonKind, JsonRead, Output, combine, json_table, main_currency, \
    money_total, text, total

WINDOWS = (1, 7, 14, 30)
_WINDOW = re.compile(r"(\d+)d$")
TEXT, INT, AMOUNT, DATE = "text", "int", "amount", "date"

# field -> (v3 column, parse, required): one table per report type
SP_SEARCH_TERM = {
    "date": ("date", DATE, True), "campaign": ("campaignName", TEXT, True), "campaign_id": ("campaignId", TEXT, False),
    "ad_group": ("adGroupName", TEXT, True), "ad_group_id": ("adGroupId", TEXT, False),
    "keyword_id": ("keywordId", TEXT, False), "keyword": ("keyword", TEXT, False),
    "targeting": ("targeting", TEXT, False), "match_type": ("matchType", TEXT, False),
    "term": ("searchTerm", TEXT, True), "impressions": ("impressions", INT, True), "clicks": ("clicks", INT, True),
    "spend": ("cost", AMOUNT, True), "sales": ("sales{d}d", AMOUNT, True), "orders": ("purchases{d}d", INT, True),
    "units": ("unitsSoldClicks{d}d", INT, False), "currency": ("campaignBudgetCurrencyCode", TEXT, False),
}
SP_TARGETING = {
    "date": ("date", DATE, True), "campaign": ("campaignName", TEXT, True), "campaign_id": ("campaignId", TEXT, True),
    "ad_group": ("adGroupName", TEXT, True), "ad_group_id": ("adGroupId", TEXT, True),
    "keyword_id": ("keywordId", TEXT, True), "keyword": ("keyword", TEXT, False),
    "targeting": ("targeting", TEXT, False), "match_type": ("matchType", TEXT, False),
    "keyword_type": ("keywordType", TEXT, False), "bid": ("keywordBid", AMOUNT, False),
    "impressions": ("impressions", INT, True), "clicks": ("clicks", INT, True), "spend": ("cost", AMOUNT, True),
    "sales": ("sales{d}d", AMOUNT, True), "orders": ("purchases{d}d", INT, True),
    "units": ("unitsSoldClicks{d}d", INT, False), "currency": ("campaignBudgetCurrencyCode", TEXT, False),
}
SP_ADVERTISED_PRODUCT = {
    "date": ("date", DATE, True), "campaign": ("campaignName", TEXT, True), "campaign_id": ("campaignId", TEXT, True),
    "ad_group": ("adGroupName", TEXT, True), "ad_group_id": ("adGroupId", TEXT, True), "ad_id": ("adId", TEXT, True),
    "sku": ("advertisedSku", TEXT, False), "asin": ("advertisedAsin", TEXT, False),
    "impressions": ("impressions", INT, True), "clicks": ("clicks", INT, True), "spend": ("cost", AMOUNT, True),
    "sales": ("sales{d}d", AMOUNT, True), "orders": ("purchases{d}d", INT, True),
    "units": ("unitsSoldClicks{d}d", INT, False), "currency": ("campaignBudgetCurrencyCode", TEXT, False),
}
SB_SEARCH_TERM = {
    "date": ("date", DATE, True), "campaign": ("campaignName", TEXT, True), "campaign_id": ("campaignId", TEXT, True),
    "ad_group": ("adGroupName", TEXT, True), "ad_group_id": ("adGroupId", TEXT, True),
    "keyword_id": ("keywordId", TEXT, False), "keyword": ("keywordText", TEXT, False),
    "match_type": ("matchType", TEXT, False), "term": ("searchTerm", TEXT, True),
    "impressions": ("impressions", INT, True), "clicks": ("clicks", INT, True), "spend": ("cost", AMOUNT, True),
    "sales": ("sales", AMOUNT, True), "orders": ("purchases", INT, True), "units": ("unitsSold", INT, False),
    "currency": ("campaignBudgetCurrencyCode", TEXT, False),
}
SD_TARGETING = {
    "date": ("date", DATE, True), "campaign": ("campaignName", TEXT, True), "campaign_id": ("campaignId", TEXT, True),
    "ad_group": ("adGroupName", TEXT, True), "ad_group_id": ("adGroupId", TEXT, True),
    "targeting_id": ("targetingId", TEXT, True), "targeting": ("targetingExpression", TEXT, False),
    "targeting_text": ("targetingText", TEXT, False), "impressions": ("impressions", INT, True),
    "clicks": ("clicks", INT, True), "spend": ("cost", AMOUNT, True), "sales": ("sales", AMOUNT, True),
    "orders": ("purchases", INT, True), "units": ("unitsSold", INT, False),
    "currency": ("campaignBudgetCurrencyCode", TEXT, False),
}


def _spellings(column: str) -> tuple[str, ...]:
    return tuple(column.format(d=d) for d in WINDOWS) if "{d}" in column else (column,)


class AdsApiReport(JsonKind):
    """A v3 report document; subclasses give the table, the key and the records."""

    report_type = ""  # spSearchTerm...
    table: dict[str, tuple[str, str, bool]] = {}
    fixed_window = 0  # SB and SD columns carry no window: Amazon's is 14 days
    key: tuple[str, ...] = ()  # the fields of the natural key (after the date)
    excludes: tuple[str, ...] = ()  # columns a document of this kind never has (telling kinds apart)
    family = "ads_api"

    def __init_subclass__(cls, **kw) -> None:
        super().__init_subclass__(**kw)
        cls.columns = tuple(col(f, *_spellings(c), parse=p, required=r, blank=_blank(p, r))
                            for f, (c, p, r) in cls.table.items()) \
            + (col("portfolio", "portfolioName", blank=""), col("country", "countryCode"))

    @classmethod
    def request_columns(cls, window: int) -> list[str]:
        """The v3 columns to ask Amazon for, sales and orders in the ``window``-day attribution."""
        return [c.format(d=window) for c, _, _ in cls.table.values()]

    def fits(self, document: object) -> bool:
        if not isinstance(document, list) or not document or not isinstance(document[0], dict):
            return False
        keys = set(document[0])
        return all(any(s in keys for s in _spellings(c)) for c, _, r in self.table.values() if r) \
            and not keys & set(self.excludes)

    def read_json(self, name: str, document: object) -> JsonRead:
        if not isinstance(document, list) or not all(isinstance(row, dict) for row in document):
            raise FileProblem(name, f"is not {self.label}: a v3 report is a JSON array of rows")
        present = {k for row in document for k in row}
        headers = [s for c, _, _ in self.table.values() for s in _spellings(c) if s in present]
        if not document:  # no ads that period: the requested columns, no rows
            headers = self.request_columns(14)
        return JsonRead(json_table(name, headers, [{k: text(v) for k, v in row.items()} for row in document]))

    def window(self, frame) -> int:
        if self.fixed_window:
            return self.fixed_window
        found = _WINDOW.search(frame.headers.matched.get("sales") or "")
        return int(found[1]) if found else 14

    def totals(self, output: Output, frame) -> dict:
        docs = output.records[self.collection]
        currency = main_currency(docs, frame.locale.currency)
        return {"spend": money_total(docs, "spend_minor", currency), "sales": money_total(docs, "sales_minor", currency),
                "clicks": total(docs, "clicks"), "impressions": total(docs, "impressions"),
                "orders": total(docs, "orders")}

    def build(self, frame) -> Output:
        currencies = frame.currencies()
        columns: dict[str, list] = {}
        for name, (_, parse, _) in self.table.items():
            if parse == AMOUNT:
                columns[f"{name}_minor"] = frame.money(name, currencies)
            else:
                columns[name] = frame.col(name)
        if "match_type" in columns:
            raw = columns["match_type"]
            columns["match_type"] = raw.__class__(MATCH.get(str(v).lower(), str(v).upper()) for v in raw)
        columns.update(currency=currencies, attribution_days=[self.window(frame)] * frame.n,
                       marketplace=[frame.locale.market.code] * frame.n)
        columns["units"] = [o if u is None else u for u, o in zip(columns["units"], columns["orders"])]
        columns["id"] = ["|".join(map(str, values)) for values in zip(columns["date"], *(columns[k] for k in self.key))]
        docs, merged = combine(frame.good(frame.records(columns)), METRICS)
        return Output({self.collection: docs}, merged)


def _blank(parse: str, required: bool):
    """An empty cell: a problem in a required text or date column; else nothing (a count: 0 when required)."""
    if parse in (TEXT, DATE):
        return REQUIRED if required else ("" if parse == TEXT else None)
    return 0 if required else None


class SpSearchTermsApi(AdsApiReport):
    name = "ads-api-sp-search-terms"
    label = "an Ads API Sponsored Products search term report (spSearchTerm, JSON)"
    family = "search_terms"
    collection = "search_terms"
    report_type = "spSearchTerm"
    table = SP_SEARCH_TERM

    def build(self, frame) -> Output:
        days = frame.col("date")
        targeting = [t or k for t, k in zip(frame.col("targeting"), frame.col("keyword"))]
        return search_term_records(frame, days, days, self.window(frame), "report", targeting)


class SpTargetingApi(AdsApiReport):
    name = "ads-api-sp-targeting"
    label = "an Ads API Sponsored Products targeting report (spTargeting, JSON)"
    collection = "ad_targeting"
    report_type = "spTargeting"
    table = SP_TARGETING
    key = ("campaign_id", "ad_group_id", "keyword_id")
    excludes = ("searchTerm",)


class SpAdvertisedProductsApi(AdsApiReport):
    name = "ads-api-sp-advertised-products"
    label = "an Ads API Sponsored Products advertised product report (spAdvertisedProduct, JSON)"
    collection = "ad_products"
    report_type = "spAdvertisedProduct"
    table = SP_ADVERTISED_PRODUCT
    key = ("campaign_id", "ad_group_id", "ad_id")


class SbSearchTermsApi(AdsApiReport):
    name = "ads-api-sb-search-terms"
    label = "an Ads API Sponsored Brands search term report (sbSearchTerm, JSON)"
    collection = "sb_search_terms"
    report_type = "sbSearchTerm"
    table = SB_SEARCH_TERM
    fixed_window = 14
    key = ("campaign_id", "ad_group_id", "keyword_id", "match_type", "term")


class SdTargetingApi(AdsApiReport):
    name = "ads-api-sd-targeting"
    label = "an Ads API Sponsored Display targeting report (sdTargeting, JSON)"
    collection = "sd_targeting"
    report_type = "sdTargeting"
    table = SD_TARGETING
    fixed_window = 14
    key = ("campaign_id", "ad_group_id", "targeting_id")


API_REPORTS = (SpSearchTermsApi(), SpTargetingApi(), SpAdvertisedProductsApi(), SbSearchTermsApi(), SdTargetingApi())

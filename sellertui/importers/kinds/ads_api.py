"""Ads API v3 reports (GZIP JSON: an array of rows named by the requested columns) as ads reports.

One table per report type maps our fields to Amazon's v3 columns; the sync
asks for exactly those columns (``request_columns``) and the kind reads them
back, so the request and the records cannot drift apart. ``{d}`` in a column
is the attribution window in days (sales14d or sales7d).

Each document is one ads report like a downloaded file (``ad_report``): an
``ad_reports`` record and its rows under it, with the fields and row keys of
the same report downloaded from the Ads console, so ``domain.ads.days``
counts each term, target or product once a day whichever way it came:

- spSearchTerm → ``search_terms`` (SP), as ``kinds.ads.SearchTerms``
- spTargeting → ``ad_targeting`` (SP), as ``ads_targeting.SponsoredProductsTargeting``
- spAdvertisedProduct → ``advertised_products`` (SP), as ``ads_products.SponsoredProductsAdvertised``
- sbSearchTerm → ``search_terms`` (SB), as ``ads_sbsd.SponsoredBrandsTerms``
- sdTargeting → ``ad_targeting`` (SD), as ``ads_targeting.SponsoredDisplayTargeting``

The days a report covers are the days asked for, which its name carries
("spSearchTerm report 2026-10-23..2026-11-21"): a day with no row is a day
of no ads. The report ids name the kind, so a synced report and a downloaded
one are two reports over the same days, and the newest counts.
"""

from __future__ import annotations

import re

from sellertui.core.i18n import N_, _, shown
from sellertui.importers.errors import FileProblem
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.ad_report import AdReportKind
from sellertui.importers.kinds.ads import TERM_KEY
from sellertui.importers.kinds.ads_products import PRODUCT_KEY
from sellertui.importers.kinds.ads_targeting import TARGET_KEY
from sellertui.importers.kinds.base import JsonKind, JsonRead, json_table, text
from sellertui.importers.period import resolve

WINDOWS = (1, 7, 14, 30)
_WINDOW = re.compile(r"(\d+)d$")
TEXT, INT, AMOUNT, DATE = "text", "int", "amount", "date"
METRIC_FIELDS = {"impressions", "clicks", "spend", "sales", "orders", "units", "currency"}

# field -> (v3 column, parse, required): one table per report type
SP_SEARCH_TERM = {
    "date": ("date", DATE, True), "campaign": ("campaignName", TEXT, True), "campaign_id": ("campaignId", TEXT, False),
    "ad_group": ("adGroupName", TEXT, True), "ad_group_id": ("adGroupId", TEXT, False),
    "keyword_id": ("keywordId", TEXT, False), "keyword": ("keyword", TEXT, False),
    "targeting": ("targeting", TEXT, False), "match_type": ("matchType", TEXT, False),
    "term": ("searchTerm", TEXT, True), "bid": ("keywordBid", AMOUNT, False),
    "impressions": ("impressions", INT, True), "clicks": ("clicks", INT, True),
    "spend": ("cost", AMOUNT, True), "sales": ("sales{d}d", AMOUNT, True), "orders": ("purchases{d}d", INT, True),
    "units": ("unitsSoldClicks{d}d", INT, False), "currency": ("campaignBudgetCurrencyCode", TEXT, False),
}
SP_TARGETING = {
    "date": ("date", DATE, True), "campaign": ("campaignName", TEXT, True), "campaign_id": ("campaignId", TEXT, True),
    "ad_group": ("adGroupName", TEXT, True), "ad_group_id": ("adGroupId", TEXT, True),
    "keyword_id": ("keywordId", TEXT, True), "keyword": ("keyword", TEXT, False),
    "targeting": ("targeting", TEXT, False), "match_type": ("matchType", TEXT, False),
    "bid": ("keywordBid", AMOUNT, False), "impressions": ("impressions", INT, True), "clicks": ("clicks", INT, True),
    "spend": ("cost", AMOUNT, True), "sales": ("sales{d}d", AMOUNT, True), "orders": ("purchases{d}d", INT, True),
    "units": ("unitsSoldClicks{d}d", INT, False), "currency": ("campaignBudgetCurrencyCode", TEXT, False),
}
SP_ADVERTISED_PRODUCT = {
    "date": ("date", DATE, True), "campaign": ("campaignName", TEXT, True), "campaign_id": ("campaignId", TEXT, True),
    "ad_group": ("adGroupName", TEXT, True), "ad_group_id": ("adGroupId", TEXT, True), "ad_id": ("adId", TEXT, True),
    "sku": ("advertisedSku", TEXT, False), "asin": ("advertisedAsin", TEXT, False),
    "impressions": ("impressions", INT, True), "clicks": ("clicks", INT, True), "spend": ("cost", AMOUNT, True),
    "sales": ("sales{d}d", AMOUNT, True), "orders": ("purchases{d}d", INT, True),
    "units": ("unitsSoldClicks{d}d", INT, False), "own_units": ("unitsSoldSameSku{d}d", INT, False),
    "own_sales": ("attributedSalesSameSku{d}d", AMOUNT, False),
    "currency": ("campaignBudgetCurrencyCode", TEXT, False),
}
SB_SEARCH_TERM = {
    "date": ("date", DATE, True), "campaign": ("campaignName", TEXT, True), "campaign_id": ("campaignId", TEXT, True),
    "ad_group": ("adGroupName", TEXT, True), "ad_group_id": ("adGroupId", TEXT, True),
    "keyword_id": ("keywordId", TEXT, False), "targeting": ("keywordText", TEXT, False),
    "match_type": ("matchType", TEXT, False), "term": ("searchTerm", TEXT, True),
    "impressions": ("impressions", INT, True), "clicks": ("clicks", INT, True), "spend": ("cost", AMOUNT, True),
    "sales": ("sales", AMOUNT, True), "orders": ("purchases", INT, True), "units": ("unitsSold", INT, False),
    "currency": ("campaignBudgetCurrencyCode", TEXT, False),
}
SD_TARGETING = {
    "date": ("date", DATE, True), "campaign": ("campaignName", TEXT, True), "campaign_id": ("campaignId", TEXT, True),
    "ad_group": ("adGroupName", TEXT, True), "ad_group_id": ("adGroupId", TEXT, True),
    "targeting_id": ("targetingId", TEXT, True), "expression": ("targetingExpression", TEXT, False),
    "targeting": ("targetingText", TEXT, False), "impressions": ("impressions", INT, True),
    "clicks": ("clicks", INT, True), "spend": ("cost", AMOUNT, True), "sales": ("sales", AMOUNT, True),
    "orders": ("purchases", INT, True), "units": ("unitsSold", INT, False),
    "currency": ("campaignBudgetCurrencyCode", TEXT, False),
}


def _spellings(column: str) -> tuple[str, ...]:
    return tuple(column.format(d=d) for d in WINDOWS) if "{d}" in column else (column,)


def _blank(parse: str, required: bool):
    """An empty cell: a problem in a required text or date column; else nothing (a count: 0 when required)."""
    if parse in (TEXT, DATE):
        return REQUIRED if required else ("" if parse == TEXT else None)
    return 0 if required else None


class AdsApiReport(JsonKind, AdReportKind):
    """A v3 report document; subclasses give the table, the collection and the row key."""

    report_type = ""  # spSearchTerm...
    table: dict[str, tuple[str, str, bool]] = {}
    fixed_window = 0  # SB and SD columns carry no window: Amazon's is 14 days
    source = "api"
    family = "ads_api"

    def __init_subclass__(cls, **kw) -> None:
        super().__init_subclass__(**kw)
        cls.columns = tuple(col(f, *_spellings(c), parse=p, required=r, blank=_blank(p, r))
                            for f, (c, p, r) in cls.table.items()) \
            + (col("portfolio", "portfolioName", blank=""), col("country", "countryCode"))
        cls.copied = ("portfolio", *(f for f, (_, p, _) in cls.table.items()
                                     if p == TEXT and f not in METRIC_FIELDS and f != "keyword"))

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
            raise FileProblem(name, _("is not {kind}: a v3 report is a JSON array of rows").format(kind=shown(self.label)))
        present = {k for row in document for k in row}
        headers = [s for c, _, _ in self.table.values() for s in _spellings(c) if s in present]
        if not document:  # no ads that period: the requested columns, no rows
            headers = self.request_columns(self.fixed_window or 14)
        table = json_table(name, headers, [{k: text(v) for k, v in row.items()} for row in document])
        return JsonRead(table, period=resolve(None, name, False))  # the days asked for, when the name says

    def attribution_of(self, frame) -> int:
        if self.fixed_window:
            return self.fixed_window
        found = _WINDOW.search(frame.headers.matched.get("sales") or "")
        return int(found[1]) if found else 14

    def fields(self, frame) -> dict[str, list]:
        found = super().fields(frame)
        if "bid" in self.table:
            found["bid_minor"] = frame.money("bid", frame.currencies())
        if "keyword" in self.table:  # a keyword's row names it as its targeting too (the console's file does)
            found["targeting"] = [t or k for t, k in zip(frame.col("targeting"), frame.col("keyword"))]
        return found


class SpSearchTermsApi(AdsApiReport):
    name = "ads-api-sp-search-terms"
    label = N_("an Ads API Sponsored Products search term report (spSearchTerm, JSON)")
    collection = "search_terms"
    report = "search_terms"
    report_type = "spSearchTerm"
    key = TERM_KEY
    table = SP_SEARCH_TERM


class SpTargetingApi(AdsApiReport):
    name = "ads-api-sp-targeting"
    label = N_("an Ads API Sponsored Products targeting report (spTargeting, JSON)")
    collection = "ad_targeting"
    report = "targeting"
    report_type = "spTargeting"
    key = TARGET_KEY
    table = SP_TARGETING
    excludes = frozenset({"searchTerm"})


class SpAdvertisedProductsApi(AdsApiReport):
    name = "ads-api-sp-advertised-products"
    label = N_("an Ads API Sponsored Products advertised product report (spAdvertisedProduct, JSON)")
    collection = "advertised_products"
    report = "advertised_products"
    report_type = "spAdvertisedProduct"
    key = PRODUCT_KEY
    extra_metrics = ("own_units", "other_units", "own_sales_minor", "other_sales_minor")
    table = SP_ADVERTISED_PRODUCT

    def fields(self, frame) -> dict[str, list]:
        """The advertised SKU's own units and sales, and the rest (other SKUs the click led to) as the difference."""
        found = super().fields(frame)
        found["asin"] = [a.upper() for a in found["asin"]]
        currencies = frame.currencies()
        units = [o if u is None else u for u, o in zip(frame.col("units"), frame.col("orders"))]
        sales = frame.money("sales", currencies)
        own_units = [u if own is None else own for own, u in zip(frame.col("own_units"), units)]
        own_sales = [s if own is None else own for own, s in zip(frame.money("own_sales", currencies), sales)]
        found.update(own_units=own_units, other_units=[max(u - o, 0) for u, o in zip(units, own_units)],
                     own_sales_minor=own_sales,
                     other_sales_minor=[max((s or 0) - (o or 0), 0) for s, o in zip(sales, own_sales)])
        return found


class SbSearchTermsApi(AdsApiReport):
    name = "ads-api-sb-search-terms"
    label = N_("an Ads API Sponsored Brands search term report (sbSearchTerm, JSON)")
    collection = "search_terms"
    report = "search_terms"
    ad_product = "SB"
    report_type = "sbSearchTerm"
    key = TERM_KEY
    table = SB_SEARCH_TERM
    fixed_window = 14


class SdTargetingApi(AdsApiReport):
    name = "ads-api-sd-targeting"
    label = N_("an Ads API Sponsored Display targeting report (sdTargeting, JSON)")
    collection = "ad_targeting"
    report = "targeting"
    ad_product = "SD"
    report_type = "sdTargeting"
    key = TARGET_KEY
    table = SD_TARGETING
    fixed_window = 14

    def fields(self, frame) -> dict[str, list]:
        found = super().fields(frame)  # the words the console shows, else Amazon's expression
        found["targeting"] = [t or e for t, e in zip(frame.col("targeting"), frame.col("expression"))]
        found["match_type"] = ["-"] * frame.n  # display ads have no match types
        return found


API_REPORTS = (SpSearchTermsApi(), SpTargetingApi(), SpAdvertisedProductsApi(), SbSearchTermsApi(), SdTargetingApi())

"""Sponsored Products search-term reports and the bulk file's search-term tab -> ``search_terms``.

Layouts read: the summary report (``Start Date``/``End Date``), the daily one
(``Date``), the 2025–26 Ads console (``Date range``/``Search term``/``Total cost``/
``Purchases``/``Sales``), 7- or 14-day attribution, 2024+ ``Retailer``/``Country``;
and the bulk file's "SP Search Term Report" tab, which keeps the campaign, ad
group and keyword ids and the bid but has no dates (``--period`` or the file
name gives them). Each file is one report per marketplace (``ad_report``); a
row is ``report|day|campaign|ad group|targeting|match type|term``. Spend and
sales are stored, never ratios (ACoS is blank when there are no sales).
"""

from __future__ import annotations

from sellertui.core.i18n import N_
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.ad_report import (
    CAMPAIGN, DATE_COLUMNS, MATCH_TYPE, PLAIN_METRICS, PORTFOLIO, AdReportKind, metric_cols,
)
from sellertui.importers.kinds.base import names

TERM_KEY = ("campaign", "ad_group", "targeting", "match_type", "term")


class SearchTerms(AdReportKind):
    name = "search-terms"
    label = N_("a Sponsored Products search term report")
    collection = "search_terms"
    key = TERM_KEY
    signatures = (names("campaign name", "ad group name", "customer search term", "impressions", "clicks"),
                  names("campaign name", "ad group name", "search term", "impressions", "clicks", "total cost"))
    columns = (
        *DATE_COLUMNS,
        PORTFOLIO,
        CAMPAIGN,
        col("campaign_id", "campaign id", blank=""),
        col("ad_group", "ad group name", required=True, blank=REQUIRED),
        col("ad_group_id", "ad group id", blank=""),
        col("keyword_id", "keyword id", blank=""),
        col("targeting", "targeting", "target value", "keyword text", "keyword", "target", blank=""),
        MATCH_TYPE,
        col("term", "customer search term", "search term", required=True, blank=REQUIRED),
        *PLAIN_METRICS,
    )
    copied = ("portfolio", "campaign", "campaign_id", "ad_group", "ad_group_id", "keyword_id", "targeting",
              "match_type", "term")

    def fields(self, frame) -> dict[str, list]:
        return {**super().fields(frame), "bid_minor": [None] * frame.n}


class BulkSearchTerms(AdReportKind):
    name = "bulk-search-terms"
    label = N_("a bulk file's SP Search Term Report tab")
    collection = "search_terms"
    key = TERM_KEY
    source = "bulk"
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
        *metric_cols(("spend",), ("sales",), ("orders",), ("units",)),
    )

    def days(self, frame) -> tuple[list, list]:
        return [frame.period.start] * frame.n, [frame.period.end] * frame.n

    copied = ("portfolio", "campaign", "campaign_id", "ad_group", "ad_group_id", "keyword_id", "match_type", "term",
              "target_id")

    def fields(self, frame) -> dict[str, list]:
        targeting = [k or e or r for k, e, r in zip(frame.col("keyword_text"), frame.col("expression"),
                                                     frame.col("resolved"))]
        return {**super().fields(frame), "targeting": targeting, "bid_minor": frame.money("bid")}

    def attribution_of(self, frame) -> int:
        return 7

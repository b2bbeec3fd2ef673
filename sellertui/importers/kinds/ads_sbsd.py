"""Sponsored Brands search-term reports and Sponsored Display matched-target reports -> ``search_terms``.

Both read like the Sponsored Products search-term report (``ads``), daily
(``Date``) or summary (``Start Date``/``End Date``), 14-day attribution by
default. A Sponsored Brands file is told from a Sponsored Products one by its
own columns (``Cost type``, ``Viewable Impressions``); Sponsored Display has
no search terms, its matched-target report names the product or page the ad
showed on (``Matched target``), kept as the row's term. Rows carry the ad
product (``SB``/``SD``): the Ads tab shows them beside SP's, the proposals
rules read SP's only.
"""

from __future__ import annotations

from sellertui.core.i18n import N_
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.ad_report import (
    AD_GROUP, CAMPAIGN, DATE_COLUMNS, MATCH_TYPE, ORDERS, PORTFOLIO, SPEND, UNITS, AdReportKind, days_of, metric_cols,
)
from sellertui.importers.kinds.ads import TERM_KEY
from sellertui.importers.kinds.base import names

SALES_14 = ("14 day total sales", *days_of("total sales"), "sales")
METRICS_14 = metric_cols(SPEND, SALES_14, ("14 day total orders", *ORDERS), ("14 day total units", *UNITS))
DISPLAY_COLUMNS = (
    col("cost_type", "cost type", blank=""),
    col("viewable", "viewable impressions", parse="int", blank=0),
)
DISPLAY_FIELDS = {"viewable_impressions": "viewable"}  # record field -> column, with "cost_type" copied
PAGE_VIEWS = col("page_views", "14 day detail page views (dpv)", "detail page views (dpv)", parse="int", blank=0)


class SponsoredBrandsTerms(AdReportKind):
    name = "sb-search-terms"
    label = N_("a Sponsored Brands search term report")
    collection = "search_terms"
    ad_product = "SB"
    key = TERM_KEY
    default_attribution = 14
    extra_metrics = ("viewable_impressions",)
    signatures = (names("campaign name", "customer search term", "impressions", "clicks", "cost type"),
                  names("campaign name", "customer search term", "impressions", "clicks", "viewable impressions"))
    columns = (
        *DATE_COLUMNS,
        PORTFOLIO,
        CAMPAIGN,
        AD_GROUP,
        col("targeting", "targeting", "keyword text", "keyword", blank=""),
        MATCH_TYPE,
        col("term", "customer search term", "search term", required=True, blank=REQUIRED),
        *DISPLAY_COLUMNS,
        *METRICS_14,
    )
    copied = ("portfolio", "campaign", "ad_group", "targeting", "match_type", "term", "cost_type")
    renamed = DISPLAY_FIELDS


class SponsoredDisplayMatches(AdReportKind):
    name = "sd-matched-targets"
    label = N_("a Sponsored Display matched target report")
    collection = "search_terms"
    ad_product = "SD"
    key = TERM_KEY
    default_attribution = 14
    extra_metrics = ("viewable_impressions", "page_views")
    signatures = (names("campaign name", "matched target", "impressions", "clicks", "spend"),)
    columns = (
        *DATE_COLUMNS,
        PORTFOLIO,
        CAMPAIGN,
        AD_GROUP,
        col("targeting", "targeting", blank=""),
        col("term", "matched target", required=True, blank=REQUIRED),
        PAGE_VIEWS,
        *DISPLAY_COLUMNS,
        *METRICS_14,
    )
    copied = ("portfolio", "campaign", "ad_group", "targeting", "term", "cost_type", "page_views")
    renamed = DISPLAY_FIELDS

    def fields(self, frame) -> dict[str, list]:
        return {**super().fields(frame), "match_type": ["-"] * frame.n}  # display ads have no match types

"""Targeting reports (keywords, product and audience targets) of SP, SB and SD -> ``ad_targeting``.

One row per target (and day, in the daily layout): what a bid is set on.
Sponsored Products' report adds ``Top-of-search Impression Share``;
Sponsored Brands' (the keyword report before 2023) has 14-day attribution,
new-to-brand orders and, for vCPM campaigns, viewable impressions; Sponsored
Display's has no match type, and adds detail page views and its bid
optimization. The three are told apart by those columns; a file with search
terms, matched targets or advertised products is one of those reports instead.
"""

from __future__ import annotations

from sellertui.core.i18n import N_
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.ad_report import (
    AD_GROUP, CAMPAIGN, DATE_COLUMNS, MATCH_TYPE, PLAIN_METRICS, PORTFOLIO, AdReportKind,
)
from sellertui.importers.kinds.ads_sbsd import DISPLAY_COLUMNS, DISPLAY_FIELDS, METRICS_14, PAGE_VIEWS
from sellertui.importers.kinds.base import names

TARGET_KEY = ("campaign", "ad_group", "targeting", "match_type")
NOT_TARGETING = names("customer search term", "search term", "matched target", "advertised sku", "advertised asin")
BASE = ("campaign name", "impressions", "clicks", "spend")
NEW_TO_BRAND = col("new_to_brand", "14 day new-to-brand orders", "new-to-brand orders", parse="int", blank=0)


class SponsoredProductsTargeting(AdReportKind):
    name = "sp-targeting"
    label = N_("a Sponsored Products targeting report")
    collection = "ad_targeting"
    report = "targeting"
    key = TARGET_KEY
    signatures = (names(*BASE, "ad group name", "targeting", "match type"),
                  names("campaign name", "ad group name", "target value", "impressions", "clicks", "total cost"))
    excludes = NOT_TARGETING | names("cost type", "viewable impressions", "14 day new-to-brand orders",
                                     "new-to-brand orders", "14 day detail page views (dpv)", "bid optimization")
    columns = (
        *DATE_COLUMNS,
        PORTFOLIO,
        CAMPAIGN,
        col("ad_group", "ad group name", required=True, blank=REQUIRED),
        col("targeting", "targeting", "target value", "keyword text", "keyword", required=True, blank=REQUIRED),
        MATCH_TYPE,
        col("top_of_search", "top-of-search impression share", "top-of-search impression share (is)",
            parse="percent"),
        *PLAIN_METRICS,
    )
    copied = ("portfolio", "campaign", "ad_group", "targeting", "match_type", "top_of_search")


class SponsoredBrandsTargeting(AdReportKind):
    name = "sb-targeting"
    label = N_("a Sponsored Brands targeting (keyword) report")
    collection = "ad_targeting"
    report = "targeting"
    ad_product = "SB"
    key = TARGET_KEY
    default_attribution = 14
    extra_metrics = ("viewable_impressions", "new_to_brand_orders")
    signatures = tuple(names(*BASE, target, "match type", own)
                       for target in ("targeting", "keyword text")
                       for own in ("cost type", "viewable impressions", "14 day new-to-brand orders",
                                   "new-to-brand orders"))
    excludes = NOT_TARGETING
    columns = (
        *DATE_COLUMNS,
        PORTFOLIO,
        CAMPAIGN,
        AD_GROUP,
        col("targeting", "targeting", "keyword text", "keyword", required=True, blank=REQUIRED),
        MATCH_TYPE,
        NEW_TO_BRAND,
        *DISPLAY_COLUMNS,
        *METRICS_14,
    )
    copied = ("portfolio", "campaign", "ad_group", "targeting", "match_type", "cost_type")
    renamed = {**DISPLAY_FIELDS, "new_to_brand_orders": "new_to_brand"}


class SponsoredDisplayTargeting(AdReportKind):
    name = "sd-targeting"
    label = N_("a Sponsored Display targeting report")
    collection = "ad_targeting"
    report = "targeting"
    ad_product = "SD"
    key = TARGET_KEY
    default_attribution = 14
    extra_metrics = ("viewable_impressions", "page_views", "new_to_brand_orders")
    signatures = tuple(names(*BASE, "targeting", own)
                       for own in ("viewable impressions", "14 day detail page views (dpv)", "bid optimization"))
    excludes = NOT_TARGETING | names("match type")
    columns = (
        *DATE_COLUMNS,
        PORTFOLIO,
        CAMPAIGN,
        AD_GROUP,
        col("targeting", "targeting", required=True, blank=REQUIRED),
        col("bid_optimization", "bid optimization", blank=""),
        PAGE_VIEWS,
        NEW_TO_BRAND,
        *DISPLAY_COLUMNS,
        *METRICS_14,
    )
    copied = ("portfolio", "campaign", "ad_group", "targeting", "bid_optimization", "cost_type", "page_views")
    renamed = {**DISPLAY_FIELDS, "new_to_brand_orders": "new_to_brand"}

    def fields(self, frame) -> dict[str, list]:
        return {**super().fields(frame), "match_type": ["-"] * frame.n}  # display ads have no match types

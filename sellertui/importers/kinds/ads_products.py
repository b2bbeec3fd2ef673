"""Advertised product reports of SP and SD -> ``advertised_products``.

One row per advertised SKU/ASIN in an ad group (and day, in the daily layout):
what each product's ads cost and brought. Sponsored Products' report splits
the attributed units and sales into the advertised SKU's own and other SKUs'
(the halo); Sponsored Display's adds viewable impressions and detail page
views, with 14-day attribution.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.importers.headers import col
from sellertui.importers.kinds.ad_report import AD_GROUP, CAMPAIGN, DATE_COLUMNS, PLAIN_METRICS, PORTFOLIO, AdReportKind
from sellertui.importers.kinds.ads_sbsd import DISPLAY_COLUMNS, DISPLAY_FIELDS, METRICS_14, PAGE_VIEWS
from sellertui.importers.kinds.base import names

PRODUCT_KEY = ("campaign", "ad_group", "sku", "asin")
SD_ONLY = ("viewable impressions", "bid optimization", "14 day detail page views (dpv)")
BASE_COLUMNS = (
    *DATE_COLUMNS,
    PORTFOLIO,
    CAMPAIGN,
    AD_GROUP,
    col("sku", "advertised sku", blank=""),
    col("asin", "advertised asin", blank=""),
)


def _products(frame) -> dict[str, list]:
    skus, asins = frame.col("sku"), frame.col("asin")
    for i, (sku, asin) in enumerate(zip(skus, asins)):
        if not sku and not asin:
            frame.problem(i, "asin", _("is empty, and so is Advertised SKU: the row names no product"), "")
    return {"portfolio": frame.col("portfolio"), "campaign": frame.col("campaign"), "ad_group": frame.col("ad_group"),
            "sku": skus, "asin": [a.upper() for a in asins]}


class SponsoredProductsAdvertised(AdReportKind):
    name = "sp-advertised-products"
    label = N_("a Sponsored Products advertised product report")
    collection = "advertised_products"
    report = "advertised_products"
    key = PRODUCT_KEY
    extra_metrics = ("own_units", "other_units", "own_sales_minor", "other_sales_minor")
    signatures = (names("campaign name", "ad group name", "advertised asin", "impressions", "clicks", "spend"),
                  names("campaign name", "ad group name", "advertised sku", "impressions", "clicks", "spend"))
    excludes = names(*SD_ONLY, "customer search term", "matched target")
    columns = (
        *BASE_COLUMNS,
        col("own_units", "7 day advertised sku units", "14 day advertised sku units", parse="int", blank=0),
        col("other_units", "7 day other sku units", "14 day other sku units", parse="int", blank=0),
        col("own_sales", "7 day advertised sku sales", "14 day advertised sku sales", parse="amount", blank=0),
        col("other_sales", "7 day other sku sales", "14 day other sku sales", parse="amount", blank=0),
        *PLAIN_METRICS,
    )

    copied = ("own_units", "other_units")

    def fields(self, frame) -> dict[str, list]:
        currencies = frame.currencies()
        return {**_products(frame), **super().fields(frame), "own_sales_minor": frame.money("own_sales", currencies),
                "other_sales_minor": frame.money("other_sales", currencies)}


class SponsoredDisplayAdvertised(AdReportKind):
    name = "sd-advertised-products"
    label = N_("a Sponsored Display advertised product report")
    collection = "advertised_products"
    report = "advertised_products"
    ad_product = "SD"
    key = PRODUCT_KEY
    default_attribution = 14
    extra_metrics = ("viewable_impressions", "page_views")
    signatures = tuple(names("campaign name", "advertised asin", "impressions", "clicks", "spend", own)
                       for own in SD_ONLY)
    excludes = names("customer search term", "matched target")
    columns = (
        *BASE_COLUMNS,
        col("bid_optimization", "bid optimization", blank=""),
        PAGE_VIEWS,
        *DISPLAY_COLUMNS,
        *METRICS_14,
    )
    copied = ("bid_optimization", "cost_type", "page_views")
    renamed = DISPLAY_FIELDS

    def fields(self, frame) -> dict[str, list]:
        return {**_products(frame), **super().fields(frame)}

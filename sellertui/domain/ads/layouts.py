"""The three kinds of ads rows: what each collection holds and what makes a row's key.

Spend, clicks and sales of the same ads appear in each kind, broken down
differently (by search term, by target, by advertised product): a figure
reads one kind at a time (``spend`` picks, day by day, the most complete one).
"""

from __future__ import annotations

from sellertui.domain.ads.rows import Layout

SEARCH_TERMS = Layout("search_terms", "search_terms",
                      text=("portfolio", "campaign_id", "ad_group_id", "keyword_id", "targeting", "match_type", "term",
                            "cost_type"),
                      counts=("viewable_impressions",), key=("campaign", "ad_group", "targeting", "match_type", "term"),
                      floats=("bid_minor",))
TARGETING = Layout("ad_targeting", "targeting", text=("portfolio", "targeting", "match_type", "cost_type"),
                   counts=("viewable_impressions", "new_to_brand_orders", "page_views"),
                   key=("campaign", "ad_group", "targeting", "match_type"), floats=("top_of_search",))
PRODUCTS = Layout("advertised_products", "advertised_products", text=("portfolio", "sku", "asin"),
                  counts=("own_units", "other_units", "own_sales_minor", "other_sales_minor", "page_views",
                          "viewable_impressions"),
                  key=("campaign", "ad_group", "sku", "asin"))
BY_REPORT = {layout.report: layout for layout in (SEARCH_TERMS, TARGETING, PRODUCTS)}

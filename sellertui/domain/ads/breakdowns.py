"""The Keywords and Products views: a window's targeting and advertised product rows, added up.

- **Keywords** (targeting reports of SP, SB and SD): target × campaign × ad
  group × match type, with the ratios; SP's top-of-search impression share as
  the impressions-weighted mean of its rows; SB/SD's viewable impressions and
  new-to-brand orders.
- **Products** (advertised product reports of SP and SD): advertised SKU/ASIN
  × campaign × ad group, with the ratios, each product's share of the
  window's spend, and (SP) how much of its attributed sales were of the
  advertised SKU itself rather than other SKUs (the halo).

Rows come through ``rows.AdRows`` like the search terms: one report per key
and day, summary rows cut to the window's days (``partial`` counts them).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sellertui.domain.ads.metrics import add_ratios
from sellertui.domain.ads.rows import COUNTS

KEYWORD_KEY = ["ad_product", "campaign", "ad_group", "targeting", "match_type"]
PRODUCT_KEY = ["ad_product", "sku", "asin", "campaign", "ad_group"]


def _sum(rows: pd.DataFrame, key: list[str], extra: dict) -> pd.DataFrame:
    spec = {name: (name, "sum") for name in COUNTS} | {"partial": ("partial", "sum"), "currency": ("currency", "first"),
                                                        "first_day": ("date", "min"), "last_day": ("end_date", "max"),
                                                        "attribution_min": ("attribution_days", "min"),
                                                        "attribution_max": ("attribution_days", "max")} | extra
    frame = rows.groupby(key, sort=False, observed=True, dropna=False).agg(**spec).reset_index()
    text = [name for name in frame.columns if isinstance(frame[name].dtype, pd.StringDtype)]
    return add_ratios(frame.astype({name: object for name in text}))


def keywords(rows: pd.DataFrame) -> pd.DataFrame:
    """Targets of the window, most spend first."""
    if not len(rows):
        return _empty(KEYWORD_KEY, ("viewable_impressions", "new_to_brand_orders", "top_of_search"))
    weighted = rows["top_of_search"].to_numpy(dtype=float) * rows["impressions"].to_numpy(dtype=float)
    seen = np.where(np.isnan(weighted), 0.0, rows["impressions"].to_numpy(dtype=float))
    prepared = rows.assign(_tos=np.nan_to_num(weighted), _seen=seen)
    frame = _sum(prepared, KEYWORD_KEY, {"viewable_impressions": ("viewable_impressions", "sum"),
                                          "new_to_brand_orders": ("new_to_brand_orders", "sum"),
                                          "_tos": ("_tos", "sum"), "_seen": ("_seen", "sum")})
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["top_of_search"] = np.where(frame["_seen"] > 0, frame["_tos"] / frame["_seen"], np.nan)
    return frame.drop(columns=["_tos", "_seen"]).sort_values("spend_minor", ascending=False, kind="stable").reset_index(
        drop=True)


def products(rows: pd.DataFrame) -> pd.DataFrame:
    """Advertised products of the window, most spend first, with their share of the spend and the halo."""
    if not len(rows):
        return _empty(PRODUCT_KEY, ("own_sales_minor", "other_sales_minor", "spend_share", "own_share"))
    frame = _sum(rows, PRODUCT_KEY, {"own_sales_minor": ("own_sales_minor", "sum"),
                                      "other_sales_minor": ("other_sales_minor", "sum"),
                                      "own_units": ("own_units", "sum"), "other_units": ("other_units", "sum"),
                                      "page_views": ("page_views", "sum")})
    spend = frame.groupby("currency")["spend_minor"].transform("sum").to_numpy(dtype=float)
    attributed = (frame["own_sales_minor"] + frame["other_sales_minor"]).to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["spend_share"] = np.where(spend > 0, frame["spend_minor"].to_numpy(dtype=float) / spend, np.nan)
        frame["own_share"] = np.where(attributed > 0, frame["own_sales_minor"].to_numpy(dtype=float) / attributed,
                                      np.nan)
    return frame.sort_values("spend_minor", ascending=False, kind="stable").reset_index(drop=True)


def _empty(key: list[str], more: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame({k: pd.Series(dtype=object) for k in (*key, "currency", "first_day", "last_day")})
    for name in (*COUNTS, "partial", "attribution_min", "attribution_max"):
        frame[name] = pd.Series(dtype="int64")
    for name in more:
        frame[name] = pd.Series(dtype=float)
    return add_ratios(frame)

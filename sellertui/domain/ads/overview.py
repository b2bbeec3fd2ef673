"""Spend, ad sales, ACoS and TACoS by week (Monday to Sunday).

TACoS = ad spend / all sales, where all sales are the order lines of the
``orders`` collection (cancelled lines carry no money) purchased that week.
Ad spend is every ad product's (SP, SB, SD), by day, counted once
(``spend.spend_days``): a summary row gives each week its days' share, and a
week holding such a share counts it in ``spread``.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from sellertui.domain.ads.window import Window


SALES_FIELDS = ("id", "purchase_date", "item_price_minor", "currency", "status")  # what ``sales_frame`` reads


def sales_frame(docs: list[dict]) -> pd.DataFrame:
    """One month of order lines as (day, currency, sales): the FrameCache builder for TACoS."""
    days = [str(d.get("purchase_date") or "")[:10] for d in docs]
    money = np.fromiter((d.get("item_price_minor") or 0 for d in docs), dtype=np.int64, count=len(docs))
    currency = [d.get("currency") or "USD" for d in docs]
    cancelled = np.array([str(d.get("status", "")).lower() == "cancelled" for d in docs], dtype=bool)
    frame = pd.DataFrame({"day": pd.array(days, dtype="str"), "currency": pd.array(currency, dtype="str"),
                          "sales_minor": np.where(cancelled, 0, money)})
    return frame.groupby(["day", "currency"], as_index=False, sort=True)["sales_minor"].sum()


def weeks_window(end: date, weeks: int) -> Window:
    """``weeks`` whole weeks, the last one holding ``end``."""
    last_sunday = end + timedelta(days=6 - end.weekday())
    return Window.custom(last_sunday - timedelta(days=7 * weeks - 1), last_sunday)


def weekly(days: pd.DataFrame, sales: pd.DataFrame, window: Window, currency: str) -> pd.DataFrame:
    """One row per week of ``window`` (which starts on a Monday): spend, ad sales, all sales, ACoS, TACoS."""
    starts = [window.start + timedelta(days=7 * i) for i in range((window.days + 6) // 7)]
    labels = [d.isoformat() for d in starts]
    ads = days[(days["currency"] == currency).to_numpy(dtype=bool)]
    ads = ads.assign(week=_week_index(pd.Series(ads["day"].to_numpy().astype("datetime64[D]").astype(str)),
                                      window.start))
    per_week = ads.groupby("week")[["spend_minor", "sales_minor", "orders", "clicks"]].sum()
    spread = ads[ads["spread"].to_numpy(dtype=bool)].groupby("week")["spend_minor"].sum()
    orders = sales[(sales["currency"] == currency).to_numpy(dtype=bool)]
    orders = orders[((orders["day"] >= window.start.isoformat()) & (orders["day"] <= window.end.isoformat()))
                    .to_numpy(dtype=bool)]
    total = orders.assign(week=_week_index(orders["day"], window.start)).groupby("week")["sales_minor"].sum()
    frame = pd.DataFrame({"week": labels})
    index = np.arange(len(labels))
    frame["spend_minor"] = per_week["spend_minor"].reindex(index, fill_value=0).to_numpy()
    frame["sales_minor"] = per_week["sales_minor"].reindex(index, fill_value=0).to_numpy()
    frame["orders"] = per_week["orders"].reindex(index, fill_value=0).to_numpy()
    frame["total_sales_minor"] = total.reindex(index, fill_value=0).to_numpy()
    frame["spread_minor"] = spread.reindex(index, fill_value=0).to_numpy()
    frame["acos"] = _div(frame["spend_minor"], frame["sales_minor"])
    frame["tacos"] = _div(frame["spend_minor"], frame["total_sales_minor"])
    frame["currency"] = currency
    return frame


def _week_index(days: pd.Series, start: date) -> np.ndarray:
    parsed = pd.to_datetime(days, format="%Y-%m-%d", errors="coerce")
    return ((parsed - pd.Timestamp(start)).dt.days // 7).fillna(-1).astype(int).to_numpy()


def _div(a: pd.Series, b: pd.Series) -> np.ndarray:
    num, den = a.to_numpy(dtype=float), b.to_numpy(dtype=float)
    out = np.full(len(num), np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out

"""Daily velocity: units sold per day *in stock*, weighted over 7/30/90 days, seasonally adjusted.

For every SKU at once (one group-by, no loop over orders):

1. units sold per SKU per day over the 90 complete days before today
   (order lines by purchase date; cancelled lines have quantity 0);
2. which of those days the SKU was in stock. A day is *not counted* when
   - the stock history records the SKU out of stock that day (a hand change or a
     receipt took it to 0 and a later one brought it back), or
   - the SKU has nothing to sell now and the day is after its last sale (the
     stock history does not say when it ran out: the run of days without sales
     that ends today is taken as the stock-out), or
   - the day is before the SKU was added, or before the first order in the store
     (no data: a shop that imported two weeks of orders has no 90-day history);
   a day with a sale always counts (a sale proves there was stock);
3. each day's units are divided by the seasonal factor of its month, so a
   November already selling ×1.8 is not multiplied by 1.8 again;
4. per window: adjusted units / days in stock; the windows are weighted (the
   weights are settings) over the windows that have days in stock;
5. the result is multiplied by this month's factor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from sellertui.domain.inventory.seasonal import month_factors
from sellertui.domain.inventory.settings import WINDOWS, InventorySettings
from sellertui.domain.inventory.stock import out_of_stock_spans, sellable

HORIZON = max(WINDOWS)


SALES_FIELDS = ("id", "sku", "purchase_date", "quantity")  # what ``sales_frame`` reads: all a file is decoded for


def sales_frame(docs: list[dict]) -> pd.DataFrame:
    """Order lines -> (sku, day, units): the frame cached per orders partition."""
    skus, days, units = [], [], []
    for d in docs:
        skus.append(d.get("sku") or "")
        days.append((d.get("purchase_date") or "")[:10] or "NaT")
        units.append(d.get("quantity") or 0)
    try:  # numpy parses ISO days ~20x faster than pandas
        parsed = np.array(days, dtype="datetime64[D]")
    except ValueError:  # a malformed date somewhere: let pandas sort it out
        parsed = pd.to_datetime(pd.Series(days), format="%Y-%m-%d", errors="coerce").to_numpy().astype("datetime64[D]")
    frame = pd.DataFrame({"sku": pd.Series(skus, dtype=object), "day": parsed,  # object: 2x faster than arrow here
                          "units": pd.to_numeric(pd.Series(units), errors="coerce").fillna(0).astype("int64")})
    return frame[~np.isnat(parsed)].reset_index(drop=True)


def recent_sales(frames, today: date) -> tuple[pd.DataFrame, date | None]:
    """Order lines of the last ``HORIZON`` days (through the frame cache) and the first day with any order."""
    start = today - timedelta(days=HORIZON)
    parts = [p for p in frames.store["orders"].partitions() if p != "undated"]
    wanted = [p for p in parts if p >= start.isoformat()[:7]]
    if not wanted:
        return sales_frame([]), None
    sales = frames.frame("orders", sales_frame, name="inventory.sales", partitions=wanted, fields=SALES_FIELDS)
    if parts[0] < wanted[0]:  # older months exist: the data covers the whole horizon
        first = date.fromisoformat(parts[0] + "-01")
    else:
        first = sales["day"].min().date() if len(sales) else None
    return sales, first


@dataclass
class Velocity:
    """Per SKU (arrays in the order of ``skus``), with every input the working shows."""

    skus: list[str]
    start: date  # first day of the 90-day horizon (the last day is yesterday)
    units: dict[int, np.ndarray]  # window -> units sold
    adjusted: dict[int, np.ndarray]  # window -> units ÷ their month's factor
    days: dict[int, np.ndarray]  # window -> days in stock
    rates: dict[int, np.ndarray]  # window -> adjusted units per day in stock (NaN without days)
    days_recorded_out: np.ndarray  # in the horizon, from the stock history
    days_inferred_out: np.ndarray  # in the horizon, after the last sale while out of stock now
    days_no_data: np.ndarray  # in the horizon, before the SKU or the store's first order
    base: np.ndarray  # weighted, seasonally adjusted units per day
    factor_now: np.ndarray  # this month's factor
    velocity: np.ndarray  # base × factor_now
    window_factors: np.ndarray  # [n, HORIZON] the factor applied to each day (for the working)


def compute(skus: list[str], products: list[dict], sales: pd.DataFrame, first_day: date | None,
            today: date, settings: InventorySettings) -> Velocity:
    n = len(skus)
    start = today - timedelta(days=HORIZON)

    # 1. units per SKU per day: one vectorised scatter-add
    units = np.zeros((n, HORIZON), dtype=np.float64)
    if len(sales):
        offsets = (sales["day"].to_numpy().astype("datetime64[D]") - np.datetime64(start, "D")).astype(np.int64)
        rows = pd.Index(skus).get_indexer(sales["sku"])  # -1: a SKU no longer in the catalogue
        keep = (offsets >= 0) & (offsets < HORIZON) & (rows >= 0)
        np.add.at(units, (rows[keep], offsets[keep]), sales["units"].to_numpy()[keep])
    sold = units > 0

    # 2. days that do not count
    day_numbers = np.arange(HORIZON)
    no_data = np.zeros((n, HORIZON), dtype=bool)
    if first_day is None:
        no_data[:] = True
    else:
        no_data[:, : max(0, min(HORIZON, (first_day - start).days))] = True
    recorded = np.zeros((n, HORIZON), dtype=bool)
    zero_now = np.zeros(n, dtype=bool)
    for i, product in enumerate(products):
        created = str(product.get("created_at") or "")[:10]
        if created:
            no_data[i, : max(0, min(HORIZON, (date.fromisoformat(created) - start).days))] = True
        zero_now[i] = sellable(product.get("stock")) <= 0
        if product.get("stock_history"):
            for first_out, back_in in out_of_stock_spans(product, today):
                a = max(0, (first_out - start).days)
                b = min(HORIZON, (back_in - start).days)
                if b > a:
                    recorded[i, a:b] = True
    open_span = recorded[:, -1] if n else np.zeros(0, dtype=bool)
    last_sale = np.where(sold.any(axis=1), HORIZON - 1 - np.argmax(sold[:, ::-1], axis=1), -1)
    inferred = (zero_now & ~open_span)[:, None] & (day_numbers[None, :] > last_sale[:, None]) & ~recorded
    not_counted = (recorded | inferred | no_data) & ~sold
    in_stock = ~not_counted

    # 3. seasonal adjustment: each day's units over its month's factor
    table = np.tile(np.array(month_factors(None, settings.seasonal_months)), (n, 1))
    for i, product in enumerate(products):
        for month, factor in (product.get("seasonal") or {}).items():
            table[i, int(month) - 1] = float(factor)  # the SKU's own factor replaces the shop's
    months = np.array([(start + timedelta(days=int(d))).month - 1 for d in day_numbers])
    factors = table[:, months] if n else np.ones((0, HORIZON))
    adjusted_daily = units / factors

    # 4. windows, then the weighted mean over the windows with days in stock
    result_units, result_adjusted, result_days, rates = {}, {}, {}, {}
    weighted = np.zeros(n)
    weight_sum = np.zeros(n)
    for window, weight in zip(WINDOWS, settings.weights):
        cols = slice(HORIZON - window, HORIZON)
        result_units[window] = units[:, cols].sum(axis=1)
        result_adjusted[window] = adjusted_daily[:, cols].sum(axis=1)
        result_days[window] = in_stock[:, cols].sum(axis=1)
        has_days = result_days[window] > 0
        with np.errstate(divide="ignore", invalid="ignore"):
            rates[window] = np.where(has_days, result_adjusted[window] / np.maximum(result_days[window], 1), np.nan)
        weighted += np.where(has_days, weight * np.nan_to_num(rates[window]), 0)
        weight_sum += np.where(has_days, weight, 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        base = np.where(weight_sum > 0, weighted / np.where(weight_sum > 0, weight_sum, 1), 0.0)

    # 5. this month's factor
    factor_now = table[:, today.month - 1] if n else np.ones(0)
    return Velocity(
        skus=list(skus), start=start, units=result_units, adjusted=result_adjusted, days=result_days, rates=rates,
        days_recorded_out=(recorded & ~sold & ~no_data).sum(axis=1),
        days_inferred_out=(inferred & ~sold & ~no_data).sum(axis=1),
        days_no_data=(no_data & ~sold).sum(axis=1),
        base=base, factor_now=factor_now, velocity=base * factor_now, window_factors=factors,
    )

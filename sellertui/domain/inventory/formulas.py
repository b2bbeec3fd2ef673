"""The reorder formulas, for one SKU or for arrays of them (numpy).

- days of cover = (available + inbound) / velocity
- reorder point = velocity × (lead time + safety days)
- order quantity = velocity × (lead time + days to hold) − on hand − on order,
  rounded up to the case pack and to at least the minimum order quantity
- stock-out date = today + days of cover

"Available" is what can be sold today (FBA available + own warehouse); "on
hand" is available + inbound to FBA; "on order" is what open purchase orders
still have to deliver. The status compares the stock *position* (on hand + on
order) with the reorder point, so a SKU whose order is already placed is not
flagged again; the warnings still show when its cover runs out before the
order can arrive.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from sellertui.domain.inventory.statuses import STATUSES, STATUS_LABEL, STATUS_RANK  # noqa: F401 (re-exported)

EPSILON = 1e-9  # 120.0000000001 units is 120: float noise must not add a case


def days_of_cover(available, inbound, velocity):
    """(available + inbound) / velocity; infinite when nothing sells, 0 when nothing is left."""
    stock = np.asarray(available, dtype=float) + np.asarray(inbound, dtype=float)
    velocity = np.asarray(velocity, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        cover = np.where(velocity > 0, stock / np.where(velocity > 0, velocity, 1), np.where(stock > 0, np.inf, 0.0))
    return cover if cover.ndim else float(cover)


def reorder_point(velocity, lead_days, safety_days):
    """Units at which to order: what sells while an order arrives, plus the safety stock."""
    result = np.asarray(velocity, dtype=float) * (np.asarray(lead_days) + np.asarray(safety_days))
    return result if result.ndim else float(result)


def units_needed(velocity, lead_days, hold_days, on_hand, on_order):
    """velocity × (lead time + days to hold) − on hand − on order, before rounding."""
    target = np.asarray(velocity, dtype=float) * (np.asarray(lead_days) + np.asarray(hold_days))
    result = target - np.asarray(on_hand) - np.asarray(on_order)
    return result if result.ndim else float(result)


def order_quantity(needed, case_pack, moq):
    """Round a need up to at least the MOQ, then up to whole cases; 0 when nothing is needed."""
    needed = np.asarray(needed, dtype=float)
    case = np.maximum(np.asarray(case_pack, dtype=float), 1)
    wanted = np.maximum(needed, np.asarray(moq, dtype=float))
    qty = np.ceil(wanted / case - EPSILON) * case
    result = np.where(needed > EPSILON, qty, 0).astype(np.int64)
    return result if result.ndim else int(result)


def stockout_day(today: date, cover: float) -> date | None:
    """today + days of cover (whole days); None when it never runs out at the current pace."""
    if cover is None or not np.isfinite(cover):
        return None
    return today + timedelta(days=int(cover))


def status(available, position, velocity, lead_days, safety_days, cover, order_soon_days, overstock_days):
    """Status codes (see ``STATUSES``) for arrays of SKUs (or one).

    out of stock: nothing sellable; order now: stock position at or under the
    reorder point; order soon: position under velocity × (lead + safety + the
    order-soon margin); overstock: more days of cover than the threshold.
    """
    available = np.asarray(available, dtype=float)
    position = np.asarray(position, dtype=float)
    velocity = np.asarray(velocity, dtype=float)
    horizon = np.asarray(lead_days, dtype=float) + np.asarray(safety_days, dtype=float)
    selling = velocity > 0
    result = np.select(
        [
            available <= 0,
            selling & (position <= velocity * horizon + EPSILON),
            selling & (position < velocity * (horizon + order_soon_days)),
            np.asarray(cover, dtype=float) > overstock_days,
        ],
        ["out", "now", "soon", "over"],
        default="healthy",
    )
    return result if result.ndim else str(result)


def days_of_supply(fba_units, units_sold, window_days: int):
    """Amazon-style historical days of supply: FBA units / average units sold per day (NaN without sales)."""
    sold = np.asarray(units_sold, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(sold > 0, np.asarray(fba_units, dtype=float) / (sold / window_days), np.nan)
    return result if result.ndim else float(result)

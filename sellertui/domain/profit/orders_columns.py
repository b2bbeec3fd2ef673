"""The P&L's order-line frame (``sources.orders_frame``) made from an import's columns, for the warming step.

Like the Orders tab's (``domain.orders.table_columns``): the fields are the
import's columns as they are and the sales are summed column by column, so an
import of 100k lines makes no dict per line for it. The frame is exactly
``orders_frame``'s; a column this does not read plainly sends the month the
per-record way.
"""

from __future__ import annotations

from datetime import tzinfo

from sellertui.domain.orders.table_columns import plain_money, sales_column
from sellertui.domain.profit.sources import local_days, orders_frame
from sellertui.store.columns import Columns

TEXT = ("id", "order_id", "sku", "currency", "marketplace", "channel", "status")
NONE = type(None)


def orders_frame_columns(docs, zone: tzinfo):
    """``orders_frame(docs, zone)`` of these records (a list of dicts, or ``Columns``), column by column."""
    if not isinstance(docs, Columns) or not docs.n or not _plain(docs):
        return orders_frame(docs if not isinstance(docs, Columns) else docs.dicts(), zone)
    import numpy as np
    import pandas as pd

    missing = [None] * docs.n

    def text(name: str) -> pd.Series:  # ``sources._text``: None as "", text as it is
        values = docs.columns.get(name, missing)
        return pd.Series([v or "" for v in values] if None in values else values, dtype=object)

    frame = pd.DataFrame({
        "id": text("id"), "order_id": text("order_id"), "sku": text("sku"),
        "day": local_days(docs.columns.get("purchase_date", missing), zone),
        "qty": pd.to_numeric(pd.Series(docs.columns.get("quantity", missing), dtype=object),
                             errors="coerce").fillna(0).astype("int64").to_numpy(),
        "sales_minor": sales_column(docs),
        "currency": text("currency"), "marketplace": text("marketplace"),
        "channel": text("channel"), "status": text("status"),
    })
    frame["currency"] = frame["currency"].where(frame["currency"] != "", "USD")
    return frame[~np.isnat(frame["day"].to_numpy())].reset_index(drop=True)


def _plain(docs: Columns) -> bool:
    """The money fields hold ints or None and the text fields text or None (``str()`` changes nothing)."""
    return plain_money(docs) and all(set(map(type, docs.columns.get(name, ()))) <= {str, NONE} for name in TEXT)

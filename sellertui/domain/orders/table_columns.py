"""The Orders tab's frame (``table.build_orders``) made from columns: an import's (warming) or a store file's.

An import of 100k order lines hands its months over as columns
(``store.columns.Columns``); making a dict per line only to read each field back
doubled the import. Here each field is a column as it is, and the sums are made
column by column. The frame is exactly ``build_orders``'s;
any column this does not read plainly (a nested shipment, an amount stored as
text) sends the whole month the per-record way.
"""

from __future__ import annotations

from sellertui.domain.orders.line_money import DISCOUNTS, PAID, sales_array
from sellertui.domain.orders.table import FIELDS, build_orders, local_times
from sellertui.store.columns import Columns

NONE = type(None)
# every field ``build_orders`` reads: all a store file is decoded for when the frame is made from it
READ = tuple(dict.fromkeys(("id", *FIELDS, "shipment", *PAID, *DISCOUNTS)))


def build_orders_columns(docs):
    """``build_orders`` of these records (a list of dicts, or ``Columns``): the same frame, column by column."""
    if not isinstance(docs, Columns) or not docs.n or not _plain(docs):
        return build_orders(docs if not isinstance(docs, Columns) else docs.dicts())
    import pandas as pd

    n, missing = docs.n, [None] * docs.n

    def column(name: str) -> list:
        return docs.columns.get(name, missing)

    frame = pd.DataFrame({name: column(name) for name in FIELDS})
    frame["tracking"] = [None] * n
    for money in ("item_price_minor", "shipping_price_minor", "promo_discount_minor", "quantity"):
        frame[money] = pd.to_numeric(frame[money], errors="coerce").fillna(0).astype("int64")
    frame["promo_discount_minor"] = -frame["promo_discount_minor"].abs()  # negative, as the report writes it
    frame["total_minor"] = sales_array(column)
    frame["when"] = local_times(frame["purchase_date"])
    return frame


def plain_money(docs: Columns) -> bool:
    """Every money field ``sales_of`` reads holds ints or None."""
    return all(set(map(type, docs.columns.get(name, ()))) <= {int, NONE} for name in (*PAID, *DISCOUNTS))


def _plain(docs: Columns) -> bool:
    """Every field this reads holds what the vectorised sums assume (else: per record)."""
    if any(value is not None for value in docs.columns.get("shipment", ())):
        return False
    return plain_money(docs)

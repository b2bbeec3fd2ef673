"""Order lines as a frame for the Orders tab, and the filter over it.

One row per order line (as the All Orders report has them). Timestamps are
shown in the machine's local time; the filter's words match the order id,
SKU, product, buyer, status and channel.
pandas and numpy are imported inside the functions: the UI imports this module
at start-up for its filter help, and start-up must not pay for pandas.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.domain.orders.buyers import blacklisted_ids
from sellertui.domain.orders.line_money import sales_of
from sellertui.domain.query import QueryError, parse, parse_day

FRAME_VERSION = 4  # 4: no joined search text (a quoted phrase joins the fields itself: search.OrderIndex)
FIELDS = ["id", "order_id", "purchase_date", "status", "channel", "sku", "product", "quantity", "currency",
          "item_price_minor", "shipping_price_minor", "promo_discount_minor", "buyer_id", "buyer_name", "ship_by"]
FILTERS = {"status", "channel", "sku", "buyer", "order", "from", "to", "flag"}
FILTER_HELP = N_("words, or status: channel: sku: buyer: order: from:YYYY-MM-DD to: flag:blacklisted")


def build_orders(docs: list[dict]):
    """Order lines → frame (one partition at a time; cached by FrameCache)."""
    import pandas as pd

    frame = pd.DataFrame({name: [d.get(name) for d in docs] for name in FIELDS})
    frame["tracking"] = [(d.get("shipment") or {}).get("tracking") for d in docs]
    for money in ("item_price_minor", "shipping_price_minor", "promo_discount_minor", "quantity"):
        frame[money] = pd.to_numeric(frame[money], errors="coerce").fillna(0).astype("int64")
    frame["promo_discount_minor"] = -frame["promo_discount_minor"].abs()  # negative, as the report writes it
    frame["total_minor"] = [sales_of(d) for d in docs]
    frame["when"] = local_times(frame["purchase_date"])
    return frame


def local_times(iso):
    """ISO timestamps (UTC) → 'YYYY-MM-DD HH:MM' in the local zone."""
    import pandas as pd

    if not len(iso):
        return iso.astype(str)
    moments = pd.to_datetime(iso, utc=True, errors="coerce").dt.tz_convert(clock.now().tzinfo)
    return moments.dt.strftime("%Y-%m-%d %H:%M")


def _frame_name() -> str:
    # local times are baked into the cached frames: the zone is part of their name
    return f"orders{clock.now().strftime('%z')}"


def orders_frame(cache, blacklisted: set[str], partitions: list[str] | None = None):
    """Order lines (through the shared FrameCache), with local times and blacklist flags."""
    from sellertui.domain.orders.table_columns import READ, build_orders_columns

    # only the fields the frame is made of are decoded, into columns (no dict per line, no other field parsed)
    frame = cache.frame("orders", build_orders_columns, name=_frame_name(), partitions=partitions,
                        version=FRAME_VERSION, fields=READ)
    return frame.assign(
        flagged=frame["buyer_id"].isin(blacklisted) if blacklisted else False)


def order_months(store) -> list[str]:
    """The months (YYYY-MM) that hold orders, oldest first."""
    return store["orders"].partitions()


def all_cached(shop) -> bool:
    """Whether every month's order lines are kept as frames (all of them read in a moment, none parsed)."""
    return shop.frames().cached("orders", _frame_name(), FRAME_VERSION)


def all_orders(shop, months: list[str] | None = None):
    """Every order line (or those placed in ``months``), flagged when its buyer is blacklisted."""
    frames = shop.frames()
    return orders_frame(frames, blacklisted_ids(shop.store, frames), partitions=months)


def orders_signature(shop) -> tuple:
    """The identity of the files ``all_orders`` reads (the orders, and the buyers for the flags): while it is
    unchanged, a frame read under it is still current."""
    from sellertui.store.views import files_signature

    return files_signature(shop.store, ("orders", "buyers"))


def read_ahead(shop) -> tuple[tuple, object] | None:
    """(the files' signature, every order line), read before the tab is built; None when some month's frame is
    not kept (the tab then shows the newest months first, as it does without a read ahead)."""
    if not all_cached(shop):
        return None
    signature = orders_signature(shop)  # taken first: a write during the read makes it stale, never wrongly fresh
    return signature, all_orders(shop)


def filter_orders(frame, text: str, within=None):
    """Positions of the order lines matching the filter text (None: no filter).

    ``within``: search only the rows at these positions (typing on narrows the last result); the positions
    returned are then into ``within``.
    """
    import numpy as np

    from sellertui.domain.orders.search import index_of

    query = parse(text, FILTERS)
    if query.empty:
        return None
    mask = index_of(frame).words_mask(query.words, within)

    def column(name: str):
        values = frame[name] if within is None else frame[name].take(within)
        return values if len(values) else values.astype(object)  # an empty frame's columns have no text type

    for name, value in query.terms.items():
        value_l = value.lower()
        if name in ("status", "channel"):
            mask &= column(name).fillna("").str.lower().str.startswith(value_l).to_numpy()
        elif name == "sku":
            mask &= column("sku").fillna("").str.lower().str.contains(value_l, regex=False).to_numpy()
        elif name == "buyer":
            mask &= column("buyer_name").fillna("").str.lower().str.contains(value_l, regex=False).to_numpy()
        elif name == "order":
            mask &= column("order_id").fillna("").str.startswith(value).to_numpy()
        elif name == "from":
            mask &= (column("when") >= parse_day(value, "from")).to_numpy()
        elif name == "to":
            mask &= (column("when").str[:10] <= parse_day(value, "to")).to_numpy()
        elif name == "flag":
            if value_l not in ("blacklisted", "yes"):
                raise QueryError(_("flag: wants flag:blacklisted"))
            mask &= column("flagged").to_numpy(dtype=bool)
    return np.flatnonzero(mask)


def search_ready(frame) -> None:
    """Build the filter's index of ``frame`` now (in a worker), so the first keystroke finds it built."""
    from sellertui.domain.orders.search import index_of

    index_of(frame).warm()


def lines_of(frame, order_id: str):
    return frame[frame["order_id"] == order_id]

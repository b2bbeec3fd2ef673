"""Buyers as the Orders tab lists them: each with how many orders, messages and returns they have.

pandas and numpy are imported inside the functions: only workers call them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellertui.domain.orders.message_list import stored_messages
from sellertui.domain.orders.table import orders_frame
from sellertui.domain.query import parse

FILTERS = {"tag", "blacklisted"}


@dataclass
class BuyerList:
    buyers: object  # pandas.DataFrame, one row per buyer with their counts
    orders: object  # the order lines that have a buyer (each buyer's history)
    messages: object  # every message
    returns: object  # every return case


def buyers_frame(people: list[dict], orders, messages, returns):
    """Buyer records → frame, with their count of orders, messages and returns and their last order.

    ``last_key`` sorts by last order with no ties (the buyer id breaks them), so
    the list comes in the same order every time.
    """
    import pandas as pd

    frame = pd.DataFrame({
        "id": [b["id"] for b in people], "name": [b.get("name") or b["id"] for b in people],
        "email": [b.get("email") or "" for b in people], "blacklisted": [bool(b.get("blacklisted")) for b in people],
        "tag_text": [", ".join(b.get("tags") or []) for b in people], "notes": [b.get("notes") or "" for b in people],
        "_rev": [b.get("_rev") for b in people],
    })
    counts = orders.groupby("buyer_id").agg(orders=("order_id", "nunique"), last_order=("purchase_date", "max"))
    frame = frame.join(counts, on="id")
    frame["orders"] = frame["orders"].fillna(0).astype(int)
    frame["last_key"] = frame["last_order"].fillna("") + "|" + frame["id"]
    frame["last_order"] = frame["last_order"].fillna("").str.slice(0, 10)
    frame["messages"] = frame["id"].map(messages.groupby("buyer_id").size()).fillna(0).astype(int) if len(messages) else 0
    frame["returns"] = frame["id"].map(returns.groupby("buyer_id").size()).fillna(0).astype(int) \
        if len(returns) and "buyer_id" in returns else 0
    frame["haystack"] = (frame["name"] + " " + frame["email"] + " " + frame["tag_text"]).str.lower()
    return frame


def buyer_list(shop) -> BuyerList:
    """Every buyer with their counts, and the orders, messages and returns behind them."""
    import pandas as pd

    orders = orders_frame(shop.frames(), set())
    orders = orders[orders["buyer_id"].notna()]
    messages = stored_messages(shop)
    returns = pd.DataFrame(shop.store["returns"].all())
    return BuyerList(buyers_frame(shop.store["buyers"].all(), orders, messages, returns), orders, messages, returns)


def filter_buyers(frame, text: str):
    """Positions of the buyers matching the filter text (None: no filter)."""
    import numpy as np

    query = parse(text, FILTERS)
    if query.empty:
        return None
    mask = np.ones(len(frame), dtype=bool)
    for word in query.words:
        mask &= frame["haystack"].str.contains(word, regex=False).to_numpy()
    if "tag" in query.terms:
        mask &= frame["tag_text"].str.lower().str.contains(query.terms["tag"].lower(), regex=False).to_numpy()
    if "blacklisted" in query.terms:
        mask &= frame["blacklisted"].to_numpy() == (query.terms["blacklisted"].lower() in ("yes", "true", "1"))
    return np.flatnonzero(mask)

"""What the P&L reads, as frames: order lines, settlement and Date Range lines, ad spend by day.

The big collections come through the shared ``FrameCache`` one month file at
a time, each through a lean builder (a few columns), so a reload after a
teammate's change re-reads only the month that changed and a new session
reads feather files instead of JSON. Days are local calendar days
(``datetime64[D]``); the zone is part of each cached frame's name.
Small collections (products, returns, expenses, promotions, rates, the hiring
plan) are read whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo

import numpy as np
import pandas as pd

from sellertui.core.i18n import N_
from sellertui import clock
from sellertui.domain.orders.line_money import DISCOUNTS, PAID, sales_array
from sellertui.domain.profit.codes import text_columns
from sellertui.domain.profit.lines import TRANSACTION_COLUMNS, classify, transaction_line
from sellertui.domain.profit.watched import WATCHES
from sellertui.store.columns import Columns
from sellertui.store.views import files_signature

VERSION = 2  # bump when a builder's output changes: frames cached on disk by older code are not reused


def local_days(stamps: list, zone: tzinfo) -> np.ndarray:
    """ISO timestamps (or dates) -> local calendar days; NaT where unreadable."""
    if not len(stamps):
        return np.array([], dtype="datetime64[D]")
    moments = pd.to_datetime(pd.Series(stamps, dtype=object), utc=True, errors="coerce", format="ISO8601")
    local = moments.dt.tz_convert(zone).dt.tz_localize(None)
    return local.to_numpy().astype("datetime64[D]")


def _text(values: list) -> pd.Series:
    """Each value as text ("" for None), held as Arrow text: what the frame's cached copy reads back as."""
    import pyarrow as pa

    try:  # text and None straight into Arrow, no Python string made per cell
        column = pa.array(values, type=pa.string()).fill_null("")
    except (pa.ArrowTypeError, pa.ArrowInvalid):  # a value of another type (an id stored as a number)
        column = pa.array(["" if v is None else v if type(v) is str else str(v) for v in values], type=pa.string())
    return pd.Series(pd.array(column, dtype="str"))


def _ints(values: list) -> np.ndarray:
    return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").fillna(0).astype("int64").to_numpy()


def columns_of(docs, fields: tuple[str, ...]) -> dict[str, list]:
    """The builders' input as lists: ``Columns`` (``store.fields``, an import's) as they are, dicts picked."""
    if isinstance(docs, Columns):
        missing = [None] * docs.n
        return {name: docs.columns.get(name, missing) for name in fields}
    return {name: [d.get(name) for d in docs] for name in fields}


ORDER_FIELDS = ("id", "order_id", "sku", "purchase_date", "quantity", "currency", "marketplace", "channel", "status",
                *PAID, *DISCOUNTS)


def orders_frame(docs, zone: tzinfo) -> pd.DataFrame:
    """Order lines: id, order_id, sku, day, qty, sales_minor (item + shipping − promotion), currency...

    ``docs``: the records as dicts or as ``Columns``; sales as ``line_money.sales_of`` adds them up."""
    get = columns_of(docs, ORDER_FIELDS).__getitem__
    frame = pd.DataFrame({
        "id": _text(get("id")), "order_id": _text(get("order_id")), "sku": _text(get("sku")),
        "day": local_days(get("purchase_date"), zone), "qty": _ints(get("quantity")),
        "sales_minor": sales_array(get),
        "currency": _text(get("currency")), "marketplace": _text(get("marketplace")),
        "channel": _text(get("channel")), "status": _text(get("status")),
    })
    frame["currency"] = frame["currency"].where(frame["currency"] != "", "USD")
    return frame[~np.isnat(frame["day"].to_numpy())].reset_index(drop=True)


def settlement_frame(docs: list[dict], zone: tzinfo) -> pd.DataFrame:
    """Settlement lines with the P&L line each belongs to."""
    memo: dict[tuple, str] = {}
    lines = []
    for d in docs:
        key = (d.get("transaction_type") or "", d.get("amount_type") or "", d.get("amount_description") or "")
        if key not in memo:
            memo[key] = classify(*key)
        lines.append(memo[key])
    get = lambda name: [d.get(name) for d in docs]  # noqa: E731
    frame = pd.DataFrame({
        "id": _text(get("id")), "settlement_id": _text(get("settlement_id")),
        "day": local_days(get("posted_date"), zone), "order_id": _text(get("order_id")), "sku": _text(get("sku")),
        "kind": _text(get("transaction_type")), "description": _text(get("amount_description")),
        "line": pd.Series(lines, dtype=object), "amount_minor": _ints(get("amount_minor")),
        "qty": _ints(get("quantity")), "currency": _text(get("currency")), "marketplace": _text(get("marketplace")),
    })
    frame["source"] = N_("settlement")  # stored English, shown translated
    return frame


def transactions_frame(docs: list[dict], zone: tzinfo) -> pd.DataFrame:
    """Date Range report rows, one row per money column that holds an amount (tax and transfers included)."""
    rows = []
    columns = (*TRANSACTION_COLUMNS, "other_minor")
    for d in docs:
        kind, what = d.get("type") or "", d.get("description") or ""
        quantity = d.get("quantity") or 0
        for column in columns:
            amount = d.get(column)
            if amount:
                rows.append((d.get("id") or "", str(d.get("settlement_id") or ""), d.get("posted_date"),
                             d.get("order_id") or "", d.get("sku") or "", kind, f"{column[:-6]}: {what}"[:80],
                             transaction_line(column, kind, what), int(amount),
                             quantity if column == "product_sales_minor" else 0,  # units count once
                             d.get("currency") or "USD", d.get("marketplace") or ""))
    names = ["id", "settlement_id", "day", "order_id", "sku", "kind", "description", "line", "amount_minor", "qty",
             "currency", "marketplace"]
    frame = pd.DataFrame(rows, columns=names)
    frame["day"] = local_days(list(frame["day"]), zone)
    for name in ("amount_minor", "qty"):
        frame[name] = frame[name].astype("int64")
    frame["source"] = N_("date range report")
    return frame


def ad_days_frame(frames) -> pd.DataFrame:
    """Ad spend by day, campaign, marketplace and currency: every ad product, counted once (``domain.ads.spend``:
    one report per row key and day, one kind of report per ad product and day, summary rows spread over their
    days to the cent), with the summary row's days for the spread ones (``span_first``..``span_last``)."""
    from sellertui.domain.ads.spend import spend_days

    days = spend_days(frames)
    return days[["day", "campaign", "marketplace", "currency", "spend_minor", "sales_minor", "rows", "ad_product",
                 "kind", "span_first", "span_last", "spread"]].assign(estimated=days["spread"].to_numpy(dtype=bool))


@dataclass
class Sources:
    """Everything the P&L is built from, read once per load."""

    orders: pd.DataFrame
    settlements: pd.DataFrame
    transactions: pd.DataFrame
    ads: pd.DataFrame
    products: dict[str, dict]
    returns: list[dict]
    expenses: list[dict]
    promotions: list[dict]
    rates: list[dict]
    summaries: list[dict]
    promo_schedule: list[dict]
    reimbursements: list[dict]
    postage_refunds: list[dict] = field(default_factory=list)  # shipping charges refunded on FBM orders
    signature: tuple = field(default=())  # the files read: a reload with the same one changes nothing
    fee_rates: object = None  # account_fees.FeeRates from the [profit] settings (None: no estimates)




def arrow_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its text as Arrow text, as its cached copy reads back: a frame just built holds Python
    strings, one read from disk Arrow text, and the ledger (kept for later processes too) was built of either.
    At 100k order lines the ids as Python strings are 15 MB of the kept ledger; as Arrow text, 6."""
    text = text_columns(frame)
    return frame.astype({c: "str" for c in text}) if text else frame


def load(store, frames) -> Sources:
    from sellertui.domain.promotions.fees import schedule

    zone = clock.now().tzinfo
    tag = clock.now().strftime("%z")

    def big(collection: str, build, name: str, fields: tuple[str, ...] = ()) -> pd.DataFrame:
        return arrow_text(frames.frame(collection, build, name=f"profit.{name}{tag}", version=VERSION, fields=fields))

    return Sources(
        orders=big("orders", lambda docs: orders_frame(docs, zone), "orders", fields=ORDER_FIELDS),
        settlements=big("settlements", lambda docs: settlement_frame(docs, zone), "settlements"),
        transactions=big("transactions", lambda docs: transactions_frame(docs, zone), "transactions"),
        ads=ad_days_frame(frames),
        products=dict(store["products"].docs()),
        returns=store["returns"].all(),
        expenses=store["expenses"].all(),
        promotions=store["promotions"].all(),
        rates=store["fx_rates"].all(),
        summaries=store["settlement_summaries"].all(),
        promo_schedule=schedule(store),
        reimbursements=store["reimbursements"].all(),
        postage_refunds=store["postage_refunds"].all(),
        signature=signature(store),
    )


def signature(store) -> tuple:
    """The identity of every file the P&L reads (a load with the same signature gives the same P&L)."""
    return files_signature(store, sorted(WATCHES))

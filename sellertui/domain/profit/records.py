"""The records behind one figure of the P&L: which orders, settlement lines, returns, expenses...

Picked from the ledger's sources for the period and line asked for, one row
per record (an expense's daily shares add up to its share of the period; ad
spend is one row per day and campaign), biggest first, with the amount in its
own currency and in the home currency.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from sellertui.core.i18n import _, label, shown
from sellertui.core.money import fmt
from sellertui.domain.profit.daily_sums import ORDER_AMOUNTS
from sellertui.domain.profit.ledger import Ledger
from sellertui.domain.profit.lines import KEYS
from sellertui.domain.profit.periods import bounds

COLUMNS = ["day", "line", "source", "collection", "ref", "sku", "note", "amount_minor", "currency", "home_minor",
           "estimated"]


def day_text(days) -> np.ndarray:
    return np.asarray(days).astype("datetime64[D]").astype(str)


def _within(frame: pd.DataFrame, first: date, last: date) -> pd.DataFrame:
    days = frame["day"].to_numpy()
    return frame[(days >= np.datetime64(first)) & (days <= np.datetime64(last))]


def _rows(picked: pd.DataFrame, line, source, collection, ref, sku, note, amount, currency, estimated,
          home) -> pd.DataFrame:
    """A records frame from columns (arrays or one value for every row), with the ledger's home amounts."""
    n = len(picked)
    full = lambda v: np.full(n, v, dtype=object) if np.isscalar(v) or v is None else np.asarray(v)  # noqa: E731
    amounts = np.asarray(amount, dtype=float)
    currencies = full(currency).astype(object)
    return pd.DataFrame({
        "day": day_text(picked["day"]), "line": full(line), "source": full(source), "collection": full(collection),
        "ref": full(ref), "sku": full(sku), "note": full(note), "amount_minor": amounts.round().astype("int64"),
        "currency": currencies,
        "home_minor": np.full(n, np.nan) if np.isscalar(home) else np.asarray(home, dtype=float),
        "estimated": np.full(n, estimated, dtype=bool) if np.isscalar(estimated) else np.asarray(estimated)})


def _orders(ledger: Ledger, first: date, last: date, line: str) -> pd.DataFrame:
    orders = _within(ledger.orders, first, last)
    amounts = orders[line].to_numpy(dtype=float)
    picked = orders[~np.isnan(amounts) & (amounts != 0)]
    qty = picked["qty"].to_numpy()
    if line == "sales":
        words = _("{qty} unit(s) ordered ({channel})")
        notes = [words.format(qty=q, channel=c) for q, c in zip(qty, picked["channel"])]
    elif line == "referral":
        words = _("referral {pct}% of the sale (fee table)")
        notes = [words.format(pct=f"{p:g}") for p in picked["pct"]]
    elif line == "fulfilment":
        words = _("FBA fee {fee} × {qty} (fee table)")
        notes = [words.format(fee=fmt(int(u), c), qty=q)
                 for u, q, c in zip(picked["unit_fee"], qty, picked["currency"])]
    else:
        words = _("{qty} × landed {cost}")
        notes = [words.format(qty=q, cost=fmt(int(u), c))
                 for q, u, c in zip(qty, picked["unit_cost"], picked["cost_currency"])]
    currency = picked["cost_currency"] if line == "cogs" else picked["currency"]
    return _rows(picked, line, ORDER_AMOUNTS[line], "orders", picked["id"], picked["sku"], notes,
                 picked[line].to_numpy(), currency.to_numpy(), line in ("referral", "fulfilment"),
                 picked[f"{line}_home"].to_numpy())


def _actual(ledger: Ledger, first: date, last: date, lines: tuple[str, ...]) -> pd.DataFrame:
    actual = _within(ledger.actual, first, last)
    picked = actual[actual["line"].isin(lines).to_numpy() & (actual["amount_minor"] != 0).to_numpy()]
    notes = (picked["kind"].astype(object) + ": " + picked["description"].astype(object)).to_numpy()
    collection = np.where(picked["source"] == "settlement", "settlements", "transactions")
    return _rows(picked, picked["line"].to_numpy(), picked["source"].to_numpy(), collection, picked["id"],
                 picked["sku"], notes, picked["amount_minor"].to_numpy(), picked["currency"].to_numpy(), False,
                 picked["home_minor"].to_numpy())


def _ads(ledger: Ledger, first: date, last: date) -> pd.DataFrame:
    from sellertui.domain.ads.spend import KIND_NAMES, collection_of

    picked = _within(ledger.ads, first, last)
    refs = [f"{d} · {p} · {c}" for d, p, c in zip(day_text(picked["day"]), picked["ad_product"], picked["campaign"])]
    rows_of = _("{n} row(s) of {kind}")
    share = _("{n} row(s) of {kind}, this day's share of a summary row {first}..{last}")
    notes = [(share if s else rows_of).format(n=n, kind=label(KIND_NAMES, k), first=a, last=b)
             for n, k, s, a, b in zip(picked["rows"], picked["kind"], picked["spread"], picked["span_first"],
                                      picked["span_last"])]
    collections = [collection_of(k) for k in picked["kind"]]
    return _rows(picked, "ads", "ad reports", collections, refs, "", notes, -picked["spend_minor"].to_numpy(),
                 picked["currency"].to_numpy(), picked["spread"].to_numpy(dtype=bool), picked["home_minor"].to_numpy())


def _small(ledger: Ledger, first: date, last: date, lines: tuple[str, ...]) -> pd.DataFrame:
    small = ledger.entries_between(first, last)
    picked = small[small["line"].isin(lines).to_numpy()]
    if not len(picked):
        return pd.DataFrame(columns=COLUMNS)
    keys = ["collection", "ref", "line", "source", "sku", "note", "currency", "estimated"]
    grouped = picked.groupby(keys, sort=False, dropna=False).agg(
        day=("day", "min"), amount_minor=("amount_minor", "sum"),
        home_minor=("home_minor", lambda v: v.sum(min_count=1))).reset_index()
    return _rows(grouped, grouped["line"].to_numpy(), grouped["source"].to_numpy(),
                 grouped["collection"].to_numpy(), grouped["ref"], grouped["sku"], grouped["note"],
                 grouped["amount_minor"].to_numpy(), grouped["currency"].to_numpy(), grouped["estimated"].to_numpy(),
                 grouped["home_minor"].to_numpy())


def records(ledger: Ledger, period: str, grain: str, line: str) -> pd.DataFrame:
    """The records behind ``line`` (a P&L line, ``net``/``margin``, ``units`` or ``orders``) in ``period``."""
    first, last = bounds(period, grain)
    return records_between(ledger, first, last, line)


def records_between(ledger: Ledger, first: date, last: date, line: str) -> pd.DataFrame:
    """The records behind ``line`` on the days from ``first`` to ``last`` (a period, a tile)."""
    last = min(last, ledger.today)
    if line in ("units", "orders"):
        picked = _within(ledger.volume, first, last)
        refs = (picked["order_id"].astype(object) + "/" + picked["sku"].astype(object)).to_numpy()
        out = _rows(picked, line, _("orders"), "orders", refs, picked["sku"],
                    [_("{qty} unit(s)").format(qty=q) for q in picked["qty"]], picked["qty"].to_numpy(), "", False,
                    np.nan)
        return out.sort_values("day", kind="stable").reset_index(drop=True)
    lines = KEYS if line in ("net", "margin") else (line,)
    parts = [_orders(ledger, first, last, key) for key in ORDER_AMOUNTS if key in lines]
    parts.append(_actual(ledger, first, last, lines))
    if "ads" in lines:
        parts.append(_ads(ledger, first, last))
    parts.append(_small(ledger, first, last, lines))
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["source"] = [shown(s) for s in out["source"]]  # stored English, shown in the current language
    order = np.argsort(-np.abs(out["home_minor"].fillna(out["amount_minor"]).to_numpy()), kind="stable")
    return out.iloc[order].reset_index(drop=True)

"""Entries kept per month and spread over its days only when asked: estimated storage and subscription.

Storage is estimated per SKU and month; spread into one entry per SKU and
day it was 2,000 SKUs × 700 days = 1.4M rows at the large demo's size, most
of the ledger's memory and a third of its build. So the ledger keeps one row
per SKU and month (``day`` is the month's first day, ``amount_minor`` the
month's whole amount, ``home_minor`` its converted whole) and works out a
run of days exactly as the daily entries would have added up
(``core.split.share``: floor(a × end ÷ n) − floor(a × start ÷ n) of the
amount's size, its sign kept), so every figure is the same to the cent.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd


def _bounds(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each entry's month start (datetime64[D]) and its number of days."""
    start = frame["day"].to_numpy().astype("datetime64[M]")
    days = ((start + 1).astype("datetime64[D]") - start.astype("datetime64[D]")).astype("int64")
    return start.astype("datetime64[D]"), days


def _cum(amounts: np.ndarray, steps: np.ndarray, days: np.ndarray) -> np.ndarray:
    """floor(|a| × k ÷ n) with a's sign: the running total of a spread amount after k days."""
    size = np.abs(amounts).astype("int64")
    return np.sign(amounts).astype("int64") * (size * steps // days)


def within(frame: pd.DataFrame, first: date, last: date) -> pd.DataFrame:
    """The entries' parts on the days ``first``..``last``: one row per entry whose part is not zero, dated on
    the first day of the run its part falls on (as the earliest of its daily entries would be)."""
    if not len(frame):
        return frame
    start, days = _bounds(frame)
    lo = np.maximum((np.datetime64(first, "D") - start).astype("int64"), 0)
    hi = np.minimum((np.datetime64(last, "D") - start).astype("int64"), days - 1)
    overlap = hi >= lo
    frame, start, days, lo, hi = frame[overlap], start[overlap], days[overlap], lo[overlap], hi[overlap]
    amounts = frame["amount_minor"].to_numpy(dtype="int64")
    part = _cum(amounts, hi + 1, days) - _cum(amounts, lo, days)
    home = frame["home_minor"].to_numpy(dtype=float) if "home_minor" in frame else np.full(len(frame), np.nan)
    known = ~np.isnan(home)
    whole = np.where(known, home, 0).astype("int64")
    home_part = np.where(known, _cum(whole, hi + 1, days) - _cum(whole, lo, days), np.nan)
    # the first day at or after lo whose share is not zero: the smallest k with floor(|a| k / n) > floor(|a| lo / n)
    size = np.abs(amounts)
    reached = size * lo // days + 1
    first_day = np.maximum(lo, -(-(reached * days) // np.maximum(size, 1)) - 1)
    keep = part != 0
    out = frame.assign(day=start + first_day, amount_minor=part, home_minor=home_part)
    return out[keep].reset_index(drop=True)


def daily(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The entries spread over their months and summed by day and ``keys``: day, *keys, amount, home_minor
    (NaN where no entry of the day has a home amount), only days whose sum of shares is not zero."""
    columns = ["day", *keys, "amount", "home_minor"]
    if not len(frame):
        return pd.DataFrame(columns=columns)
    start, days = _bounds(frame)
    groups = frame.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    amounts = frame["amount_minor"].to_numpy(dtype="int64")
    home = frame["home_minor"].to_numpy(dtype=float)
    known = ~np.isnan(home)
    whole = np.where(known, home, 0).astype("int64")
    out = []
    # one (month, group) at a time: its entries' running totals summed, then told apart day by day
    for (month, _), at in pd.Series(np.arange(len(frame))).groupby([start, groups], sort=True).indices.items():
        n = int(days[at[0]])
        steps = np.arange(n + 1, dtype="int64")[None, :]
        shares = np.diff(_cum(amounts[at][:, None], steps, n).sum(axis=0))
        nonzero = np.flatnonzero(shares)
        if not len(nonzero):
            continue
        home_shares = np.diff(_cum(whole[at][:, None], steps, n).sum(axis=0)).astype(float)
        part = pd.DataFrame({"day": np.datetime64(month, "D") + nonzero, "amount": shares[nonzero],
                             "home_minor": home_shares[nonzero] if known[at].any() else np.nan})
        for key in keys:
            part[key] = frame[key].iat[at[0]]
        out.append(part)
    if not out:
        return pd.DataFrame(columns=columns)
    return pd.concat(out, ignore_index=True)[columns]

"""Into the home currency, once: the one conversion every figure of the P&L, tiles and per-SKU view uses.

The amounts of one line in one currency and one month are converted as one
sum at that month's rate and rounded once (``Sales · Oct · CAD 1,234.56 ×
0.7342 = $906.41``). That converted total is then shared back over the
entries it came from by the largest remainder (credits and debits each over
their own), so every entry carries its home amount in whole cents and any
figure — a month, a week, a tile, a SKU, the records behind a number — is a
sum of the same converted entries: they all add up to each other to the cent.
Home-currency entries are their own amounts; entries without a rate are NaN
(left out of the totals and flagged).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sellertui.domain.profit.fx import Rates, factor


def _round(values: np.ndarray) -> np.ndarray:
    """Half away from zero, like money.to_minor."""
    return np.sign(values) * np.floor(np.abs(values) + 0.5)


def _share(groups: np.ndarray, totals: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each group's whole total shared over its rows by weight (>= 0), leftover units to the largest remainders.

    ``totals`` is the group's total repeated on each of its rows; the vectorised form of
    ``core.money.split_largest_remainder`` for many groups at once.
    """
    n = len(groups)
    if not n:
        return np.zeros(0, dtype="int64")
    frame = pd.DataFrame({"g": groups, "w": weights.astype(float)})
    weight_sum = frame.groupby("g", sort=False)["w"].transform("sum").to_numpy()
    even = weight_sum == 0
    size = frame.groupby("g", sort=False)["w"].transform("size").to_numpy()
    exact = np.where(even, totals / np.maximum(size, 1), totals * frame["w"].to_numpy() / np.where(even, 1, weight_sum))
    base = np.floor(exact)
    left = totals - pd.Series(base).groupby(groups, sort=False).transform("sum").to_numpy()
    order = np.lexsort((np.arange(n), -(exact - base), groups))
    ranked = np.empty(n, dtype="int64")
    sorted_groups = groups[order]
    starts = np.r_[0, np.flatnonzero(sorted_groups[1:] != sorted_groups[:-1]) + 1]
    position = np.arange(n) - np.repeat(starts, np.diff(np.r_[starts, n]))
    ranked[order] = position
    return (base + (ranked < left)).astype("int64")


def home_amounts(months: np.ndarray, currencies: np.ndarray, lines: np.ndarray, amounts: np.ndarray,
                 rates: Rates) -> tuple[np.ndarray, dict]:
    """The home amount of every entry (float: NaN where no rate), and the rate used per (month, currency)."""
    amounts = np.asarray(amounts, dtype="int64")
    home = amounts.astype(float)
    currencies = np.asarray(currencies, dtype=object)
    foreign = currencies != rates.home
    found = {}
    if not foreign.any():
        return home, found
    idx = np.flatnonzero(foreign)
    # object columns kept as they are: as Arrow text, every entry's strings would be made again
    frame = pd.DataFrame({"month": pd.Series(np.asarray(months, dtype=object)[idx], dtype=object),
                          "currency": pd.Series(currencies[idx], dtype=object),
                          "line": pd.Series(np.asarray(lines, dtype=object)[idx], dtype=object), "amount": amounts[idx]})
    for month, currency in set(zip(frame["month"], frame["currency"])):
        found[(month, currency)] = rates.find(month, currency)
    multiplier = np.array([np.nan if found[(m, c)].rate is None else float(factor(found[(m, c)].rate, c, rates.home))
                           for m, c in zip(frame["month"], frame["currency"])])
    credit = frame["amount"].to_numpy() >= 0
    group = frame.groupby(["month", "currency", "line"], sort=False).ngroup().to_numpy()
    value = frame["amount"].to_numpy(dtype=float)
    positive = pd.Series(np.where(credit, value, 0)).groupby(group).transform("sum").to_numpy()
    total = pd.Series(value).groupby(group).transform("sum").to_numpy()
    credits = _round(positive * multiplier)
    debits = _round(total * multiplier) - credits  # so the group's two parts add up to its one conversion
    known = ~np.isnan(multiplier)
    out = np.full(len(frame), np.nan)
    for side, side_total, sign in ((credit, credits, 1), (~credit, -debits, -1)):
        pick = known & side
        if pick.any():
            out[pick] = sign * _share(group[pick], side_total[pick], np.abs(value[pick]))
    home[idx] = out
    return home, found

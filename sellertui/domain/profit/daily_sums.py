"""Every amount of the ledger converted once and summed by day, line and currency, as plain arrays.

Half a million entries (four amounts per order line, ad spend, small and
monthly entries) are held as one array per column: the day, small codes for
the line, source and currency (one set of categories across all the sources),
the amount and its home amount. No frame of them is made, copied or filtered
whole: that took the ledger's build ~110 MB above what it keeps (a frame per
source with text columns, their categorical copies, the concatenation, two
filtered copies, and the grouping's hash tables), the P&L's peak memory.
Every figure is what ``groupby(keys, sort=False, observed=True).sum(min_count=1)``
over those frames gave, groups in the same order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sellertui.core.i18n import N_
from sellertui.domain.profit import monthly as per_month
from sellertui.domain.profit.codes import month_of
from sellertui.domain.profit.convert import home_amounts
from sellertui.domain.profit.fx import Rates

DAILY = ["day", "line", "source", "estimated", "currency", "amount_minor", "month", "home_minor"]
# where each order amount comes from (shown translated)
ORDER_AMOUNTS = {"sales": N_("orders"), "referral": N_("orders + fee table"), "fulfilment": N_("orders + fee table"),
                 "cogs": N_("orders + landed cost")}
TEXT = ("line", "source", "currency")


class _Text:
    """One text column of every entry as codes into categories shared by all the sources: each source's
    column factorised as it is (Arrow text stays Arrow, a repeated word is one value), only its few distinct
    values merged."""

    def __init__(self) -> None:
        self.pieces: list[tuple[np.ndarray | None, np.ndarray, int]] = []  # (codes, distinct values, rows)

    def add(self, column, rows: int) -> None:
        if isinstance(column, str):  # the same word on every row (no word when there are no rows)
            self.pieces.append((None, np.array([column] if rows else [], dtype=object), rows))
        else:
            codes, uniques = pd.factorize(column)
            self.pieces.append((codes, np.asarray(uniques, dtype=object), rows))

    def codes(self) -> tuple[np.ndarray, pd.Index]:
        distinct = [values for _, values, _ in self.pieces]
        categories = pd.Index(pd.unique(np.concatenate(distinct)) if distinct else [], dtype=object)
        out = np.empty(sum(rows for _, _, rows in self.pieces), dtype=np.min_scalar_type(-len(categories) - 1))
        start = 0
        for codes, values, rows in self.pieces:
            where = categories.get_indexer(values)
            if codes is None:
                out[start:start + rows] = where[0] if rows else -1
            else:
                out[start:start + rows] = np.where(codes < 0, -1, where[codes] if len(where) else -1)
            start += rows
        return out, categories


def _entries(ledger) -> tuple[list[tuple[str, str | None, int]], dict]:
    """Every amount of the ledger: (where it is kept, its line, its number of rows) of each source in order
    (the order lines' four amounts, then the settlement lines, small entries, ad spend and monthly entries),
    and the columns of all of them: day, estimated, amount, keep, and (codes, categories) of line, source
    and currency."""
    sources, days, estimated, amounts, keep = [], [], [], [], []
    text = {name: _Text() for name in TEXT}
    priced = ledger.orders
    for line, source in ORDER_AMOUNTS.items():
        if not len(priced):
            break
        values = priced[line].to_numpy(dtype=float)
        present = ~np.isnan(values)
        n = len(priced)
        sources.append(("orders", line, n))
        days.append(priced["day"].to_numpy().astype("datetime64[D]"))
        text["line"].add(line, n)
        text["source"].add(source, n)
        text["currency"].add(priced["cost_currency" if line == "cogs" else "currency"].array, n)
        estimated.append(np.full(n, line in ("referral", "fulfilment")))
        amounts.append(np.where(present, values, 0).astype("int64"))
        keep.append(present)
    for where, frame in (("actual", ledger.actual), ("small", ledger.small), ("ads", ledger.ads),
                         ("monthly", ledger.monthly)):
        ads, n = where == "ads", len(frame)
        sources.append((where, None, n))
        days.append(frame["day"].to_numpy().astype("datetime64[D]"))
        text["line"].add("ads" if ads else frame["line"].array, n)
        text["source"].add(N_("ad reports") if ads else frame["source"].array, n)
        text["currency"].add(frame["currency"].array, n)
        estimated.append(frame["estimated"].to_numpy(dtype=bool) if "estimated" in frame else np.zeros(n, bool))
        amounts.append((-frame["spend_minor"] if ads else frame["amount_minor"]).to_numpy(dtype="int64"))
        keep.append(np.ones(n, dtype=bool))
    columns = {"day": np.concatenate(days), "estimated": np.concatenate(estimated),
               "amount": np.concatenate(amounts), "keep": np.concatenate(keep)}
    del days, estimated, amounts, keep
    for name, made in text.items():
        columns[name] = made.codes()
    return sources, columns


def convert_and_sum(ledger, rates: Rates) -> pd.DataFrame:
    """Give every entry its home amount (one conversion, ``convert``) and sum them by day, line and currency."""
    for line in ORDER_AMOUNTS:  # present even when there are no orders
        ledger.orders[f"{line}_home"] = np.full(len(ledger.orders), np.nan)
    for where in ("actual", "small", "ads", "monthly"):
        setattr(ledger, where, getattr(ledger, where).assign(home_minor=np.nan))
    parts, every = _entries(ledger)
    if not len(every["day"]):
        return pd.DataFrame(columns=DAILY)
    kept = every.pop("keep")
    home = np.full(len(kept), np.nan)
    home[kept] = every["amount"][kept]
    # only entries in another currency are converted; the home currency's are their own amounts
    currency, currencies = every["currency"]
    foreign = kept & ((currency != currencies.get_indexer([rates.home])[0]) | (currency < 0))
    if foreign.any():
        at = np.flatnonzero(foreign)
        home[at], found = home_amounts(month_of(every["day"][at]), _shown(every["currency"], at),
                                       _shown(every["line"], at), every["amount"][at], rates)
        ledger.rates.update(found)
    start = 0
    for where, line, rows in parts:
        _keep_home(ledger, where, line, home[start:start + rows])
        start += rows
    # the monthly entries are converted whole (above) and summed as their daily shares, after the others
    kept[len(kept) - len(ledger.monthly):] = False
    text = {name: every[name] for name in TEXT}
    summed = _summed(every["day"], {name: codes for name, (codes, _) in text.items()}, every["estimated"],
                     every["amount"], home, kept)
    del every, home, kept
    at = summed.pop("at")
    codes = {name: text[name][0][at] for name in TEXT}
    categories = {name: text[name][1] for name in TEXT}
    by_day = per_month.daily(ledger.monthly, ["line", "source", "estimated", "currency"])
    if len(by_day):  # the days' sums and the monthly entries' shares summed again, groups in the same order
        for name in TEXT:  # one set of categories: the new words after the others
            shown = by_day[name].to_numpy(dtype=object)
            categories[name] = categories[name].append(pd.Index(pd.unique(shown), dtype=object)).unique()
            # the groups' codes (a few thousand) widened: a new word could pass what the entries' small codes hold
            codes[name] = np.concatenate([codes[name].astype("int32"), categories[name].get_indexer(shown)])
        summed = _summed(np.concatenate([summed["day"], by_day["day"].to_numpy().astype("datetime64[D]")]), codes,
                         np.concatenate([summed["estimated"], by_day["estimated"].to_numpy(dtype=bool)]),
                         np.concatenate([summed["amount"], by_day["amount"].to_numpy(dtype="int64")]),
                         np.concatenate([summed["home"], by_day["home_minor"].to_numpy(dtype=float)]))
        at = summed.pop("at")
        codes = {name: codes[name][at] for name in TEXT}
    return pd.DataFrame({
        "day": pd.Series(summed["day"]).astype("datetime64[s]"), "line": _text(codes["line"], categories["line"]),
        "source": _text(codes["source"], categories["source"]), "estimated": summed["estimated"],
        "currency": _text(codes["currency"], categories["currency"]), "amount_minor": summed["amount"],
        "month": pd.Series(month_of(summed["day"]), dtype="str"),
        "home_minor": summed["home"]})


def _summed(day, codes: dict, estimated, amount, home, take=None) -> dict[str, np.ndarray]:
    """The entries (those ``take`` picks) summed by day, line, source, estimated and currency, groups in order
    of first appearance, entries with a missing key left out; a group's home sum NaN when none of its entries
    has one. Each entry's group is worked out from the keys' codes in one number. The groups' day,
    estimated, amount and home, and ``at``: each group's first entry."""
    present = ~np.isnat(day) & np.logical_and.reduce([codes[name] >= 0 for name in TEXT])
    if take is not None:
        present &= take
    number = day.astype("int64")
    for key in (codes["line"], codes["source"], estimated, codes["currency"]):
        number *= int(key.max(initial=0)) + 1  # in place: no temporary of every entry
        number += key
        if len(number) and number.max() > 2**40:  # renumbered before it could outgrow 64 bits
            number = _first_seen(number)
    at = np.flatnonzero(present)
    del present
    number = number[at]  # the entries summed only: the whole array goes before the groups are numbered
    group = _first_seen(number)
    del number
    # groups are numbered in order of first appearance: a group's first entry is where the numbering grows
    highest = np.maximum.accumulate(group)
    firsts = np.flatnonzero(np.r_[len(group) > 0, highest[1:] > highest[:-1]])
    del highest
    count = len(firsts)
    sums = np.zeros(count, dtype="int64")
    np.add.at(sums, group, amount[at])
    home = home[at]
    known = ~np.isnan(home)
    # whole cents: exact in any order. Every entry with a home amount (the usual case): no filtered copies
    if known.all():
        home_sums = np.bincount(group, weights=home, minlength=count).astype(float)
    else:  # (no weights at all give whole numbers: as floats, so a group without one can be NaN)
        group = group[known]
        home_sums = np.bincount(group, weights=home[known], minlength=count).astype(float)
        home_sums[np.bincount(group, minlength=count) == 0] = np.nan
    at = at[firsts]
    return {"at": at, "day": day[at], "estimated": estimated[at], "amount": sums, "home": home_sums}


def _first_seen(values: np.ndarray, step: int = 1 << 15) -> np.ndarray:
    """Each value's number in order of first appearance (``pd.factorize``'s codes), a slice at a time: a hash
    table sized for half a million entries is ~16 MB at the P&L's peak, where a few thousand groups need one
    of a slice's size. Each slice's distinct values, in order, are numbered together after."""
    group = np.empty(len(values), dtype=np.int64)
    distinct = []
    for start in range(0, len(values), step):
        codes, uniques = pd.factorize(values[start:start + step])
        group[start:start + step] = codes
        distinct.append(uniques)
    if len(distinct) < 2:
        return group
    numbered = pd.factorize(np.concatenate(distinct))[0]  # first appearance across the slices, in slice order
    offset = 0
    for start, uniques in zip(range(0, len(values), step), distinct):
        group[start:start + step] = numbered[offset:offset + len(uniques)][group[start:start + step]]
        offset += len(uniques)
    return group


def _shown(column: tuple[np.ndarray, pd.Index], at: np.ndarray) -> np.ndarray:
    """The text of the entries ``at`` (NaN where missing), as a categorical column's values are."""
    codes = column[0][at]
    shown = np.asarray(column[1], dtype=object)[np.maximum(codes, 0)] if len(column[1]) else \
        np.full(len(at), np.nan, dtype=object)
    if (codes < 0).any():
        shown[codes < 0] = np.nan
    return shown


def _text(codes: np.ndarray, categories: pd.Index) -> pd.Series:
    return pd.Series(np.asarray(categories, dtype=object)[codes], dtype="str")


def _keep_home(ledger, where: str, line: str | None, home: np.ndarray) -> None:
    """Keep the home amounts beside the entries they belong to (the records and per-SKU views read them)."""
    if where == "orders":
        ledger.orders[f"{line}_home"] = home
    else:
        setattr(ledger, where, getattr(ledger, where).assign(home_minor=home))

"""Ad spend that comes from spreading a summary report row over its days: where it makes a figure an estimate.

A summary ads report gives one figure for a range of days. The ledger spreads
it evenly, to the cent (``domain.ads.spend``). A period that holds the whole
range holds the report's exact figure; a period that holds only part of it
(a month of a 61-day report, a week of a monthly one) holds an even share,
which is an estimate: it is marked ``~``, and its working says how much and
from which reports' days.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from sellertui.core.i18n import _
from sellertui.core.money import fmt
from sellertui.domain.profit.periods import bounds, period_of


def _spread_rows(ads: pd.DataFrame) -> pd.DataFrame:
    if not len(ads) or "spread" not in ads:
        return ads.iloc[:0]
    return ads[ads["spread"].to_numpy(dtype=bool)]


def marked(ads: pd.DataFrame, periods: list[str], grain: str) -> list[bool]:
    """Per period: does its ad spend hold part of a summary row that reaches past the period?"""
    spread = _spread_rows(ads)
    if not len(spread):
        return [False] * len(periods)
    unique = spread[["day", "span_first", "span_last"]].drop_duplicates()
    found = set()
    for day, first, last in zip(unique["day"].to_numpy(), unique["span_first"], unique["span_last"]):
        period = period_of(pd.Timestamp(day).date(), grain)
        start, end = bounds(period, grain)
        if first < start.isoformat() or last > end.isoformat():
            found.add(period)
    return [p in found for p in periods]


def note(ledger, first: date, last: date) -> str | None:
    """The working's sentence for ad spend of ``first``..``last`` that is part of a summary row reaching past it."""
    spread = _spread_rows(ledger.ads)
    if not len(spread):
        return None
    days = spread["day"].to_numpy()
    inside = (days >= np.datetime64(first)) & (days <= np.datetime64(last))
    crossing = (spread["span_first"].to_numpy() < first.isoformat()) | (spread["span_last"].to_numpy() > last.isoformat())
    picked = spread[inside & crossing]
    if not len(picked):
        return None
    amount = picked["home_minor"].to_numpy(dtype=float)  # the entry (-spend) as converted once, with the rest
    spans = sorted(set(zip(picked["span_first"], picked["span_last"])))
    listed = _(", ").join(f"{a}..{b}" for a, b in spans[:3])
    if len(spans) > 3:
        listed = _("{spans} and {n} more").format(spans=listed, n=len(spans) - 3)
    return _("~ ad spend: {amount} of it is these days' share of summary report rows covering {spans}. The reports "
             "give one figure for all their days, so it is spread evenly over them (to the cent, largest remainder); "
             "a period holding a report's whole range holds its exact figure.").format(
        amount=fmt(int(np.nansum(amount)), ledger.home), spans=listed)

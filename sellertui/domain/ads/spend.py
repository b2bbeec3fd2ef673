"""Ad spend by day, SP, SB and SD together, every cent once: what the P&L and TACoS read.

The same ads appear in several reports: a search-term report, a targeting
report and an advertised product report of the same days all carry the same
spend, broken down differently. So, per ad product, marketplace and day, one
kind of report counts: a kind with a daily report of that day first (exact
days beat an even spread), then the most complete breakdown: advertised
products, then targeting, then search terms. Within a kind, one report counts
per row key and day (``days.counted``). Summary rows are spread over their
days by largest remainder; each day says whether it is such a share
(``spread``) and the summary row's days (``span_first``..``span_last``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sellertui.core.i18n import N_
from sellertui.domain.ads.days import covered_days, day_number, iso, merge, outside, per_day, subtract
from sellertui.domain.ads.layouts import PRODUCTS, SEARCH_TERMS, TARGETING
from sellertui.domain.ads.rows import AdRows
from sellertui.domain.ads.window import Window

ORDER = (PRODUCTS, TARGETING, SEARCH_TERMS)  # the most complete breakdown first
METRICS = ("spend_minor", "sales_minor", "orders", "clicks")
KEYS = ["day", "ad_product", "marketplace", "campaign", "currency", "span_first", "span_last", "spread", "kind"]
RUN = ["ad_product", "marketplace", "campaign", "currency", "first", "last", "row_first", "row_last", *METRICS]
KIND_NAMES = {"advertised_products": N_("advertised product reports"), "targeting": N_("targeting reports"),
              "search_terms": N_("search term reports")}  # translated where shown


def collection_of(kind: str) -> str:
    """The collection whose rows a kind of report's spend comes from (for the records behind a figure)."""
    return next((layout.collection for layout in ORDER if layout.report == kind), "search_terms")


def counted_runs(frames, window: Window | None = None) -> pd.DataFrame:
    """The counted runs of days of every kind, each day left to the kind that answers for it (``assign``)."""
    kinds = {}
    for layout in ORDER:
        data = AdRows(frames, layout, lean=window is None)  # a window shares the Ads views' frames; all time: lean
        reports = data.reports()
        # only what the spend by day reads of a run: the rows' text (report, key, terms) would be copied on
        kinds[layout.report] = (reports, data.pieces(window, reports)[RUN].assign(kind=layout.report))
    assigned = assign({kind: reports for kind, (reports, _) in kinds.items()})
    parts = []
    for kind, (_, pieces) in kinds.items():
        others: dict = {}
        for other, groups in assigned.items():
            if other != kind:
                for group, runs in groups.items():
                    others.setdefault(group, []).extend(runs)
        mine = outside(pieces, others)
        if len(mine):
            parts.append(mine)
    if not parts:
        return pd.DataFrame(columns=[*RUN, "kind"])
    pieces = pd.concat(parts, ignore_index=True)
    if window is not None:
        first = np.maximum(pieces["first"].to_numpy(), day_number(window.start))
        last = np.minimum(pieces["last"].to_numpy(), day_number(window.end))
        pieces = pieces.assign(first=first, last=last)[first <= last]
    return pieces


def assign(reports: dict[str, pd.DataFrame]) -> dict[str, dict[tuple[str, str], list[tuple[int, int]]]]:
    """kind -> (ad product, marketplace) -> the days that kind answers for (every covered day goes to one kind)."""
    assigned: dict[str, dict] = {kind: {} for kind in reports}
    taken: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for kind, layout in preference():
        frame = reports[kind]
        picked = frame if layout == "summary" else frame[(frame["layout"] == layout).to_numpy()]
        for group, runs in covered_days(picked, {kind}).items():
            free = [r for run in runs for r in subtract(run, taken.get(group, []))]
            if free:
                assigned[kind].setdefault(group, []).extend(free)
                taken[group] = merge(taken.get(group, []) + free)
    return assigned


def preference() -> list[tuple[str, str]]:
    """(kind, layout) in the order days are given out: kinds with a daily report of the day first, then any
    report of the day; the most complete breakdown first within each."""
    return [(layout.report, grain) for grain in ("daily", "summary") for layout in ORDER]


VERSION = 1  # of the frame ``spend_days`` keeps on disk (bump when its columns or meaning change)


def spend_days(frames, window: Window | None = None) -> pd.DataFrame:
    """Spend, ad sales, orders and clicks by day, ad product, marketplace, campaign and currency (``rows``: how
    many report rows each holds); worked out again only when a file behind it changes."""
    collections = ("ad_reports", *(layout.collection for layout in ORDER))
    span = None if window is None else (window.start, window.end)
    name = "ads.spend_days." + ("all" if window is None else "window")  # one of each kept: the P&L's, the latest window's
    return frames.derived(name, (span, frames.signature(collections)), lambda: _spend_days(frames, window),
                          version=VERSION)


def _spend_days(frames, window: Window | None) -> pd.DataFrame:
    pieces = counted_runs(frames, window)  # all time: the cache's copies of the months read are let go (AdRows.read)
    if not len(pieces):
        empty = pd.DataFrame({k: pd.Series(dtype=object) for k in KEYS})
        empty["day"] = np.array([], dtype="datetime64[D]")
        for name in (*METRICS, "rows"):
            empty[name] = np.array([], dtype=np.int64)
        return empty
    days = per_day(pieces.reset_index(drop=True), METRICS)
    pieces = None
    days = days.assign(span_first=days["row_first"], span_last=days["row_last"], rows=1)[[*KEYS, *METRICS, "rows"]]
    # grouped on integer codes: a hundred thousand days of text keys would take seconds
    group = _groups([pd.factorize(days[name])[0] for name in KEYS])
    sums = pd.DataFrame({name: days[name].to_numpy() for name in (*METRICS, "rows")}).groupby(group).sum()
    # each group's first row: groups are numbered in order of first appearance, so their first rows come in
    # group order (taken by position: a copy of the keys of every day would be as big again)
    firsts = days[KEYS].take(np.unique(group, return_index=True)[1])
    days = None
    summed = pd.concat([firsts.reset_index(drop=True), sums.reset_index(drop=True)], axis=1)
    summed["span_first"], summed["span_last"] = iso(summed["span_first"]), iso(summed["span_last"])
    for name in ("ad_product", "marketplace", "campaign", "currency", "kind"):
        summed[name] = summed[name].astype(object)
    return summed.astype({name: np.int64 for name in (*METRICS, "rows")})


def _groups(codes: list[np.ndarray]) -> np.ndarray:
    """One group number per row for these columns' codes, numbered in order of first appearance (what
    factorising the rows' tuples gives, without making a tuple per row)."""
    group = np.zeros(len(codes[0]) if codes else 0, dtype=np.int64)
    sizes = [int(column.max(initial=-1)) + 2 for column in codes]
    if np.prod(np.array(sizes, dtype=float)) < 2.0**62:  # every combination numbered in one int64: one pass
        for column, size in zip(codes, sizes):
            group = group * size + (column + 1)
        return pd.factorize(group)[0]
    for column, size in zip(codes, sizes):  # each step renumbers, so the combined number never outgrows the rows
        group = pd.factorize(group * size + (column + 1))[0]
    return group


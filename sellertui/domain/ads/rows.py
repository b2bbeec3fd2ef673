"""The rows of one ads collection, for a window: only the reports and months it needs, one report per key and day.

Rows come through the shared ``FrameCache`` one month partition at a time, as
columns of only the fields they need (``FrameCache.frame(fields=...)``): parsed
whole and kept, 200k rows would cost several hundred MB; the frame costs about
a tenth of that. A window reads the months of the reports that overlap it (a summary
report's rows are filed under its first day), sorts out which report counts
for each key and day (``days.counted``) and cuts the rows to the window
(``days.clip``): a summary row the window holds only in part gives its share
of the days and is marked ``partial``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

import numpy as np
import pandas as pd

from sellertui.domain.ads.days import KeysNeeded, clip, counted, day_number, overlapping, report_table
from sellertui.domain.ads.window import Window
from sellertui.store.columns import Columns

COMMON_TEXT = ["report", "ad_product", "marketplace", "date", "end_date", "campaign", "ad_group", "currency"]
COUNTS = ["impressions", "clicks", "spend_minor", "sales_minor", "orders", "units"]
# what ad spend by day reads of a row (``spend``) where no two reports share a day: the lean frames hold these
LEAN_TEXT = ["report", "ad_product", "marketplace", "date", "end_date", "campaign", "currency"]
LEAN_COUNTS = ["clicks", "spend_minor", "sales_minor", "orders"]
LEAN_COLUMNS = [*LEAN_TEXT, *LEAN_COUNTS]  # the lean frame's columns, in order: some of the whole frame's


@dataclass(frozen=True)
class Layout:
    """What one ads collection holds: its text and count columns, and the fields that make a row's key."""

    collection: str
    report: str  # the report type of ad_reports records: search_terms, targeting, advertised_products
    text: tuple[str, ...]
    counts: tuple[str, ...]
    key: tuple[str, ...]
    floats: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"ads.{self.collection}"


def build(layout: Layout, docs: list[dict], lean: bool = False) -> pd.DataFrame:
    """One partition's records as a typed frame (the FrameCache builder), with each row's ``key``.

    ``lean``: only what ad spend needs (the P&L reads every month: 200k rows with nothing cached, where each
    column decoded, converted and written costs ~2% of the open), and no key: a key is read only where two
    reports share days (``AdRows.pieces`` then reads the whole rows; its fields and the joined key were a
    quarter of the lean frames' cost). The records go into Arrow in one call
    (``Table.from_pylist``, a few times faster than a list per column), and the text ends up in compact Arrow
    buffers rather than one Python string per cell.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    text, counts, floats = _fields(layout, lean)
    table = _arrow(docs, text, counts, floats)
    given = {name: table[name].fill_null("") for name in text}
    key = None
    if not lean:
        parts = (given[n] for n in ("ad_product", "marketplace", *layout.key))
        key = pc.binary_join_element_wise(*parts, "\x1f") if len(docs) else pa.array([], pa.string())
    # the day of a datetime some importer wrote; a row without an end date ends on its day; the defaults. Worked
    # out on the Arrow columns (what pandas' ``str.slice`` and ``where`` do on them), before the frame is made
    given["date"] = pc.utf8_slice_codeunits(given["date"], 0, 10)
    given["end_date"] = pc.if_else(pc.not_equal(given["end_date"], ""),
                                   pc.utf8_slice_codeunits(given["end_date"], 0, 10), given["date"])
    given["currency"] = pc.if_else(pc.not_equal(given["currency"], ""), given["currency"], "USD")
    given["ad_product"] = pc.if_else(pc.not_equal(given["ad_product"], ""), given["ad_product"], "SP")
    columns: dict[str, object] = {}
    kept = set(LEAN_TEXT) if lean else set(COMMON_TEXT) | set(layout.text)
    for name in text:
        if name in kept:
            columns[name] = pd.array(given[name], dtype="str")
    if key is not None:
        columns["key"] = pd.array(key, dtype="str")
    for name in counts:
        columns[name] = table[name].fill_null(0).to_numpy().astype(np.int64, copy=False)
    for name in floats:
        columns[name] = table[name].to_numpy(zero_copy_only=False).astype(float)
    if not lean:
        days = columns["attribution_days"]
        columns["attribution_days"] = np.where(days > 0, days, 7)
    return pd.DataFrame(columns)


def _fields(layout: Layout, lean: bool) -> tuple[list[str], list[str], list[str]]:
    """The text, count and float fields ``build`` reads."""
    if lean:
        return list(LEAN_TEXT), list(LEAN_COUNTS), []
    text = list(dict.fromkeys((*COMMON_TEXT, *layout.text, *layout.key)))
    return text, [*COUNTS, "attribution_days", *layout.counts], list(layout.floats)


def fields_of(layout: Layout, lean: bool = False) -> tuple[str, ...]:
    """Every field ``build`` reads: what a partition's file is decoded for (``FrameCache.frame(fields=...)``)."""
    return tuple(name for group in _fields(layout, lean) for name in group)


def _arrow(docs: list[dict], text: list[str], counts: list[str], floats: list[str]):
    import pyarrow as pa

    schema = pa.schema([(n, pa.string()) for n in text] + [(n, pa.int64()) for n in counts]
                       + [(n, pa.float64()) for n in floats])
    if isinstance(docs, Columns):  # records an import wrote from columns (``domain.warming``): no dict per row
        try:
            missing = [None] * docs.n
            return pa.Table.from_pydict({n: docs.columns.get(n, missing) for n in schema.names}, schema=schema)
        except (pa.ArrowTypeError, pa.ArrowInvalid):  # a value of another type: the per-cell path below
            docs = docs.dicts()
    try:
        return pa.Table.from_pylist(docs, schema=schema)
    except (pa.ArrowTypeError, pa.ArrowInvalid):  # a value of another type (an id stored as a number): as text
        def cell(value, kind):
            if value is None:
                return None
            return str(value) if kind == "text" else (float(value) if kind == "float" else int(value))

        kinds = {**dict.fromkeys(text, "text"), **dict.fromkeys(counts, "int"), **dict.fromkeys(floats, "float")}
        return pa.Table.from_pydict({n: [cell(d.get(n), kind) for d in docs] for n, kind in kinds.items()},
                                    schema=schema)


@dataclass
class WindowRows:
    rows: pd.DataFrame  # the rows counted in the window, cut to it (date/end_date: the days held)
    partial: int  # rows the window holds only in part (summary rows spread over their days)
    superseded: int  # rows in the window's reports that a newer report replaces on every day held here
    read: pd.DataFrame  # every row read, counted or not (ids live on in superseded rows)


VERSION = 2  # of the frames ``build`` makes (kept on disk: bump when they change)
LEAN_VERSION = 3  # of the lean ones (3: only what ad spend reads, no key)


class AdRows:
    """One ads collection of a store, by window, through the shared frame cache."""

    def __init__(self, frames, layout: Layout, lean: bool = False) -> None:
        self.frames = frames  # sellertui.domain.frames.FrameCache
        self.store = frames.store
        self.layout = layout
        self.lean = lean  # only what ad spend needs
        self.loaded: set[str] = set()  # months read at least once

    @property
    def collection(self) -> str:
        return self.layout.collection

    def empty(self) -> pd.DataFrame:
        return build(self.layout, [], self.lean)

    def months(self) -> list[str]:
        return [p for p in self.store[self.collection].partitions() if p != "undated"]

    def partition(self, month: str) -> pd.DataFrame:
        self.loaded.add(month)
        # a month whose whole rows are kept (an Ads window, Today's proposals) gives the lean rows from them
        within = (self.layout.name, VERSION, LEAN_COLUMNS) if self.lean else None
        return self.frames.frame(self.collection, lambda docs: build(self.layout, docs, self.lean),
                                 name=self.layout.name + (".lean" if self.lean else ""), partitions=[month],
                                 fields=fields_of(self.layout, self.lean), apart=True,
                                 version=LEAN_VERSION if self.lean else VERSION, within=within)

    def reports(self) -> pd.DataFrame:
        docs = [d for d in self.store["ad_reports"].all() if d.get("report") == self.layout.report]
        return report_table(docs)

    def latest(self) -> tuple[date, date] | None:
        """The last day the reports cover, and the first day of the summary reports that end then (the last
        day itself when none does: daily rows fill any window)."""
        reports = self.reports()
        if not len(reports):
            return self._latest_from_rows()
        last = int(reports["end"].max())
        ending = reports[((reports["end"] == last) & (reports["layout"] == "summary")).to_numpy()]
        first = int(ending["start"].min()) if len(ending) else last
        return _date(last), _date(first)

    def _latest_from_rows(self) -> tuple[date, date] | None:
        for month in reversed(self.months()):
            frame = self.partition(month)
            if len(frame):
                last = str(frame["end_date"].max())
                first = str(frame["date"][(frame["end_date"] == last).to_numpy(dtype=bool)].min())
                return date.fromisoformat(last[:10]), date.fromisoformat(first[:10])
        return None

    def _needs(self, window: Window | None, reports: pd.DataFrame) -> tuple[list[str], pd.DataFrame]:
        """(the months the window's rows are filed under, the reports overlapping it)."""
        if window is None:
            months, overlapping = set(self.months()), reports
        else:
            first, last = day_number(window.start), day_number(window.end)
            overlapping = reports[((reports["start"] <= last) & (reports["end"] >= first)).to_numpy()]
            months = set(window.months())
            for a, b in zip(overlapping["start"], overlapping["end"]):
                months.update(Window(_date(int(a)), _date(int(b))).months())
        return sorted(months & set(self.months())), overlapping

    def warm(self, window: Window, stop: Callable[[], bool] = lambda: False) -> None:
        """Have every month the window needs built into the frame cache (parsed once, kept on disk), one month at
        a time and nothing computed: a background warm-up that holds no window's rows. ``stop``: asked before
        each month (the user left the tab: what is not read yet is read when needed)."""
        for month in self._needs(window, self.reports())[0]:
            if stop():
                return
            self.partition(month)

    def read(self, window: Window | None, reports: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(every row of the months the window needs, the rows of reports overlapping it or of no known report)."""
        months, overlapping = self._needs(window, reports)
        parts = [self.partition(m) for m in months]
        parts = [p for p in parts if len(p)]
        read = pd.concat(parts, ignore_index=True) if len(parts) > 1 else (parts[0] if parts else self.empty())
        if window is None and self.lean and len(parts) > 1:  # all time, read once for ad spend by day: the cache's
            parts = None  # copies of the months would sit beside their concatenation (they read back from disk),
            self.frames.let_go()  # and the counting that follows peaks on what is held, not on what was
        mine = read["report"].isin(set(overlapping["id"])).to_numpy() | ~read["report"].isin(set(reports["id"])).to_numpy()
        return read, read if mine.all() else read[mine]  # every row (all time): the same frame, not a copy

    def pieces(self, window: Window | None = None, reports: pd.DataFrame | None = None) -> pd.DataFrame:
        """The counted runs of days of the rows that touch the window (every row without one)."""
        reports = self.reports() if reports is None else reports
        whole = AdRows(self.frames, self.layout)  # rows with their key: which one counts where reports overlap
        if self.lean and overlapping(reports):
            return whole.pieces(window, reports)
        try:
            return counted(self.read(window, reports)[1], reports)
        except KeysNeeded:  # rows of a report the index does not know share days with another's
            return whole.pieces(window, reports)

    def window(self, window: Window, ad_products: tuple[str, ...] | None = None) -> WindowRows:
        """The window's counted rows, cut to it."""
        first, last = day_number(window.start), day_number(window.end)
        reports = self.reports()
        read, candidates = self.read(window, reports)
        if ad_products is not None:
            candidates = candidates[candidates["ad_product"].isin(ad_products).to_numpy()]
        candidates = candidates.assign(_row=np.arange(len(candidates)))
        cut = clip(counted(candidates, reports), first, last, (*COUNTS, *self.layout.counts))
        touching = ((candidates["date"] <= window.end.isoformat())
                    & (candidates["end_date"] >= window.start.isoformat())).to_numpy()
        superseded = int(touching.sum()) - int(cut["_row"].nunique())
        rows = cut.drop(columns=["row_first", "row_last", "first", "last", "_row"])
        return WindowRows(rows, int(cut["partial"].sum()), superseded, read)

    def since(self, day: str) -> pd.DataFrame:
        """Every counted row after ``day`` (what happened after a decision)."""
        latest = self.latest()
        start = date.fromisoformat(day[:10]) + timedelta(days=1)
        if latest is None or latest[0] < start:
            return self.empty().assign(partial=pd.Series(dtype=bool))
        return self.window(Window.custom(start, latest[0])).rows


def _date(number: int) -> date:
    return date(1970, 1, 1) + timedelta(days=number)

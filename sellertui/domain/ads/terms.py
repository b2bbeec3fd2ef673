"""Search-term rows as frames, cut to a window and aggregated.

Rows come through the shared ``FrameCache`` one month partition at a time
(only the months a window can touch), so a window change re-aggregates frames
already in memory instead of parsing files again. Partitions are read in slices
of documents (``FrameCache.frame(chunk=...)``): parsed whole and kept, 200k rows
would cost several hundred MB; the frame costs about a tenth of that.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from sellertui.domain.ads.metrics import add_ratios, source_of
from sellertui.domain.ads.window import Window

TEXT_COLUMNS = ["date", "end_date", "campaign", "campaign_id", "ad_group", "ad_group_id", "keyword_id",
                "targeting", "match_type", "term", "currency"]
COUNT_COLUMNS = ["impressions", "clicks", "spend_minor", "sales_minor", "orders", "units", "attribution_days"]
TERM_KEY = ["campaign", "ad_group", "match_type", "term"]  # one row of the Search terms view
KEYWORD_KEY = ["campaign", "ad_group", "targeting", "match_type"]  # what a bid belongs to
SUMS = ("impressions", "clicks", "spend_minor", "sales_minor", "orders", "units")


def build_frame(docs: list[dict]) -> pd.DataFrame:
    """One partition's search-term records as a typed frame (the FrameCache builder).

    Columns go through Arrow arrays: about twice as fast as building from
    records, and the text ends up in compact Arrow buffers rather than one
    Python string per cell.
    """
    import pyarrow as pa

    columns: dict[str, object] = {}
    for name in TEXT_COLUMNS:
        values = [d.get(name) for d in docs]
        try:
            array = pa.array(values, type=pa.string())
        except (pa.ArrowTypeError, pa.ArrowInvalid):  # an id stored as a number by some importer
            array = pa.array([None if v is None else str(v) for v in values], type=pa.string())
        columns[name] = pd.array(array.fill_null(""), dtype="str")
    for name in COUNT_COLUMNS:
        columns[name] = np.fromiter((d.get(name) or 0 for d in docs), dtype=np.int64, count=len(docs))
    columns["bid_minor"] = np.array([d.get("bid_minor") for d in docs], dtype=float)
    frame = pd.DataFrame(columns)
    frame["date"] = frame["date"].str.slice(0, 10)  # a datetime from some importer: its day
    frame["end_date"] = frame["end_date"].str.slice(0, 10).where(frame["end_date"] != "", frame["date"])
    frame["attribution_days"] = frame["attribution_days"].where(frame["attribution_days"] > 0, 7)
    frame["currency"] = frame["currency"].where(frame["currency"] != "", "USD")
    return frame


def in_window(rows: pd.DataFrame, window: Window) -> pd.DataFrame:
    """The rows whose whole date range lies inside the window."""
    mask = (rows["date"] >= window.start.isoformat()) & (rows["end_date"] <= window.end.isoformat())
    return rows[mask.to_numpy(dtype=bool)]


def straddling(rows: pd.DataFrame, window: Window) -> int:
    """Rows that overlap the window but reach past one of its ends (left out of it)."""
    start, end = window.start.isoformat(), window.end.isoformat()
    overlaps = (rows["date"] <= end) & (rows["end_date"] >= start)
    inside = (rows["date"] >= start) & (rows["end_date"] <= end)
    return int((overlaps & ~inside).sum())


def _blank_to_na(rows: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Blank ids as missing, so a group's "first" id is its first known one (summary reports carry none)."""
    return rows.assign(**{c: rows[c].mask(rows[c] == "") for c in columns})


def _group(rows: pd.DataFrame, key: list[str], extra: dict[str, tuple[str, str]]) -> pd.DataFrame:
    spec = {name: (name, "sum") for name in SUMS} | extra
    frame = rows.groupby(key, sort=False, observed=True, dropna=False).agg(**spec).reset_index()
    for name, (_, how) in extra.items():
        if how == "first" and name.endswith("_id"):
            frame[name] = frame[name].fillna("")
    # Aggregates are small and read row by row by the rules: Python strings iterate
    # ten times faster than Arrow-backed ones.
    text = [name for name in frame.columns if isinstance(frame[name].dtype, pd.StringDtype)]
    return frame.astype({name: object for name in text})


def aggregate_terms(rows: pd.DataFrame) -> pd.DataFrame:
    """Term × campaign × ad group × match type, with the ratios and the ids the bulk file needs."""
    if not len(rows):
        return _empty_terms()
    frame = _group(_blank_to_na(rows, ["campaign_id", "ad_group_id"]), TERM_KEY, {
        "targeting": ("targeting", "first"),
        "currency": ("currency", "first"),
        "first_day": ("date", "min"),
        "last_day": ("end_date", "max"),
        "attribution_min": ("attribution_days", "min"),
        "attribution_max": ("attribution_days", "max"),
        "campaign_id": ("campaign_id", "first"),
        "ad_group_id": ("ad_group_id", "first"),
    })
    frame["source"] = pd.Series([source_of(m, t) for m, t in zip(frame["match_type"], frame["targeting"])],
                                dtype=object, index=frame.index)
    return add_ratios(frame)


def aggregate_keywords(rows: pd.DataFrame) -> pd.DataFrame:
    """Keyword and product targets (what carries a bid) with their latest known bid."""
    if not len(rows):
        rows = build_frame([])
    ordered = _blank_to_na(rows.sort_values("date", kind="stable"), ["campaign_id", "ad_group_id", "keyword_id"])
    frame = _group(ordered, KEYWORD_KEY, {
        "currency": ("currency", "first"),
        "last_day": ("end_date", "max"),
        "bid_minor": ("bid_minor", "last"),  # the latest row's bid (NaN skipped: the last one known)
        "attribution_min": ("attribution_days", "min"),
        "attribution_max": ("attribution_days", "max"),
        "keyword_id": ("keyword_id", "first"),
        "campaign_id": ("campaign_id", "first"),
        "ad_group_id": ("ad_group_id", "first"),
    })
    return add_ratios(frame)


def _empty_terms() -> pd.DataFrame:
    frame = pd.DataFrame({k: pd.Series(dtype="str") for k in TERM_KEY + ["targeting", "currency", "first_day",
                                                                          "last_day", "campaign_id", "ad_group_id",
                                                                          "source"]})
    for name in (*SUMS, "attribution_min", "attribution_max"):
        frame[name] = pd.Series(dtype="int64")
    return add_ratios(frame)


class SearchTermData:
    """The search-term rows of a store, by window, through the shared frame cache."""

    COLLECTION = "search_terms"

    def __init__(self, frames) -> None:
        self.frames = frames  # sellertui.domain.frames.FrameCache
        self.store = frames.store
        self.loaded: set[str] = set()  # months read at least once

    def months(self) -> list[str]:
        return [p for p in self.store[self.COLLECTION].partitions() if p != "undated"]

    def partition(self, month: str) -> pd.DataFrame:
        self.loaded.add(month)
        return self.frames.frame(self.COLLECTION, build_frame, name="ads.terms", partitions=[month], chunk=5000)

    def latest(self) -> tuple[date, date] | None:
        """The last day the imported rows cover (the newest non-empty month's latest end date), and the
        first day of the rows that end then (a summary report's start; the same day for daily rows)."""
        for month in reversed(self.months()):
            frame = self.partition(month)
            if len(frame):
                last = str(frame["end_date"].max())
                first = str(frame["date"][(frame["end_date"] == last).to_numpy(dtype=bool)].min())
                return date.fromisoformat(last[:10]), date.fromisoformat(first[:10])
        return None

    def latest_day(self) -> date | None:
        found = self.latest()
        return None if found is None else found[0]

    def rows(self, window: Window) -> tuple[pd.DataFrame, int]:
        """The window's rows, and how many rows reach past its ends (left out)."""
        available = set(self.months())
        parts, left_out = [], 0
        for month in window.months():
            if month not in available:
                continue
            frame = self.partition(month)
            parts.append(in_window(frame, window))
            left_out += straddling(frame, window)
        # Rows filed in the month before can reach into the window too (summary reports); they
        # are counted once that month is in memory (the warm-up loads it), not parsed for a hint.
        before = (window.start.replace(day=1) - pd.Timedelta(days=1)).strftime("%Y-%m")
        if before in available and before in self.loaded:
            left_out += straddling(self.partition(before), window)
        parts = [p for p in parts if len(p)]
        if not parts:
            return build_frame([]), left_out
        return (parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)), left_out

    def rows_since(self, day: str) -> pd.DataFrame:
        """Every row from ``day`` on (for what happened after a decision)."""
        parts = [self.partition(m) for m in self.months() if m >= day[:7]]
        parts = [p[(p["date"] > day).to_numpy(dtype=bool)] for p in parts]
        parts = [p for p in parts if len(p)]
        return pd.concat(parts, ignore_index=True) if parts else build_frame([])

"""Which report counts, day by day: the one rule every ads figure is read through.

Imported ads reports are kept as they are (``ad_reports``: a report's days,
layout, when first imported; its rows under it). Their figures meet on the
day grain here:

- **One report per row key and day.** A row key is what a row is about: ad
  product, marketplace, campaign, ad group, targeting, match type and term
  (search terms), or target, or advertised SKU/ASIN. On a day that several
  reports holding the key cover, the **newest** report counts: the one whose
  days end later; on the same last day, the one imported first later
  (``imported_at``), then the larger id. A report that holds a key answers for
  every day of its range (a daily report without a row for a day says it was
  zero then).
- **Summary rows are spread over their days** by largest remainder
  (``core.split``): a day, a window or a month gets its exact share, and the
  shares add up to the row. A figure holding part of a summary row is marked
  as spread (``partial``), since the report gives no day-by-day split.

``counted`` gives each row the runs of days it counts on (most rows: its whole
range, untouched); ``clip`` cuts those to a window with each metric's share;
``per_day`` spreads them into days (the P&L's grain). Days are day numbers
(days since 1970-01-01) inside, ISO text at the edges.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

EPOCH = date(1970, 1, 1)


def day_number(day: str | date) -> int:
    value = date.fromisoformat(str(day)[:10]) if not isinstance(day, date) else day
    return (value - EPOCH).days


def day_numbers(days: pd.Series) -> np.ndarray:
    """ISO days -> day numbers (int64); unreadable ones become -1. Each distinct day is parsed once."""
    if not len(days):
        return np.zeros(0, dtype=np.int64)
    days = pd.Series(days)
    # Arrow text is factorised as it is (converting 200k days to Python strings first costs more than the rest)
    codes, unique = pd.factorize(days if isinstance(days.dtype, pd.StringDtype) else days.astype(object))
    parsed = pd.to_datetime(pd.Series(unique, dtype=object).astype(str).str.slice(0, 10), format="%Y-%m-%d",
                            errors="coerce")
    numbers = np.where(parsed.isna().to_numpy(), -1, parsed.to_numpy().astype("datetime64[D]").astype(np.int64))
    return np.where(codes < 0, -1, numbers[codes])


def iso(numbers) -> np.ndarray:
    return np.asarray(numbers, dtype=np.int64).astype("datetime64[D]").astype(str)


class KeysNeeded(Exception):
    """``counted`` was given rows without their key (lean frames) whose reports share days: the key decides."""


def report_table(docs: list[dict]) -> pd.DataFrame:
    """``ad_reports`` records as a frame: id, ad_product, report, marketplace, start, end (day numbers), layout,
    and ``rank`` (higher is newer: later last day, then later first import, then larger id)."""
    columns = ["id", "ad_product", "report", "marketplace", "start", "end", "layout", "imported_at", "label", "kind",
               "rows", "attribution_days", "file", "currency"]
    frame = pd.DataFrame([{c: d.get(c) for c in columns} for d in docs], columns=columns)
    frame["start"] = day_numbers(frame["start"])
    frame["end"] = day_numbers(frame["end"])
    frame["imported_at"] = frame["imported_at"].fillna("").astype(str)
    frame = frame.sort_values(["end", "imported_at", "id"], kind="stable").reset_index(drop=True)
    frame["rank"] = np.arange(len(frame), dtype=np.int64)
    return frame


def _free(ranges: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """For ranges newest first: the runs of each not covered by a newer one."""
    covered: list[tuple[int, int]] = []
    out = []
    for first, last in ranges:
        runs, at = [], first
        for a, b in covered:  # covered is sorted and merged
            if b < at or a > last:
                continue
            if a > at:
                runs.append((at, a - 1))
            at = max(at, b + 1)
        if at <= last:
            runs.append((at, last))
        out.append(runs)
        covered = merge(covered + [(first, last)])
    return out


def merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def counted(rows: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (with report, key, date, end_date) with the runs of days each counts on.

    Adds ``row_first``/``row_last`` (the row's own days) and ``first``/``last`` (one counted run; a row
    superseded on some of its days appears once per run left, a row superseded on all of them not at all).
    A row whose report is not in ``reports`` counts as a report of its own days, older than any known one.
    """
    out = rows.assign(row_first=day_numbers(rows["date"]), row_last=day_numbers(rows["end_date"]))
    dated = (out["row_first"] >= 0).to_numpy()
    out = out if dated.all() else out[dated]  # (a filter copies every column, even when it keeps every row)
    out = out.assign(row_last=np.maximum(out["row_last"].to_numpy(), out["row_first"].to_numpy()))
    if not len(out):
        return out.assign(first=out["row_first"], last=out["row_last"])
    report = out["report"] if isinstance(out["report"].dtype, pd.StringDtype) else out["report"].astype(object)
    codes, ids = pd.factorize(report.fillna(""))
    spans = _spans(ids, codes, out, reports)  # per distinct report: rank, start, end
    crossing = _overlapping(spans)
    if not crossing:  # no two reports share a day (the usual case): every row counts on all its days
        return out.assign(first=out["row_first"], last=out["row_last"]).reset_index(drop=True)
    if "key" not in out:
        raise KeysNeeded
    out = out.assign(_rank=spans["_rank"].to_numpy()[codes], _start=spans["_start"].to_numpy()[codes],
                     _end=spans["_end"].to_numpy()[codes])
    pairs = out[["key", "_rank", "_start", "_end"]].drop_duplicates(["key", "_rank"])
    among = pairs[pairs["_rank"].isin(crossing).to_numpy()]
    several = among.groupby("key", sort=False)["_rank"].transform("size") > 1
    shared = pairs[pairs["key"].isin(set(among.loc[several.to_numpy(), "key"])).to_numpy()]
    if not len(shared):
        return _finish(out.assign(first=out["row_first"], last=out["row_last"]))
    runs = _runs_of_shared_keys(shared)
    single = out[~out["key"].isin(set(shared["key"])).to_numpy()]
    multi = out[out["key"].isin(set(shared["key"])).to_numpy()].merge(runs, on=["key", "_rank"], how="inner")
    first = np.maximum(multi["row_first"].to_numpy(), multi["run_first"].to_numpy())
    last = np.minimum(multi["row_last"].to_numpy(), multi["run_last"].to_numpy())
    multi = multi.assign(first=first, last=last)[(first <= last)].drop(columns=["run_first", "run_last"])
    single = single.assign(first=single["row_first"], last=single["row_last"])
    return _finish(pd.concat([single, multi], ignore_index=True))


def _spans(ids, codes: np.ndarray, rows: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """For each distinct report of the rows (in ``ids`` order): its rank and days. A report not in ``reports``
    covers the days its rows do, and is older than any known one."""
    known = reports.set_index("id")
    frame = pd.DataFrame({"id": pd.Series(ids, dtype=object)})
    frame["_rank"] = frame["id"].map(known["rank"]).astype(float)
    frame["_start"] = frame["id"].map(known["start"]).astype(float)
    frame["_end"] = frame["id"].map(known["end"]).astype(float)
    unknown = frame["_rank"].isna().to_numpy()
    if unknown.any():
        own = pd.DataFrame({"code": codes, "a": rows["row_first"].to_numpy(), "b": rows["row_last"].to_numpy()})
        own = own.groupby("code").agg(a=("a", "min"), b=("b", "max"))
        frame.loc[unknown, "_start"] = own["a"].reindex(np.flatnonzero(unknown)).to_numpy()
        frame.loc[unknown, "_end"] = own["b"].reindex(np.flatnonzero(unknown)).to_numpy()
        frame.loc[unknown, "_rank"] = -1 - frame.loc[unknown, "id"].rank(method="dense", ascending=False).to_numpy()
    return frame.astype({"_rank": np.int64, "_start": np.int64, "_end": np.int64})


def _overlapping(spans: pd.DataFrame) -> set[int]:
    """The reports (ranks) whose days overlap another's: only keys two of them hold need sorting out."""
    ordered = spans.sort_values("_start", kind="stable")
    starts, ends, ranks = (ordered[c].to_numpy() for c in ("_start", "_end", "_rank"))
    found: set[int] = set()
    reach, holder = -1, -1
    for start, end, rank in zip(starts, ends, ranks):
        if start <= reach:
            found.update((int(rank), int(holder)))
        if end > reach:
            reach, holder = end, rank
    return found


def overlapping(reports: pd.DataFrame) -> bool:
    """Whether two of these reports (a ``report_table``) share a day."""
    spans = reports[["start", "end", "rank"]].set_axis(["_start", "_end", "_rank"], axis=1)
    return bool(_overlapping(spans))


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["_rank", "_start", "_end"]).reset_index(drop=True)


def _runs_of_shared_keys(shared: pd.DataFrame) -> pd.DataFrame:
    """key, _rank, run_first, run_last: the days each report counts on for a key several reports hold.

    Keys held by the same reports share the answer, so it is worked out once per set of reports.
    """
    ordered = shared.sort_values(["key", "_rank"], ascending=[True, False], kind="stable")
    sets = ordered.groupby("key", sort=False)["_rank"].agg(tuple)
    spans = dict(zip(ordered["_rank"], zip(ordered["_start"], ordered["_end"])))
    rows = []
    for ranks, keys in sets.groupby(sets, sort=False).groups.items():
        free = _free([spans[r] for r in ranks])
        for rank, runs in zip(ranks, free):
            for a, b in runs:
                rows.extend((key, rank, a, b) for key in keys)
    return pd.DataFrame(rows, columns=["key", "_rank", "run_first", "run_last"]).astype(
        {"_rank": np.int64, "run_first": np.int64, "run_last": np.int64})


def shares(values: np.ndarray, row_first: np.ndarray, row_last: np.ndarray, first: np.ndarray,
           last: np.ndarray) -> np.ndarray:
    """Each value's part on days ``first``..``last`` of its row's ``row_first``..``row_last`` (``core.split``)."""
    days = row_last - row_first + 1
    values = np.asarray(values, dtype=np.int64)
    return values * (last - row_first + 1) // days - values * (first - row_first) // days


def clip(pieces: pd.DataFrame, first: int, last: int, metrics: tuple[str, ...]) -> pd.DataFrame:
    """The counted runs inside days ``first``..``last``, each metric cut to its share there.

    ``date``/``end_date`` become the days held; ``partial`` says a row counts only in part (spread).
    """
    a = np.maximum(pieces["first"].to_numpy(), first)
    b = np.minimum(pieces["last"].to_numpy(), last)
    keep = a <= b
    picked = pieces[keep].reset_index(drop=True)
    a, b = a[keep], b[keep]
    row_first, row_last = picked["row_first"].to_numpy(), picked["row_last"].to_numpy()
    partial = (a > row_first) | (b < row_last)
    picked = picked.assign(partial=partial)
    if not partial.any():  # every row whole (daily rows, summaries inside): nothing to cut
        return picked
    at = np.flatnonzero(partial)
    for m in metrics:
        if m in picked:
            values = picked[m].to_numpy().copy()
            values[at] = shares(values[at], row_first[at], row_last[at], a[at], b[at])
            picked[m] = values
    for name, bound in (("date", a), ("end_date", b)):
        days = picked[name].to_numpy(dtype=object).copy()
        days[at] = iso(bound[at])
        picked[name] = days
    return picked


def per_day(pieces: pd.DataFrame, metrics: tuple[str, ...]) -> pd.DataFrame:
    """One row per counted day with each metric's share that day; ``spread`` marks a summary row's day."""
    lengths = (pieces["last"] - pieces["first"] + 1).to_numpy()
    if (lengths == 1).all():  # daily rows (the usual case): nothing to spread, and no copy of every row
        repeated, day = pieces, pieces["first"].to_numpy()
    else:
        repeated = pieces.loc[pieces.index.repeat(lengths)]
        offsets = np.arange(len(repeated)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        day = repeated["first"].to_numpy() + offsets
    row_first, row_last = repeated["row_first"].to_numpy(), repeated["row_last"].to_numpy()
    cut = {m: shares(repeated[m].to_numpy(), row_first, row_last, day, day) for m in metrics}
    return repeated.assign(**cut, day=day.astype("datetime64[D]"), spread=row_last > row_first).reset_index(drop=True)


def covered_days(reports: pd.DataFrame, kinds: set[str]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """(ad product, marketplace) -> the merged runs of days reports of these types cover."""
    picked = reports[reports["report"].isin(kinds).to_numpy()]
    found: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for product, market, a, b in zip(picked["ad_product"], picked["marketplace"], picked["start"], picked["end"]):
        found.setdefault((str(product), str(market or "")), []).append((int(a), int(b)))
    return {k: merge(v) for k, v in found.items()}


def outside(pieces: pd.DataFrame, covered: dict[tuple[str, str], list[tuple[int, int]]]) -> pd.DataFrame:
    """The counted runs minus the days ``covered`` holds for their ad product and marketplace."""
    if not covered or not len(pieces):
        return pieces
    product, market = pieces["ad_product"].astype(str).to_numpy(), pieces["marketplace"].astype(str).to_numpy()
    first, last = pieces["first"].to_numpy(), pieces["last"].to_numpy()
    touched = np.zeros(len(pieces), dtype=bool)
    for (p, m), runs in covered.items():
        mine = (product == p) & (market == m)
        for c0, c1 in runs:
            touched |= mine & (first <= c1) & (last >= c0)
    if not touched.any():
        return pieces
    keep_rows, firsts, lasts = [], [], []
    for i in np.flatnonzero(touched):
        runs = [(int(first[i]), int(last[i]))]
        for c0, c1 in covered[(product[i], market[i])]:
            runs = [r for run in runs for r in _minus(run, c0, c1)]
        for r0, r1 in runs:
            keep_rows.append(i)
            firsts.append(r0)
            lasts.append(r1)
    cut = pieces.iloc[keep_rows].assign(first=np.array(firsts, dtype=np.int64), last=np.array(lasts, dtype=np.int64))
    return pd.concat([pieces[~touched], cut], ignore_index=True)


def _minus(run: tuple[int, int], c0: int, c1: int) -> list[tuple[int, int]]:
    a, b = run
    if c1 < a or c0 > b:
        return [run]
    return [r for r in ((a, c0 - 1), (c1 + 1, b)) if r[0] <= r[1]]


def subtract(run: tuple[int, int], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``run`` without the days of ``runs``."""
    left = [run]
    for c0, c1 in runs:
        left = [r for part in left for r in _minus(part, c0, c1)]
    return left

"""Search-term rows as frames, aggregated: terms, and the keywords and product targets that carry a bid.

The rows of a window come from ``rows.AdRows`` (one report per term and day,
summary rows cut to the window's days); here they are added up per term or
per keyword, with the ratios and the ids a bulk file needs. Ids are facts
about a campaign, not figures: a row a newer report replaces still lends its
ids (``with_ids``).
"""

from __future__ import annotations

import pandas as pd

from sellertui.domain.ads.layouts import SEARCH_TERMS
from sellertui.domain.ads.metrics import add_ratios, source_of
from sellertui.domain.ads.rows import AdRows, build
TERM_KEY = ["ad_product", "campaign", "ad_group", "match_type", "term"]  # one row of the Search terms view
KEYWORD_KEY = ["campaign", "ad_group", "targeting", "match_type"]  # what a bid belongs to
SUMS = ("impressions", "clicks", "spend_minor", "sales_minor", "orders", "units")


def build_frame(docs: list[dict]) -> pd.DataFrame:
    """Search-term records as a typed frame, each row counted whole (``partial`` False)."""
    return build(SEARCH_TERMS, docs).assign(partial=False)


class SearchTermData(AdRows):
    """The search-term rows of a store, by window."""

    COLLECTION = "search_terms"

    def __init__(self, frames) -> None:
        super().__init__(frames, SEARCH_TERMS)


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
    rows = _only(rows, [*TERM_KEY, *SUMS, "targeting", "partial", "currency", "date", "end_date", "attribution_days",
                        "campaign_id", "ad_group_id"])
    frame = _group(_blank_to_na(_with_partial(rows), ["campaign_id", "ad_group_id"]), TERM_KEY, {
        "targeting": ("targeting", "first"),
        "partial": ("partial", "sum"),
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
    rows = _only(rows, [*KEYWORD_KEY, *SUMS, "currency", "date", "end_date", "bid_minor", "attribution_days",
                        "keyword_id", "campaign_id", "ad_group_id", "partial"])
    ordered = _blank_to_na(_with_partial(rows).sort_values("date", kind="stable"),
                           ["campaign_id", "ad_group_id", "keyword_id"])
    frame = _group(ordered, KEYWORD_KEY, {
        "currency": ("currency", "first"),
        "last_day": ("end_date", "max"),
        "bid_minor": ("bid_minor", "last"),  # the latest row's bid (NaN skipped: the last one known)
        "attribution_min": ("attribution_days", "min"),
        "attribution_max": ("attribution_days", "max"),
        "keyword_id": ("keyword_id", "first"),
        "campaign_id": ("campaign_id", "first"),
        "ad_group_id": ("ad_group_id", "first"),
        "partial": ("partial", "sum"),
    })
    return add_ratios(frame)


def _only(rows: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The columns an aggregate reads (in the rows' order): the copies sorting and blanking make stay small
    (the search terms themselves were half of a window's rows)."""
    wanted = set(columns)
    return rows[[c for c in rows.columns if c in wanted]]


def _with_partial(rows: pd.DataFrame) -> pd.DataFrame:
    return rows if "partial" in rows else rows.assign(partial=False)


def with_ids(aggregate: pd.DataFrame, read: pd.DataFrame, ids: dict[str, list[str]]) -> pd.DataFrame:
    """Blank ids of an aggregate filled from every row read (``ids``: id column -> the columns it belongs to)."""
    if not len(aggregate) or not len(read):
        return aggregate
    out = aggregate
    for column, key in ids.items():
        if column not in out or not (out[column] == "").any():
            continue
        known = read[[*key, column]]  # (filtered after picking: the read rows have a dozen more columns)
        known = known[(known[column] != "").to_numpy()]
        if not len(known):
            continue
        table = known.drop_duplicates(key).astype(object).rename(columns={column: "_known"})
        merged = out[key].astype(object).merge(table, on=key, how="left")["_known"].fillna("").to_numpy()
        out = out.assign(**{column: out[column].where(out[column] != "", merged)})
    return out


def _empty_terms() -> pd.DataFrame:
    frame = pd.DataFrame({k: pd.Series(dtype="str") for k in TERM_KEY + ["targeting", "currency", "first_day",
                                                                          "last_day", "campaign_id", "ad_group_id",
                                                                          "source"]})
    for name in (*SUMS, "attribution_min", "attribution_max", "partial"):
        frame[name] = pd.Series(dtype="int64")
    return add_ratios(frame)

"""Text and days as small numbers: what lets the ledger add up a million entries without a string each.

Categoricals of one set of categories concatenate as codes; groups are numbered
from their keys' codes in one integer; months and periods are found by hashing
the days rather than sorting them. Every function gives what its plain pandas
spelling gives (the docstrings say which), in the same order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def order_numbers(volume: pd.DataFrame) -> np.ndarray:
    """Each sold line's order as a number (NaN where it has none): distinct orders are counted on these, not
    on a million Python strings made from the order ids' Arrow text and turned back into it."""
    codes = pd.factorize(volume["order_id"])[0].astype(float)
    codes[codes < 0] = np.nan
    return codes


def each_distinct(column: pd.Series, test, missing: bool = False) -> np.ndarray:
    """``test(value)`` of every row, asked once per distinct value (a hundred thousand order lines hold a few
    channels and statuses); ``missing`` for an empty cell. What ``column.astype(object).str...`` would answer."""
    codes, distinct = pd.factorize(column)
    answers = np.array([bool(test(str(value))) for value in distinct] + [missing], dtype=bool)
    return answers[codes]  # code -1 (missing) takes the last answer


def month_of(days) -> np.ndarray:
    """``YYYY-MM`` of each day, as text: each distinct month turned into text once (a million entries
    hold a few dozen months)."""
    where, distinct = months(days)
    return distinct.astype(str)[where]


def sum_by(every: pd.DataFrame, keys: list[str], columns: list[str]) -> pd.DataFrame:
    """``every``'s amount and home_minor summed by ``keys``, groups in order of first appearance, rows with a
    missing key left out: what ``groupby(keys, sort=False, observed=True).sum(min_count=1)`` gives, with each
    row's group worked out from the keys' codes in one number (grouping on six columns cost a quarter of the
    ledger). The month is the day's, so it does not tell groups apart."""
    day = every["day"].to_numpy().astype("datetime64[D]")
    codes = [codes_of(every[key]) for key in keys if key not in ("day", "month")]
    present = ~np.isnat(day) & np.logical_and.reduce([c >= 0 for c in codes])
    if not present.all():
        every, day, codes = every[present], day[present], [c[present] for c in codes]
    number = day.astype("int64") - (day.min().astype("int64") if len(day) else 0)
    for c in codes:
        number = number * (int(c.max(initial=0)) + 1) + c
        if len(number) and number.max() > 2**40:  # renumbered before it could outgrow 64 bits
            number = pd.factorize(number)[0].astype("int64")
    group = pd.factorize(number)[0]
    firsts = pd.Series(group).drop_duplicates().index.to_numpy()  # each group's first row, in group order
    sums = pd.DataFrame({"amount": every["amount"].to_numpy(), "home_minor": every["home_minor"].to_numpy(dtype=float)})
    summed = sums.groupby(group, sort=True).sum(min_count=1)  # min_count: a day whose entries all lack a rate: NaN
    daily = every.iloc[firsts][[k for k in columns if k in keys]].reset_index(drop=True)
    return daily.assign(amount_minor=summed["amount"].to_numpy(), home_minor=summed["home_minor"].to_numpy())[columns]


def codes_of(column: pd.Series) -> np.ndarray:
    """Small whole numbers telling a column's values apart (-1: missing)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy().astype("int64")
    return pd.factorize(column)[0].astype("int64")


def shared_categories(frames: list[pd.DataFrame], columns: tuple[str, ...]) -> list[pd.DataFrame]:
    """The frames with these text columns as categoricals of one set of categories, so they concatenate as
    codes: as text, half a million entries cost ~100 MB of Python strings (a few distinct values). Each
    column is factorised as it is (Arrow text stays Arrow), and only its few distinct values are merged."""
    out: list[dict] = [{} for _ in frames]
    for name in columns:
        pairs = [pd.factorize(f[name].array if isinstance(f[name], pd.Series) else np.asarray(f[name], dtype=object))
                 for f in frames]
        distinct = [np.asarray(uniques, dtype=object) for _, uniques in pairs]
        categories = pd.Index(pd.unique(np.concatenate(distinct)) if distinct else [], dtype=object)
        for i, ((codes, _), values) in enumerate(zip(pairs, distinct)):
            where = categories.get_indexer(values)
            mapped = where[codes] if len(where) else np.full(len(codes), -1, dtype=np.intp)
            out[i][name] = pd.Categorical.from_codes(np.where(codes < 0, -1, mapped), categories)
    return [f.assign(**made) for f, made in zip(frames, out)]


def month_categories(days) -> pd.Categorical:
    """``YYYY-MM`` of each day as a categorical (``month_of`` as codes: one string per month, not per entry)."""
    where, distinct = months(days)
    return pd.Categorical.from_codes(where, pd.Index(distinct.astype(str).astype(object), dtype=object))


def months(days) -> tuple[np.ndarray, np.ndarray]:
    """Each day's month as a position in the sorted distinct months (``np.unique(return_inverse)``, by
    hashing: sorting a million days took longer than the rest of the step)."""
    months = np.asarray(days).astype("datetime64[M]")
    where, distinct = pd.factorize(months.view("int64"), sort=True)
    return where, distinct.view("datetime64[M]")


def text_columns(frame: pd.DataFrame) -> list[str]:
    """The frame's columns of Python strings (object dtype, every value text)."""
    return [c for c in frame.columns
            if frame[c].dtype == object and pd.api.types.infer_dtype(frame[c], skipna=False) == "string"]

"""Text and days as small numbers: what lets the ledger add up a million entries without a string each.

Each distinct value is tested once, orders are numbered rather than compared as
text, months and periods are found by hashing the days rather than sorting them
(the daily sums' codes are in ``daily_sums``). Every function gives what its plain pandas
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

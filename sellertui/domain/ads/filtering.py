"""The filter of the Ads tables: free words plus ``field:value`` terms (``domain.query``).

Numbers compare: ``clicks:>=10``, ``orders:0``, ``acos:>40`` (percent),
``spend:>20`` (in the currency), ``acos:blank`` (no sales). Text fields match
by substring, case-insensitively: ``campaign:auto match:exact``.
"""

from __future__ import annotations  # pandas and numpy load lazily: the UI imports Field at start-up

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sellertui.core.i18n import _
from sellertui.core.money import exponent
from sellertui.domain.query import QueryError, parse

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

COMPARISON = re.compile(r"^(>=|<=|>|<|=)?\s*(-?\d+(?:\.\d+)?)%?$")


@dataclass(frozen=True)
class Field:
    column: str
    kind: str = "text"  # text, number, percent, money


def positions(frame: pd.DataFrame, text: str, fields: dict[str, Field], words_in: list[str]) -> np.ndarray | None:
    """Rows of ``frame`` matching the filter ``text`` (None: no filter)."""
    import numpy as np

    query = parse(text, set(fields))
    if query.empty:
        return None
    mask = np.ones(len(frame), dtype=bool)
    lowered = {c: frame[c].astype("str").str.lower() for c in words_in}
    for word in query.words:
        hit = np.zeros(len(frame), dtype=bool)
        for column in lowered.values():
            hit |= column.str.contains(word, regex=False).to_numpy(dtype=bool, na_value=False)
        mask &= hit
    for name, value in query.terms.items():
        mask &= _term(frame, name, fields[name], value)
    return np.flatnonzero(mask)


def _term(frame: pd.DataFrame, name: str, field: Field, value: str) -> np.ndarray:
    import numpy as np

    column = frame[field.column]
    if field.kind == "text":
        return column.astype("str").str.lower().str.contains(value.lower(), regex=False).to_numpy(
            dtype=bool, na_value=False)
    numbers = column.to_numpy(dtype=float, na_value=np.nan)
    if value.lower() in ("blank", "none", "-"):
        return np.isnan(numbers)
    match = COMPARISON.match(value.strip())
    if not match:
        raise QueryError(_("{name}: wants a number like 10, >=10 or <2.5, not {value!r}")
                             .format(name=name, value=value))
    op, number = match.group(1) or "=", float(match.group(2))
    if field.kind == "percent":
        number /= 100
    elif field.kind == "money":
        scale = np.array([10 ** exponent(c) for c in frame["currency"]], dtype=float) if "currency" in frame else 100
        number = number * scale
    with np.errstate(invalid="ignore"):
        result = {">=": numbers >= number, "<=": numbers <= number, ">": numbers > number, "<": numbers < number,
                  "=": np.isclose(numbers, number)}[op]
    return np.asarray(result, dtype=bool) & ~np.isnan(numbers)

"""What a table column is: the frame column it shows, its label and width, and how its cells read."""

from __future__ import annotations

from sellertui.core.cells import fit
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class Column:
    key: str  # column of the frame
    label: str
    width: int = 10
    align: str = "left"  # or "right"
    fmt: Callable[..., str] | None = None  # value -> text; default str(), "" for None/NaN
    style: Callable[..., str | None] | None = None  # value -> Rich style for the cell
    sort_key: str | None = None  # sort by another frame column (e.g. the raw date)
    # other columns of the row the formatter needs: fmt/style are then called as
    # f(value, row) where row(key) gives that row's value of another column
    needs: tuple[str, ...] = ()


def lazy_numpy():
    # numpy comes with the first frame, not at start-up
    import numpy

    return numpy


def default_fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def fit_cell(text: str, width: int, align: str) -> str:
    """A cell's text in exactly ``width`` cells: on one line, cut with … when it is longer."""
    text = text.replace("\n", " ")
    if text.isascii():  # the common case, kept fast: one character, one cell
        if len(text) > width:
            return text[: width - 1] + "…" if width > 0 else ""
        return text.rjust(width) if align == "right" else text.ljust(width)
    return fit(text, width, align)  # 中文 and other wide characters: two cells each


def plain_value(value: Any) -> Any:
    """A frame's value as plain Python (missing: None)."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:  # pandas' str dtype keeps missing text as NaN
        return None
    return value


def sorted_positions(column, descending: bool):
    """Every position of ``column`` (a Series), in the order of its values (stable; missing last)."""
    column = column.reset_index(drop=True)
    import pandas as pd

    if isinstance(column.array, pd.arrays.ArrowExtensionArray):
        # the call sort_values makes for such a column (pandas' nargsort: Arrow's stable sort), without the
        # missing-value mask and the sorted copy of every value it builds too: 100k texts ~16-40 -> ~13 ms
        return column.array.argsort(ascending=not descending, kind="stable", na_position="last")
    try:
        ordered = column.sort_values(ascending=not descending, kind="stable", na_position="last")
    except TypeError:  # mixed types in one column: compare their text
        ordered = column.astype(str).sort_values(ascending=not descending, kind="stable")
    return ordered.index.to_numpy()

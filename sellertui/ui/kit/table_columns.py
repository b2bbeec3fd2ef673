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

"""A report read into memory: its header row and one list of cells per column, with line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from sellertui.importers.limits import FIELD_CHARS

HEADER_SEARCH = 40  # a header must be within the first 40 lines (the longest preamble is ~7)
Recognise = Callable[[list], bool]
Select = Callable[[list], Iterable[int]]
Progress = Callable[[float], None]


@dataclass
class Table:
    name: str  # the file name, as messages show it
    headers: list[str]
    columns: list[list | None]  # one list per header cell (None: a column nobody asked for, not read)
    lines: Sequence[int]  # the line (text) or row (workbook) number of each data row (a range or a list)
    preamble: list[str] = field(default_factory=list)  # note lines above the header
    sheet: str | None = None
    encoding: str | None = None
    encoding_source: str | None = None  # how the encoding was decided: "detected", "byte order mark", "chosen"…
    long_cells: list[tuple[int, int, int]] = field(default_factory=list)  # (row, column, length) over the limit

    @property
    def n(self) -> int:
        return len(self.lines)

    @property
    def partial(self) -> bool:
        return any(column is None for column in self.columns)

    def row(self, i: int) -> list:
        return [column[i] if column is not None else "" for column in self.columns]

    def keep(self, rows: list[int]) -> None:
        """Keep only these data rows (blank rows are dropped this way)."""
        self.columns = [[column[i] for i in rows] if column is not None else None for column in self.columns]
        self.lines = [self.lines[i] for i in rows]


def drop_blank_rows(table: Table) -> None:
    read = [column for column in table.columns if column is not None]
    first = read[0] if read else []
    try:
        if "" not in first and not any(map(str.isspace, first)):
            return  # every row has a first cell: none is blank
    except TypeError:  # workbook cells: numbers, dates
        pass
    candidates = [i for i, cell in enumerate(first) if not cell or (cell.__class__ is str and cell.isspace())]
    blank = [i for i in candidates if all(empty(column[i]) for column in read)]
    if blank:
        drop = set(blank)
        table.keep([i for i in range(table.n) if i not in drop])


def empty(cell: object) -> bool:
    return cell is None or cell == "" or (isinstance(cell, str) and not cell.strip())


def overlong(table: Table) -> list[tuple[int, int, int]]:
    """(row, column, length) of every cell longer than a field may be (``limits.FIELD_CHARS``).

    Each column is measured in C first (``max(map(len, …))``); only one holding such a
    cell is looked through. Workbook columns (numbers, dates) are looked through.
    """
    found = []
    for c, column in enumerate(table.columns):
        if not column:
            continue
        try:
            if max(map(len, column)) <= FIELD_CHARS:
                continue
        except TypeError:  # not all text
            pass
        for r, cell in enumerate(column):
            if cell.__class__ is str and len(cell) > FIELD_CHARS:
                found.append((r, c, len(cell)))
    return found

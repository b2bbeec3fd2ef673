"""Exports that are safe to open in a spreadsheet.

A cell starting with = + - @ (or a tab/CR) is a formula to Excel and Sheets:
a buyer name like ``=HYPERLINK(...)`` would run. Such cells get a leading
apostrophe, which spreadsheets hide and treat as "this is text".
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Iterable, Sequence

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise a text cell that a spreadsheet would run as a formula; numbers pass."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return out.getvalue()


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], delimiter: str = ",") -> Path:
    from sellertui.store.fsio import atomic_write

    atomic_write(Path(path), csv_text(header, rows, delimiter).encode("utf-8"))
    return Path(path)

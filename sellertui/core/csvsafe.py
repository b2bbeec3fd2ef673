"""CSV files we write must not run as formulas when a spreadsheet opens them.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some spreadsheets skip before looking) is read by Excel, LibreOffice and
Google Sheets as a formula: a product name or buyer message like
``=HYPERLINK("http://evil", "click")`` would run. Every exported CSV goes through
``safe_cell`` (``csv_text``, ``write_csv``), which puts a single quote in front of
such cells, as OWASP recommends. A plain number (``-12.50``, as an ``int``/
``float``/``Decimal`` or as text) cannot be a formula and stays a number. The
importers take the quote off again (``importers.values.unguard``), so a fixed
rejects file imports as it was.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Sequence

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9,]*(?:\.[0-9]+)?")


def safe_cell(value: object) -> object:
    """The value to write in a CSV cell: text that could run as a formula gets a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, Decimal)):
        return value
    text = str(value)
    if text.startswith(DANGEROUS_FIRST) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_row(row: Iterable[object]) -> list[object]:
    return [safe_cell(v) for v in row]


def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow(safe_row(row))
    return out.getvalue()


def write_csv(path: Path, header: Sequence[Any], rows: Iterable[Sequence[Any]], delimiter: str = ",",
              bom: bool = False) -> Path:
    """Write the file atomically. ``bom``: a UTF-8 BOM, so Excel reads accents right (not for upload files)."""
    from sellertui.store.fsio import atomic_write

    payload = csv_text(header, rows, delimiter).encode("utf-8")
    atomic_write(Path(path), (b"\xef\xbb\xbf" if bom else b"") + payload)
    return Path(path)

"""Reading a report file into a table: the header row and one list of cells per column.

Handles the framing Amazon's downloads come in: text in UTF-8 (with or without
BOM), UTF-16, GBK, Big5, Shift_JIS or Windows-1252 (``importers.scan`` says
which, or that it cannot tell); tab-, comma- or semicolon-separated; note lines
before the header (the Date Range report's preamble); blank and trailing empty
rows; and workbooks (XLSX/XLS, checked by ``importers.zipcheck`` and read with
calamine: ``importers.workbook``). Files that are none of these get one sentence
saying so.

A flat file is never held whole in memory: one streamed pass (``scan``) judges
it, then pandas' C parser (dtype=object, no NA guessing: the fastest reader at
hand, and exact about quoting) reads it from the open file in chunks. Memory is
what the cells need, not the file twice over. Each data row keeps the line
number a user sees in an editor (text) or a spreadsheet (workbook).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from pathlib import Path
from typing import BinaryIO, Sequence

from sellertui.core.i18n import _
from sellertui.importers.errors import FileProblem
from sellertui.importers.scan import HEAD, Scan, scan
from sellertui.importers.table import HEADER_SEARCH, Progress, Recognise, Select, Table, drop_blank_rows, overlong
from sellertui.importers.workbook import read_workbook

CHUNK = 10_000  # rows per read step (progress is reported between steps); a step's lists of cells stay near
# glibc's mmap threshold, so steps reuse memory (50k-row steps page-faulted fresh memory: 0.12 s system → 0.05 s)
WORKBOOK_MARKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def read_table(path: Path, recognise: Recognise, expected: str, progress: Progress | None = None,
               select: Select | None = None, encoding: str | None = None) -> Table:
    """The report in ``path``; ``recognise(cells)`` says whether a row is a header we read.

    ``select(headers)`` names the columns wanted (a text file's other columns are
    not turned into Python objects: faster); None reads every column. ``encoding``
    (a codec, ``encodings.codec_for``) overrides detection for a text file.
    """
    with _open(path) as fh:
        return read_stream(path.name, fh, recognise, expected, progress, select, encoding)


def read_bytes(name: str, data: bytes, recognise: Recognise, expected: str, progress: Progress | None = None,
               select: Select | None = None, encoding: str | None = None) -> Table:
    """A report already in memory (a downloaded report document), named ``name`` in messages."""
    return read_stream(name, io.BytesIO(data), recognise, expected, progress, select, encoding)


def read_stream(name: str, fh: BinaryIO, recognise: Recognise, expected: str, progress: Progress | None = None,
                select: Select | None = None, encoding: str | None = None) -> Table:
    """``read_table`` over an open binary file (seekable), named ``name`` in messages."""
    head = fh.read(HEAD)
    if head.startswith(WORKBOOK_MARKS):
        return read_workbook(name, fh, recognise, expected)
    facts = scan(name, fh, head, encoding)
    if facts.blank:
        raise FileProblem(name, _("is empty; expected {expected}").format(expected=expected))
    return _read_text(name, fh, head, facts, recognise, expected, progress, select)


def _open(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")
    except IsADirectoryError:
        raise FileProblem(str(path), _("is a folder, not a report file")) from None
    except FileNotFoundError:
        raise FileProblem(str(path), _("does not exist")) from None
    except OSError as exc:
        raise FileProblem(str(path), _("cannot be read ({reason})").format(reason=exc.strerror or exc)) from None


# -- text -------------------------------------------------------------------------
def _delimiter(line: str) -> str:
    counts = {sep: line.count(sep) for sep in ("\t", ",", ";")}
    return max(counts, key=counts.get)


def _split(line: str, sep: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=sep), [])
    except csv.Error:
        return line.split(sep)


def _find_header(lines: list[str], recognise: Recognise) -> tuple[int, str, list[str]] | None:
    for number, line in enumerate(lines[:HEADER_SEARCH]):
        if not line.strip():
            continue
        sep = _delimiter(line)
        cells = _split(line, sep)
        if recognise(cells):
            return number, sep, cells
    return None


def _read_text(name: str, fh: BinaryIO, head: bytes, facts: Scan, recognise: Recognise, expected: str,
               progress: Progress | None, select: Select | None = None) -> Table:
    encoding, bom = facts.encoding, facts.bom
    text = codecs.getincrementaldecoder(encoding)("replace").decode(head[bom:], final=facts.size <= len(head))
    lines = text[:65536].splitlines()
    found = _find_header(lines, recognise)
    if found is None:
        first = next((line.strip() for line in lines if line.strip()), "")
        shown = first if len(first) <= 80 else first[:79] + "…"
        raise FileProblem(name, _("has no header row sellertui recognises (its first line reads '{first}'); "
                                  "expected {expected}").format(first=shown, expected=expected))
    header_index, sep, headers = found
    offset = 0
    for _skipped in range(header_index + 1):  # the data starts after the header's line break
        offset = _line_end(text, offset)
    start = bom + len(text[:offset].encode(encoding))
    layout = _Layout(facts, start, header_index + 1, head[bom:start].count(b"\n"))
    wanted = sorted(set(select(headers))) if select is not None else None
    columns, count = _tokenise(name, fh, head, layout, sep, len(headers), progress, wanted)
    lines_of_rows = layout.line_numbers(columns, count)
    if lines_of_rows is None:  # quoted line breaks, maybe in a column not read: count them in every column
        columns, count = _tokenise(name, fh, head, layout, sep, len(headers), None)
        lines_of_rows = layout.line_numbers(columns, count)
    table = Table(name, [h.strip() for h in headers], columns, lines_of_rows,
                  [line.strip() for line in lines[:header_index]],
                  encoding=encoding + ("-sig" if bom and encoding == "utf-8" else ""), encoding_source=facts.verdict.source)
    drop_blank_rows(table)
    table.long_cells = overlong(table)
    return table


class _Layout:
    """Where the rows start in the file, and what the scan counted: enough to number every row."""

    def __init__(self, facts: Scan, start: int, lines_before: int, breaks_in_head_before: int) -> None:
        self.facts, self.start, self.lines_before = facts, start, lines_before
        self.breaks_after = facts.newlines - breaks_in_head_before

    def breaks_in_cells(self, count: int) -> bool:
        return self.physical_lines() > count and self.facts.quotes

    def physical_lines(self) -> int:
        return self.breaks_after + (0 if self.facts.ends_with_newline else 1)

    def line_numbers(self, columns: list[list | None], count: int) -> Sequence[int] | None:
        """Editor line of each row; cells holding line breaks push the later rows down (None: read every column)."""
        first = self.lines_before + 1
        if not count or not self.breaks_in_cells(count):
            return range(first, first + count)  # one line per row: not a million int objects (~40 MB)
        if any(column is None for column in columns):
            return None
        extra = [0] * count
        for column in columns:
            for i, cell in enumerate(column):
                if "\n" in cell:
                    extra[i] += cell.count("\n")
        numbers, line = [], first
        for i in range(count):
            numbers.append(line)
            line += 1 + extra[i]
        return numbers


def _line_end(text: str, start: int) -> int:
    """Index just past the line that begins at ``start`` (\\r\\n, \\n or \\r)."""
    n = text.find("\n", start)
    r = text.find("\r", start)
    if n < 0 and r < 0:
        return len(text)
    if r >= 0 and (n < 0 or r < n):
        return r + 2 if text.startswith("\r\n", r) else r + 1
    return n + 1


def _tokenise(name: str, fh: BinaryIO, head: bytes, layout: _Layout, sep: str, width: int,
              progress: Progress | None, wanted: list[int] | None = None) -> tuple[list[list | None], int]:
    """pandas' C parser over the file after the header, in chunks (progress between them)."""
    import pandas as pd

    start, encoding = layout.start, layout.facts.encoding
    fh.seek(start)
    sniff = fh.read(4096)
    quoted = sep != "\t" or sniff[:1] == b'"' or b'\t"' in sniff
    columns: list[list | None] = [[] if wanted is None or i in wanted else None for i in range(width)]
    quoting = csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE
    fh.seek(start)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            count = _chunks(pd, fh, encoding, sep, quoting, columns, max(1, layout.breaks_after), progress)
    except pd.errors.EmptyDataError:  # nothing after the header but white space
        return columns, 0
    except pd.errors.ParserError as exc:
        raise FileProblem(name, _parser_message(str(exc), layout.lines_before, width)) from None
    except UnicodeDecodeError:  # the scan read it all: the file changed under us
        raise FileProblem(name, _("changed while it was being read; import it again")) from None
    except (ValueError, IndexError) as exc:
        raise FileProblem(name, _("cannot be read as a table ({reason})").format(reason=exc)) from None
    if any(issubclass(w.category, pd.errors.ParserWarning) for w in caught):
        fh.seek(start)
        _check_long_rows(name, fh, encoding, sep, quoting, width, layout.lines_before)
    return columns, count


def _chunks(pd, fh: BinaryIO, encoding: str, sep: str, quoting: int, columns: list[list | None],
            expected_rows: int, progress: Progress | None) -> int:
    count = 0
    read = [i for i, column in enumerate(columns) if column is not None]
    reader = pd.read_csv(fh, sep=sep, header=None, names=range(len(columns)), dtype=object,
                         na_filter=False, keep_default_na=False, skip_blank_lines=False, engine="c",
                         quoting=quoting, encoding=encoding, chunksize=CHUNK, index_col=False,
                         usecols=read if len(read) < len(columns) else None)
    with reader:
        for chunk in reader:
            cells: dict[int, list] = {}
            for i in read:
                before = cells.get(i - 1)  # a column repeating the one before it (All Orders' merchant order id is
                # usually the order id) shares its cells: 1M order ids held once, not twice (~70 MB)
                cells[i] = before if before is not None and chunk[i].equals(chunk[i - 1]) else chunk[i].tolist()
                columns[i].extend(cells[i])
            count += len(chunk)
            if progress is not None:
                progress(min(1.0, count / expected_rows))
    return count


def _check_long_rows(name: str, fh: BinaryIO, encoding: str, sep: str, quoting: int, width: int,
                     lines_before: int) -> None:
    """pandas drops cells beyond the header's width (with a warning): find a row that loses data (streamed)."""
    body = io.TextIOWrapper(fh, encoding=encoding, errors="replace", newline="")
    reader = csv.reader(body, delimiter=sep, quoting=quoting)
    try:
        for row in reader:
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                raise FileProblem(name, _("line {line} has {cells} cells where the header has {width} (is a cell "
                                          "missing its quotes, or is it another report pasted in?)").format(
                                            line=reader.line_num + lines_before, cells=len(row), width=width))
    except csv.Error as exc:
        raise FileProblem(name, _("cannot be read as a table ({reason})").format(reason=exc)) from None
    finally:
        body.detach()


def _parser_message(message: str, lines_before: int, width: int) -> str:
    if m := re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message):
        return _("line {line} has {cells} cells where the header has {width} (is a cell missing its quotes, or is "
                 "it another report pasted in?)").format(line=int(m[2]) + lines_before, cells=m[3], width=width)
    if m := re.search(r"EOF inside string starting at row (\d+)", message):
        return _("a quoted cell near line {line} never ends (the file may be cut short)").format(
            line=int(m[1]) + lines_before + 1)
    return _("cannot be read as a table ({reason})").format(reason=message.strip())

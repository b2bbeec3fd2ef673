"""Reading a report file into a table: the header row and one list of cells per column.

Handles the framing Amazon's downloads come in: UTF-8 (with or without BOM), Windows-1252
and Shift_JIS text; tab-, comma- or semicolon-separated; note lines before the
header (the Date Range report's preamble); blank and trailing empty rows; and
workbooks (XLSX/XLS, read with calamine, which ignores a wrong declared sheet
dimension: ``importers.workbook``). Files that are none of these get one
sentence saying so.

Text is tokenised by pandas' C parser (dtype=object, no NA guessing): the
fastest reader at hand, and exact about quoting. Each data row keeps the line
number a user sees in an editor (text) or a spreadsheet (workbook).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from pathlib import Path

from sellertui.importers.errors import FileProblem
from sellertui.importers.table import HEADER_SEARCH, Progress, Recognise, Select, Table, drop_blank_rows
from sellertui.importers.workbook import read_workbook

CHUNK = 50_000  # rows per read step (progress is reported between steps)
_SOMETHING = re.compile(rb"\S")
_CONTENT = re.compile(rb"[^\x00\s]")


def read_table(path: Path, recognise: Recognise, expected: str, prefer_japanese: bool = False,
               progress: Progress | None = None, select: Select | None = None) -> Table:
    """The report in ``path``; ``recognise(cells)`` says whether a row is a header we read.

    ``select(headers)`` names the columns wanted (a text file's other columns are
    not turned into Python objects: faster); None reads every column.
    """
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise FileProblem(str(path), "is a folder, not a report file") from None
    except FileNotFoundError:
        raise FileProblem(str(path), "does not exist") from None
    except OSError as exc:
        raise FileProblem(str(path), f"cannot be read ({exc.strerror or exc})") from None
    return read_bytes(path.name, data, recognise, expected, prefer_japanese, progress, select)


def read_bytes(name: str, data: bytes, recognise: Recognise, expected: str, prefer_japanese: bool = False,
               progress: Progress | None = None, select: Select | None = None) -> Table:
    """A report already in memory (a downloaded report document), named ``name`` in messages."""
    if _blank(data):
        raise FileProblem(name, f"is empty; expected {expected}")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        return read_workbook(name, data, recognise, expected)
    encoding, bom = sniff_encoding(name, data, prefer_japanese)
    try:
        return _read_text(name, data, bom, encoding, recognise, expected, progress, select)
    except UnicodeDecodeError:  # the start looked like one encoding, a later line is another
        _, encoding = decode(name, data, prefer_japanese)
        return _read_text(name, data, 0 if encoding != "utf-8-sig" else 3, encoding.replace("-sig", ""),
                          recognise, expected, progress, select)


def _blank(data: bytes) -> bool:
    """Nothing but white space (and a byte order mark): an empty file, found without copying it."""
    start = next((len(bom) for bom, _ in BOMS if data.startswith(bom)), 0)
    return _CONTENT.search(data, start) is None


# -- text -------------------------------------------------------------------------
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
SNIFF = 262_144  # bytes looked at to choose an encoding (the whole file is checked as pandas reads it)


def sniff_encoding(name: str, data: bytes, prefer_japanese: bool = False) -> tuple[str, int]:
    """(encoding, BOM length) from the start of the file; ``decode`` is the careful whole-file way."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    head = data[:SNIFF]
    if b"\x00" in head[:8192]:
        raise FileProblem(name, "is binary data, not a text report or an Excel workbook")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) == len(data))
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    _, encoding = decode(name, head if len(data) > SNIFF else data, prefer_japanese, final=len(head) == len(data))
    return encoding, 0


def decode(name: str, data: bytes, prefer_japanese: bool = False, final: bool = True) -> tuple[str, str]:
    """Bytes -> text: a BOM decides, then UTF-8, then the likelier of Windows-1252 and Shift_JIS."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding + ("-sig" if encoding == "utf-8" else "")
            except UnicodeDecodeError as exc:
                raise FileProblem(name, f"says it is {encoding.upper()} but is not (bad byte at {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise FileProblem(name, "is binary data, not a text report or an Excel workbook")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = ["cp932", "cp1252"] if prefer_japanese else ["cp1252", "cp932"]
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262_144], cp_isolation=["cp1252", "cp932", "shift_jis"]).best()
    if best is not None:
        guess = "cp932" if best.encoding in ("cp932", "shift_jis") else best.encoding
        candidates.insert(0, guess)
    for encoding in dict.fromkeys(candidates):
        try:
            return codecs.getincrementaldecoder(encoding)().decode(data, final=final), encoding
        except UnicodeDecodeError:
            continue
    raise FileProblem(name, "is not text in UTF-8, Windows-1252 or Shift_JIS")


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


def _read_text(name: str, data: bytes, bom: int, encoding: str, recognise: Recognise, expected: str,
               progress: Progress | None, select: Select | None = None) -> Table:
    final = len(data) - bom <= SNIFF
    text = codecs.getincrementaldecoder(encoding)().decode(data[bom:bom + SNIFF], final=final)
    head = text[:65536].splitlines()
    found = _find_header(head, recognise)
    if found is None:
        first = next((line.strip() for line in head if line.strip()), "")
        shown = first if len(first) <= 80 else first[:79] + "…"
        raise FileProblem(name, f"has no header row sellertui recognises (its first line reads '{shown}'); "
                                f"expected {expected}")
    header_index, sep, headers = found
    offset = 0
    for _ in range(header_index + 1):  # the data starts after the header's line break
        offset = _line_end(text, offset)
    start = bom + len(text[:offset].encode(encoding))
    wanted = sorted(set(select(headers))) if select is not None else None
    columns, count = _tokenise(name, data, start, encoding, sep, len(headers), header_index + 1, progress, wanted)
    first_line = header_index + 2  # 1-based number of the first line after the header
    lines = _line_numbers(columns, count, first_line, data, start)
    if lines is None:  # quoted line breaks, maybe in a column not read: count them in every column
        columns, count = _tokenise(name, data, start, encoding, sep, len(headers), header_index + 1, None)
        lines = _line_numbers(columns, count, first_line, data, start)
    table = Table(name, [h.strip() for h in headers], columns, lines, [l.strip() for l in head[:header_index]],
                  encoding=encoding + ("-sig" if bom and encoding == "utf-8" else ""))
    drop_blank_rows(table)
    return table


def _line_end(text: str, start: int) -> int:
    """Index just past the line that begins at ``start`` (\\r\\n, \\n or \\r)."""
    n = text.find("\n", start)
    r = text.find("\r", start)
    if n < 0 and r < 0:
        return len(text)
    if r >= 0 and (n < 0 or r < n):
        return r + 2 if text.startswith("\r\n", r) else r + 1
    return n + 1


def _tokenise(name: str, data: bytes, start: int, encoding: str, sep: str, width: int, lines_before: int,
              progress: Progress | None, wanted: list[int] | None = None) -> tuple[list[list | None], int]:
    """pandas' C parser over the bytes after the header, in chunks (progress between them)."""
    import pandas as pd

    sniff = data[start:start + 4096]
    quoted = sep != "\t" or sniff[:1] == b'"' or b'\t"' in sniff
    columns: list[list | None] = [[] if wanted is None or i in wanted else None for i in range(width)]
    if _SOMETHING.search(data, start) is None:  # nothing after the header but white space
        return columns, 0
    expected_rows = max(1, data.count(b"\n", start))
    quoting = csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            count = _chunks(pd, data, start, encoding, sep, quoting, columns, expected_rows, progress)
    except pd.errors.ParserError as exc:
        raise FileProblem(name, _parser_message(str(exc), lines_before, width)) from None
    except UnicodeDecodeError:
        raise
    except (ValueError, IndexError) as exc:
        raise FileProblem(name, f"cannot be read as a table ({exc})") from None
    if any(issubclass(w.category, pd.errors.ParserWarning) for w in caught):
        _check_long_rows(name, data[start:].decode(encoding, errors="replace"), sep, quoting, width, lines_before)
    return columns, count


def _chunks(pd, data: bytes, start: int, encoding: str, sep: str, quoting: int, columns: list[list | None],
            expected_rows: int, progress: Progress | None) -> int:
    count = 0
    read = [i for i, column in enumerate(columns) if column is not None]
    body = io.BytesIO(data)  # shares the bytes: no 40 MB copy
    body.seek(start)
    reader = pd.read_csv(body, sep=sep, header=None, names=range(len(columns)), dtype=object,
                         na_filter=False, keep_default_na=False, skip_blank_lines=False, engine="c",
                         quoting=quoting, encoding=encoding, chunksize=CHUNK, index_col=False,
                         usecols=read if len(read) < len(columns) else None)
    for chunk in reader:
        for i in read:
            columns[i].extend(chunk[i].tolist())
        count += len(chunk)
        if progress is not None:
            progress(min(1.0, count / expected_rows))
    return count


def _check_long_rows(name: str, body: str, sep: str, quoting: int, width: int, lines_before: int) -> None:
    """pandas drops cells beyond the header's width (with a warning): find a row that loses data."""
    reader = csv.reader(io.StringIO(body), delimiter=sep, quoting=quoting)
    try:
        for row in reader:
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                raise FileProblem(name, f"line {reader.line_num + lines_before} has {len(row)} cells where the "
                                        f"header has {width} (is a cell missing its quotes, or is it another "
                                        "report pasted in?)")
    except csv.Error as exc:
        raise FileProblem(name, f"cannot be read as a table ({exc})") from None


def _parser_message(message: str, lines_before: int, width: int) -> str:
    if m := re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message):
        return (f"line {int(m[2]) + lines_before} has {m[3]} cells where the header has {width} "
                "(is a cell missing its quotes, or is it another report pasted in?)")
    if m := re.search(r"EOF inside string starting at row (\d+)", message):
        return f"a quoted cell near line {int(m[1]) + lines_before + 1} never ends (the file may be cut short)"
    return f"cannot be read as a table ({message.strip()})"


def _line_numbers(columns: list[list | None], count: int, first_line: int, data: bytes, start: int
                  ) -> list[int] | None:
    """Editor line of each row; cells holding line breaks push the later rows down (None: read every column)."""
    breaks = data.count(b"\n", start) + (0 if data.endswith(b"\n") else 1) if count else 0
    if breaks <= count or b'"' not in data:
        return list(range(first_line, first_line + count))
    if any(column is None for column in columns):
        return None
    extra = [0] * count
    for column in columns:
        for i, cell in enumerate(column):
            if "\n" in cell:
                extra[i] += cell.count("\n")
    lines, line = [], first_line
    for i in range(count):
        lines.append(line)
        line += 1 + extra[i]
    return lines

"""Checking a workbook before its reader sees it: what its parts really unpack to, and how far its sheets reach.

calamine unpacks a sheet whole and holds every cell of the rectangle its cells
span, empty ones too. So a 4 MB file whose sheet inflates to 1.5 GB peaks at
gigabytes, and a 1 KB sheet with one cell at XFD1048576 asks for 17 billion
cells and aborts the process. Before calamine runs, every part is checked
against ``limits``: its declared size (the zip's directory), its actual size
(inflated here in bounded steps from the compressed bytes, whatever the
directory says, so a lying directory gains nothing), and for sheets the
rectangle its cell references span. Memory here is one block, never a part.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from typing import BinaryIO, Iterator

from sellertui.core.i18n import _
from sellertui.importers.errors import FileProblem
from sellertui.importers.limits import SHEET_CELLS, XLSX_PART_BYTES, XLSX_PARTS, XLSX_TOTAL_BYTES, size

BLOCK = 1 << 20
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a zip member's local header (APPNOTE 4.3.7)
_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
# a cell or row start tag (any namespace prefix), with its r="B12" reference when that comes first
_TAG = re.compile(rb'<(?:\w+:)?(c|row)(?=[\s>/])(?:\s+r="([A-Z]*)([0-9]*)")?([^<>]*)>')
_REF = re.compile(rb'\sr="([A-Z]*)([0-9]*)"')
_UNREFERENCED = re.compile(rb'<c(?:>|/>|\s(?!r="))|<row(?:>|/>|\s(?!r="))')  # a cell or row without r first
_ROW_REFS = re.compile(rb'<row r="([0-9]+)"')
_LETTERS = re.compile(rb"[A-Z]+")


def check_workbook(name: str, fh: BinaryIO) -> None:
    """FileProblem unless the zip is a workbook whose every part fits the limits; ``fh`` is left anywhere."""
    try:
        members = zipfile.ZipFile(fh).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        raise FileProblem(name, _("is a damaged or incomplete Excel workbook (the file seems cut short); "
                                  "download it again")) from None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise FileProblem(name, _("is a zip archive, not an Excel workbook; unzip it and import the report inside"))
    if len(members) > XLSX_PARTS:
        raise FileProblem(name, _("holds {parts:,} parts, more than a workbook has ({most:,} at most)").format(
            parts=len(members), most=XLSX_PARTS))
    declared = 0
    for member in members:
        _check_size(name, member.filename, member.file_size)
        declared += member.file_size
    if declared > XLSX_TOTAL_BYTES:
        raise FileProblem(name, _("says it unpacks to {size}, more than the {most} sellertui reads from one "
                                  "workbook; export the report as CSV instead").format(
                                    size=size(declared), most=size(XLSX_TOTAL_BYTES)))
    actual = 0
    for member in members:
        actual += _check_part(name, fh, member)
        if actual > XLSX_TOTAL_BYTES:
            raise FileProblem(name, _("unpacks to more than the {most} sellertui reads from one workbook; export "
                                      "the report as CSV instead").format(most=size(XLSX_TOTAL_BYTES)))


def _check_size(name: str, part: str, n: int) -> None:
    if n > XLSX_PART_BYTES:
        raise FileProblem(name, _("says it unpacks its part {part} to {size}, more than the {most} sellertui "
                                  "reads from one part (a damaged or hostile file, or a report to export as CSV "
                                  "instead)").format(part=part, size=size(n), most=size(XLSX_PART_BYTES)))


def _check_part(name: str, fh: BinaryIO, member: zipfile.ZipInfo) -> int:
    """The part's real unpacked size (checked as it grows); sheets also have their extent checked."""
    extent = _Extent(name, member.filename) if _SHEET.fullmatch(member.filename) else None
    total = 0
    for data in _inflate(name, fh, member):
        total += len(data)
        if total > XLSX_PART_BYTES:  # the directory said less: the part lies about its size
            raise FileProblem(name, _("unpacks its part {part} to more than the {most} sellertui reads from one "
                                      "part, though it says {size} (a damaged or hostile file)").format(
                                        part=member.filename, most=size(XLSX_PART_BYTES), size=size(member.file_size)))
        if extent is not None:
            extent.feed(data)
    if extent is not None:
        extent.done()
    return total


def _inflate(name: str, fh: BinaryIO, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes, inflated in steps of at most ``BLOCK`` from its compressed data."""
    if member.flag_bits & 0x1:
        raise FileProblem(name, _("is a password-protected workbook; open it in Excel, remove the password "
                                  "(File > Info > Protect Workbook), save and import it again"))
    try:
        fh.seek(member.header_offset)
        header = fh.read(_LOCAL_HEADER.size)
        if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            raise ValueError("no local header")
        fields = _LOCAL_HEADER.unpack(header)
        fh.seek(member.header_offset + _LOCAL_HEADER.size + fields[10] + fields[11])  # past its name and extra field
    except (OSError, ValueError):
        raise FileProblem(name, _("is a damaged Excel workbook (part {part} is missing); download it "
                                  "again").format(part=member.filename)) from None
    left = member.compress_size
    if member.compress_type == zipfile.ZIP_STORED:
        while left > 0:
            data = fh.read(min(BLOCK, left))
            if not data:
                break
            left -= len(data)
            yield data
        return
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise FileProblem(name, _("packs its part {part} in a way Excel does not (zip method {method}); save "
                                  "it again from Excel").format(part=member.filename, method=member.compress_type))
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        while left > 0 and not inflater.eof:
            raw = fh.read(min(BLOCK, left))
            if not raw:
                break
            left -= len(raw)
            data = inflater.decompress(raw, BLOCK)
            while data:
                yield data
                data = inflater.decompress(inflater.unconsumed_tail, BLOCK) if inflater.unconsumed_tail else b""
    except zlib.error:
        raise FileProblem(name, _("is a damaged Excel workbook (part {part} cannot be unpacked); download it "
                                  "again").format(part=member.filename)) from None


def _greater(number: bytes) -> bytes:
    """A pattern for digit strings as long as ``number`` and larger (same length: compared digit by digit)."""
    options = []
    for i, digit in enumerate(number):
        if digit < ord("9"):
            rest = len(number) - i - 1
            options.append(re.escape(number[:i]) + b"[%c-9]" % (digit + 1) + (b"[0-9]{%d}" % rest if rest else b""))
    return b"|".join(options) or b"(?!)"


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def column_name(n: int) -> str:
    name = ""
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


class _Extent:
    """The rectangle a sheet's cells span, followed the way its reader places cells.

    A cell or row with an ``r`` reference goes there; one without goes next to
    the previous one. The reader allocates rows x columns, so that product is
    what is checked, as the sheet streams past.
    """

    def __init__(self, name: str, part: str) -> None:
        self.name, self.part = name, part
        self.row = self.col = self.rows = self.cols = 0
        self.tail = b""

    def feed(self, data: bytes) -> None:
        data = self.tail + data
        cut = data.rfind(b"<")
        if cut >= 0 and data.find(b">", cut) < 0:  # a tag split between blocks: finish it with the next
            data, self.tail = data[:cut], data[cut:]
        else:
            self.tail = b""
        if len(self.tail) > BLOCK:  # one tag a megabyte long is no spreadsheet
            raise FileProblem(self.name, _("is a damaged Excel workbook (part {part} is not a sheet)").format(
                part=self.part))
        if not self._referenced(data):
            self._walk(data)
        if self.rows * self.cols > SHEET_CELLS:
            self._refuse()

    def _referenced(self, data: bytes) -> bool:
        """The usual block (Excel, Amazon, openpyxl): every row and cell opens with its r="…" and no cell
        lies beyond the last row. Then a few scans in C give the extent without walking every tag.
        False: not that kind of block (walk it)."""
        if _UNREFERENCED.search(data) or b":c " in data or b":row" in data:  # prefixed tags: walk them
            return False
        rows = _ROW_REFS.findall(data)
        top = max(rows, key=lambda r: (len(r), r)) if rows else str(self.row).encode()
        beyond = rb'<c r="(?:[A-Z]{3}|[A-Z]{1,2}(?:[0-9]{%d,}|%s)")' % (len(top) + 1, _greater(top))
        if re.search(beyond, data):
            return False  # a cell past column ZZ or below the last row: place each one
        self.rows = max(self.rows, int(top))
        wide = re.findall(rb'<c r="([A-Z]{2})[0-9]', data)
        self.cols = max(self.cols, column_number(max(wide)) if wide else 0)
        if not wide and self.rows * max(self.cols, 26) > SHEET_CELLS:  # only then find the exact last letter
            letters = re.findall(rb'<c r="([A-Z])[0-9]', data)
            self.cols = max(self.cols, column_number(max(letters)) if letters else 0)
        self.row, self.col = int(top), 0
        last_cell = data.rfind(b'<c r="')
        if last_cell > data.rfind(b"<row "):  # the block ends inside a row: sequential cells would follow this one
            letters = _LETTERS.match(data, last_cell + 6)
            self.col = column_number(letters.group()) if letters else 0
        return True

    def _walk(self, data: bytes) -> None:
        """Every cell and row tag in order, placed the way the reader places it."""
        for tag, letters, digits, rest in _TAG.findall(data):
            if not letters and not digits and b" r=" in rest:
                found = _REF.search(rest)
                letters, digits = found.groups() if found else (b"", b"")
            if tag == b"row":
                self.row = int(digits) if digits else self.row + 1
                self.col = 0
                self.rows = max(self.rows, self.row)
            else:
                self.col = column_number(letters) if letters else self.col + 1
                self.rows = max(self.rows, int(digits) if digits else self.row)
                self.cols = max(self.cols, self.col)

    def done(self) -> None:
        self.feed(b"")

    def _refuse(self) -> None:
        far = f"{column_name(self.cols)}{self.rows}"
        raise FileProblem(self.name, _("has a sheet ({part}) reaching cell {far}: {rows:,} rows by {cols:,} "
                                       "columns, more than the {most:,} cells sellertui reads from one sheet; delete "
                                       "the stray cells far from the report, or export it as CSV").format(
                                         part=self.part, far=far, rows=self.rows, cols=self.cols, most=SHEET_CELLS))

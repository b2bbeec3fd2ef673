"""Reading workbooks (XLSX, XLS) with calamine, and telling damaged, encrypted or foreign files apart.

calamine reads the cells a sheet holds whatever ``<dimension>`` it declares
(real search-term exports declare A1:A1), returns dates as dates, and is ~20x
faster than openpyxl. Rows keep their spreadsheet row numbers. An XLSX is
checked first (``importers.zipcheck``): calamine would hold whatever a part
unpacks to, and every cell of the rectangle a sheet's cells span.
"""

from __future__ import annotations

from typing import BinaryIO

from sellertui.core.i18n import _
from sellertui.importers.errors import FileProblem
from sellertui.importers.table import HEADER_SEARCH, Recognise, Table, drop_blank_rows, overlong
from sellertui.importers.zipcheck import check_workbook

ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def read_workbook(name: str, fh: BinaryIO, recognise: Recognise, expected: str) -> Table:
    """The first sheet of the workbook in ``fh`` with a header row ``recognise`` accepts."""
    from python_calamine import CalamineWorkbook

    fh.seek(0)
    zipped = fh.read(2) == b"PK"
    if zipped:
        check_workbook(name, fh)
    fh.seek(0)
    try:
        book = CalamineWorkbook.from_filelike(fh)
    except Exception as exc:  # noqa: BLE001 - calamine raises its own error types
        if not zipped:
            fh.seek(0)
            if ENCRYPTED_MARK in fh.read():  # an OLE file: no bigger than what is on disk
                raise FileProblem(name, _("is a password-protected workbook; open it in Excel, remove the password "
                                          "(File > Info > Protect Workbook), save and import it again")) from None
            raise FileProblem(name, _("is an old-style Office file sellertui cannot read; save it as .xlsx or "
                                      ".csv")) from None
        raise FileProblem(name, _("is a damaged or incomplete Excel workbook ({reason})").format(
            reason=_short(exc))) from None
    seen = []
    for sheet_name in book.sheet_names:
        try:
            rows = book.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
        except Exception as exc:  # noqa: BLE001
            raise FileProblem(name, _("sheet '{sheet}' cannot be read ({reason}); the workbook may be damaged").format(
                sheet=sheet_name, reason=_short(exc))) from None
        for index, row in enumerate(rows[:HEADER_SEARCH]):
            if any(cell not in ("", None) for cell in row) and recognise(list(row)):
                return _sheet_table(name, sheet_name, rows, index)
        seen.append(sheet_name)
    sheets = ", ".join(f"'{s}'" for s in seen) or _("none")
    raise FileProblem(name, _("has no sheet with a header row sellertui recognises (sheets: {sheets}); expected "
                              "{expected}").format(sheets=sheets, expected=expected))


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:120] or type(exc).__name__


def _sheet_table(name: str, sheet: str, rows: list[list], header_index: int) -> Table:
    headers = [("" if h is None else str(h)).strip() for h in rows[header_index]]
    while headers and headers[-1] == "":
        headers.pop()
    width = len(headers)
    data = rows[header_index + 1:]
    end = len(data)
    while end and not any(cell not in ("", None) for cell in data[end - 1][:width]):
        end -= 1  # thousands of formatted-but-empty rows at the end
    data = data[:end]
    columns = [[row[i] if i < len(row) else "" for row in data] for i in range(width)]
    first = header_index + 2
    table = Table(name, headers, columns, list(range(first, first + len(data))), sheet=sheet)
    drop_blank_rows(table)
    table.long_cells = overlong(table)  # a cell Excel could not hold may still be in the file
    return table

"""Writing bulk rows into an XLSX (one worksheet per ad product) or a CSV, under a given header.

Every cell a row does not fill stays empty, whatever the header holds, so the
informational and metric columns of Amazon's sheets are blank. Ids and texts
are typed as text (nothing becomes 1.11E+14 or a formula); text that starts
like a formula (= + - @, tab, CR) also gets the CSV export's leading quote
(``core.csvsafe.safe_cell``): typed as text it cannot run here, but a user who
re-saves the sheet as CSV would otherwise write it out bare. Bids stay numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sellertui.core.i18n import _
from sellertui.core.errors import UserError

WIDTHS = {"Product": 18, "Entity": 26, "Operation": 9, "Campaign ID": 18, "Ad Group ID": 18, "Keyword ID": 18,
          "Product Targeting ID": 18, "Keyword Text": 32, "Match Type": 14, "Bid": 7, "State": 8,
          "Product Targeting Expression": 30}


@dataclass(frozen=True)
class SheetRows:
    name: str  # the worksheet's name
    header: tuple[str, ...]
    rows: list[dict]  # column name -> value; columns a row does not name stay empty


def write_xlsx(path: Path, sheets: list[SheetRows]) -> None:
    import io

    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from sellertui.core.csvsafe import safe_cell
    from sellertui.store.fsio import atomic_write

    book = Workbook()
    book.remove(book.active)
    for part in sheets:
        sheet = book.create_sheet(part.name)
        sheet.append(list(part.header))
        for row in part.rows:
            sheet.append([_xlsx_value(row.get(column), safe_cell) for column in part.header])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl would treat a leading "=" as a formula
        for index, column in enumerate(part.header, 1):
            sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column, max(10, len(column) // 2))
    out = io.BytesIO()
    book.save(out)
    atomic_write(Path(path), out.getvalue())


def _xlsx_value(value, safe_cell):
    if isinstance(value, Decimal):
        return float(value)
    return safe_cell(value) if isinstance(value, str) else value


def write_csv(path: Path, sheets: list[SheetRows]) -> None:
    from sellertui.core.csvsafe import write_csv as write

    if len(sheets) != 1:
        names = " and ".join(s.name for s in sheets)
        raise UserError(_("these changes go on two sheets ({names}) and a CSV holds one: export to .xlsx")
                            .format(names=names))
    part = sheets[0]
    write(Path(path), list(part.header), ([_csv_value(row.get(column)) for column in part.header]
                                          for row in part.rows))


def _csv_value(value):
    return f"{value:.2f}" if isinstance(value, Decimal) else value

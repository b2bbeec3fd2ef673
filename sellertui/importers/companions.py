"""What an import keeps beside a report's own records: a bulk file's campaigns-sheet headers.

A bulk file imported for its search-term tab also carries the campaigns sheets
(Sponsored Products, Sponsored Brands, Sponsored Display) whose header row is
the layout Amazon takes back from this account. Each is remembered in
``ad_bulk_headers`` (id: the sheet's name) in the import's own transaction, so
a bulk file sellertui exports later has exactly that header. Only the header
rows are read; a sheet that cannot be read is simply not remembered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from sellertui.importers.headers import header_set
from sellertui.importers.kinds.base import names
from sellertui.importers.table import HEADER_SEARCH

HEADERS = "ad_bulk_headers"
CAMPAIGNS_SHEET = names("product", "entity", "operation")  # every campaigns sheet's header has these
WORKBOOKS = (".xlsx", ".xlsm")
BULK_KINDS = ("bulk-search-terms",)


def bulk_headers(path: Path) -> dict[str, list[str]]:
    """Sheet name -> header row, for each campaigns sheet of the workbook at ``path``."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception:  # noqa: BLE001 - the report itself was read; a damaged extra sheet is not its problem
        return {}
    found: dict[str, list[str]] = {}
    for name in book.sheet_names:
        try:
            rows = book.get_sheet_by_name(name).iter_rows()
            for _index, row in zip(range(HEADER_SEARCH), rows):
                cells = [("" if cell is None else str(cell)).strip() for cell in row]
                if any(cells):
                    if CAMPAIGNS_SHEET <= header_set(cells):
                        while cells and not cells[-1]:
                            cells.pop()
                        found[name] = cells
                    break
        except Exception:  # noqa: BLE001 - see above
            continue
    return found


def with_companions(parsed, alongside: Callable[[object], None] | None) -> tuple[Callable | None, list[str]]:
    """``alongside`` plus what this file keeps beside its records, and a note saying so."""
    path = parsed.path
    if parsed.kind.name not in BULK_KINDS or path is None or path.suffix.lower() not in WORKBOOKS:
        return alongside, []
    headers = bulk_headers(path)
    if not headers:
        return alongside, []
    records = [{"id": name, "sheet": name, "header": header, "file": path.name} for name, header in headers.items()]

    def write(tx) -> None:
        tx[HEADERS].upsert_many(records)
        if alongside is not None:
            alongside(tx)

    sheets = ", ".join(f"'{name}'" for name in headers)
    return write, [f"the header of {sheets} is kept: bulk files sellertui exports will have it"]

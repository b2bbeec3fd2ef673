"""Framing: encodings, BOM, preambles, delimiters, blank rows, line numbers, workbooks, and files that are no report."""

from __future__ import annotations

import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest

from sellertui.devtools.xlsx import Sheet, write_xlsx
from sellertui.importers.errors import FileProblem
from sellertui.importers.kinds import detect
from sellertui.importers.source import read_table
from tests.importers.conftest import fixture, parse

ST_HEADER = ["Date", "Campaign Name", "Ad Group Name", "Targeting", "Match Type", "Customer Search Term",
             "Impressions", "Clicks", "Spend", "7 Day Total Sales", "7 Day Total Orders (#)", "Currency"]


def read(path: Path):
    return read_table(path, lambda cells: detect(cells) is not None, "a report")


def test_utf8_bom_is_not_part_of_the_first_header() -> None:
    table = read(fixture("BusinessReport-15-10-2025.csv"))
    assert table.headers[0] == "(Parent) ASIN" and table.encoding == "utf-8-sig"


def test_shift_jis_and_windows_1252_flat_files() -> None:
    jp = read(fixture("all-orders-jp-shiftjis.txt"))
    assert jp.encoding == "cp932"
    assert jp.columns[jp.headers.index("product-name")][0] == "竹製まな板 大サイズ 抗菌 キッチン用品"
    us = read(fixture("all-orders-us-cp1252.txt"))
    assert us.encoding == "cp1252"
    assert us.columns[us.headers.index("product-name")][0] == "Café Crème Mug – 12 oz “Classic”"
    assert list(us.lines) == [2]


def test_a_preamble_before_the_header_is_skipped_and_kept() -> None:
    table = read(fixture("date-range-us.csv"))
    assert table.headers[0] == "date/time" and len(table.preamble) == 7
    assert "All amounts in USD" in table.preamble[1]
    assert table.lines[0] == 9  # 7 note lines, the header on line 8


def test_semicolons_and_decimal_commas() -> None:
    table = read(fixture("search-terms-de.csv"))
    assert table.columns[table.headers.index("Spend")] == ["43,20 €", "4,95 €"]


def test_blank_rows_are_dropped_but_line_numbers_stay_true(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    header = "\t".join(["sku", "asin", "afn-fulfillable-quantity", "mfn-fulfillable-quantity"])
    path.write_text(f"{header}\nA\tB01\t1\t0\n\n\t\t\t\nC\tB02\t2\t0\n\n\n")
    table = read(path)
    assert table.columns[0] == ["A", "C"] and table.lines == [2, 5]


def test_a_cell_with_line_breaks_pushes_the_later_rows_down(tmp_path: Path) -> None:
    path = tmp_path / "returns.csv"
    path.write_text('Order ID,Return request date,Return request status,Merchant SKU,Return quantity\n'
                    '1,2026-01-01,Approved,"A\nwith two\nbreaks",1\n2,2026-01-02,Approved,B,1\n')
    table = read(path)
    assert table.lines == [2, 5]


INVENTORY = "sku\tasin\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\n"


@pytest.mark.parametrize("rows, line", [("A\tB\t1\t0\nC\tD\t1\t0\t9\n", 3),
                                        ("A\tB\t1\t0\tlost?\nC\tD\t1\t0\n", 2)])  # pandas alone cuts this one
def test_a_row_with_too_many_cells_names_its_line(tmp_path: Path, rows: str, line: int) -> None:
    path = tmp_path / "inv.txt"
    path.write_text(INVENTORY + rows)
    with pytest.raises(FileProblem, match=rf"inv.txt: line {line} has 5 cells where the header has 4"):
        read(path)


def test_an_unclosed_quote_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "returns.csv"
    path.write_text('Order ID,Return request date,Return request status,Merchant SKU\n1,2026-01-01,"Approved,A\n')
    with pytest.raises(FileProblem, match="never ends"):
        read(path)


# -- workbooks -----------------------------------------------------------------------------
def _rows(n: int) -> list[list]:
    return [[date(2024, 5, 1 + i % 28), "Camp", "Group", "kw", "EXACT", f"term {i}", "10", 1.0, 0.5, 0.0, 0.0, "USD"]
            for i in range(n)]


def test_a_workbook_with_a_wrong_dimension_serial_dates_and_empty_tail(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "st.xlsx", [
        Sheet("Notes", [["This workbook was exported"], ["from the Ads console"]]),
        Sheet("Report", [["Sponsored Products search term report"], [], ST_HEADER, *_rows(30)],
              dimension="A1:A1", inline_strings=True, dates_as_serials=True, empty_styled_rows=500),
    ])
    table = read(path)
    assert table.sheet == "Report" and table.n == 30 and table.lines[0] == 4 and table.lines[-1] == 33
    assert len(table.headers) == len(ST_HEADER)
    parsed = parse(path)
    assert parsed.rows == 30 and parsed.output.records["search_terms"][0]["date"] == "2024-05-01"


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b""), "is empty; expected"),
    (lambda p: p.write_bytes(b"\n \r\n\t"), "is empty; expected"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)), "is binary data"),
    (lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(100)), "is binary data"),
    (lambda p: _zip(p, {"readme.txt": "hello"}), "is a zip archive, not an Excel workbook"),
    (lambda p: p.write_bytes(_workbook_bytes()[:700]), "damaged or incomplete Excel workbook"),
    (lambda p: p.write_bytes(_ole(b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")),
     "password-protected"),
    (lambda p: p.write_bytes(_ole(b"Workbook")), "old-style Office file"),
    (lambda p: p.write_bytes(fixture("contacts.csv").read_bytes()), "no header row sellertui recognises (its first"),
    (lambda p: p.write_bytes(fixture("sponsored-products-campaigns.csv").read_bytes()), "expected one of the reports"),
    (lambda p: write_xlsx(p, [Sheet("Sheet1", [["name", "email"], ["Ana", "a@x"]])]), "has no sheet with a header"),
])
def test_files_that_are_no_report_get_one_clear_sentence(tmp_path: Path, make, message) -> None:
    path = tmp_path / "download.xlsx"
    make(path)
    with pytest.raises(FileProblem) as caught:
        parse(path)
    text = str(caught.value)
    assert text.startswith("download.xlsx: ") and message in text and "\n" not in text


def test_a_folder_or_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="is a folder"):
        parse(tmp_path)
    with pytest.raises(FileProblem, match="does not exist"):
        parse(tmp_path / "nope.csv")


def _zip(path: Path, members: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as z:
        for name, body in members.items():
            z.writestr(name, body)


def _workbook_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return write_xlsx(Path(folder) / "book.xlsx", [Sheet("Report", [ST_HEADER, *_rows(200)])]).read_bytes()


def _ole(stream_name: bytes) -> bytes:
    """The start of an OLE2 compound file (what Excel writes for encrypted .xlsx and old .xls)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream_name + bytes(1024)


def test_empty_cells_beyond_the_header_are_harmless(tmp_path: Path) -> None:
    path = tmp_path / "inv.txt"
    path.write_text(INVENTORY + "A\tB\t1\t0\t\nC\tD\t1\t0\t\n")
    assert read(path).columns[0] == ["A", "C"]


def test_a_file_holding_only_a_byte_order_mark_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n")
    with pytest.raises(FileProblem, match="bom.csv: is empty"):
        parse(path)


def test_a_column_repeating_the_one_before_it_shares_its_cells(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    header = "\t".join(["amazon-order-id", "merchant-order-id", "purchase-date", "order-status",
                        "fulfillment-channel", "sku", "quantity", "item-price"])
    path.write_text(f"{header}\n111-1\t111-1\t2026-01-05T18:22:11+00:00\tShipped\tAmazon\tA\t1\t5.00\n"
                    f"111-2\tM-9\t2026-01-05T18:22:11+00:00\tShipped\tAmazon\tB\t1\t6.00\n")
    table = read(path)
    assert table.columns[0] == ["111-1", "111-2"] and table.columns[1] == ["111-1", "M-9"]
    same = path.with_name("same.txt")
    same.write_text(path.read_text().replace("M-9", "111-2"))
    table = read(same)
    assert table.columns[1] == table.columns[0] and all(map(lambda a, b: a is b, table.columns[0], table.columns[1]))

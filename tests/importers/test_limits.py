"""Memory is bounded by the file, not by what it claims: inflating workbooks, far cells, NUL and blank files,
overlong cells. Peak memory is measured in a fresh process (resource.getrusage) against a stated bound."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
import zlib
from pathlib import Path

import pytest

from sellertui.devtools.xlsx import CONTENT_TYPES, NS, ROOT_RELS, STYLES, Sheet, write_xlsx
from sellertui.importers import zipcheck
from sellertui.importers.errors import FileProblem, RowProblems
from tests.importers.conftest import fixture, parse

PEAK_BOUND_MB = 300  # a fresh interpreter with pandas and calamine loaded is ~120 MB
ST_HEADER = ["Date", "Campaign Name", "Ad Group Name", "Targeting", "Match Type", "Customer Search Term",
             "Impressions", "Clicks", "Spend", "7 Day Total Sales", "7 Day Total Orders (#)", "Currency"]
WORKBOOK = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {NS}><sheets>'
            '<sheet name="Report" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.'
        'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def _row(cells: list[str], r: int | None = None) -> str:
    attr = f' r="{r}"' if r else ""
    return f"<row{attr}>" + "".join(f'<c t="inlineStr"><is><t>{c}</t></is></c>' for c in cells) + "</row>"


def _skeleton(book: zipfile.ZipFile) -> None:
    """Every part of a one-sheet workbook but the sheet."""
    book.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets=""))
    book.writestr("_rels/.rels", ROOT_RELS)
    book.writestr("xl/workbook.xml", WORKBOOK)
    book.writestr("xl/_rels/workbook.xml.rels", RELS)
    book.writestr("xl/styles.xml", STYLES)


def inflating_xlsx(path: Path, target: int, declared: int | None = None) -> Path:
    """A workbook whose sheet is a header and `target` bytes of repeated rows, highly compressible.

    One megabyte of rows is deflated once and its compressed bytes repeated (a full flush makes
    each copy stand alone), so a 1 GB sheet is built in well under a second. ``declared``: the
    size the zip's directory claims (a liar's), default the truth.
    """
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS}><sheetData>'
            + _row(ST_HEADER)).encode()
    body = _row(["2024-05-01", "Camp", "Group", "kw", "EXACT", "bamboo board", "100", "3", "1.50", "20", "1", "USD"],
                2).replace("<c ", '<c r="A2" ')  # referenced as Excel writes, so the extent scan takes its quick path
    block = (body * ((1 << 20) // len(body))).encode()
    tail = b"</sheetData></worksheet>"
    copies = max(1, (target - len(head) - len(tail)) // len(block))
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)
    middle = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    last = deflate.compress(tail) + deflate.flush()
    crc = zlib.crc32(head)
    for _ in range(copies):
        crc = zlib.crc32(block, crc)
    size = len(head) + copies * len(block) + len(tail)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        _skeleton(book)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.CRC, info.file_size = zlib.crc32(tail, crc), declared if declared is not None else size
        info.compress_size = len(first) + copies * len(middle) + len(last)
        info.header_offset = book.start_dir
        book.fp.seek(book.start_dir)
        book.fp.write(info.FileHeader(zip64=info.file_size > zipfile.ZIP64_LIMIT))
        book.fp.write(first)
        for _ in range(copies):
            book.fp.write(middle)
        book.fp.write(last)
        book.start_dir = book.fp.tell()
        book.filelist.append(info)
        book.NameToInfo[info.filename] = info
    return path


def sheet_xlsx(path: Path, rows_xml: str) -> Path:
    """A workbook with one sheet of hand-written rows (to place cells anywhere)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        _skeleton(book)
        book.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                                  f'<worksheet {NS}><sheetData>{rows_xml}</sheetData></worksheet>')
    return path


def import_in_a_fresh_process(path: Path, tmp_path: Path) -> dict:
    """Import ``path`` in a new interpreter; its outcome and peak resident memory (MB)."""
    code = textwrap.dedent(f"""
        import json, re
        from pathlib import Path
        from sellertui.store import open_store
        from sellertui.importers.pipeline import Options, import_report
        from sellertui.core.errors import UserError
        store = open_store(Path({str(tmp_path / 'shop')!r}), user="ana")
        try:
            import_report(store, Path({str(path)!r}), Options(period="2024-05-01"))
            outcome = "imported"
        except UserError as exc:
            outcome = str(exc)
        # VmHWM is this process's own peak: ru_maxrss keeps the parent's peak across fork and exec,
        # so a big pytest worker would be measured instead of the import
        status = Path("/proc/self/status").read_text()
        peak_kb = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1))
        print(json.dumps({{"outcome": outcome, "peak_mb": peak_kb / 1024}}))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]  # never a crash, never an abort
    return json.loads(done.stdout)


# -- workbooks ------------------------------------------------------------------------------------
def test_an_inflating_workbook_is_refused_before_it_is_read_with_memory_bounded(tmp_path: Path) -> None:
    """7 MB on disk, 1.5 GB inflated: before, it peaked at 5.9 GB; the directory's claim now refuses it."""
    path = inflating_xlsx(tmp_path / "report.xlsx", 1_500_000_000)
    assert path.stat().st_size < 10_000_000
    result = import_in_a_fresh_process(path, tmp_path)
    assert "report.xlsx: says it unpacks its part xl/worksheets/sheet1.xml to 1.4 GiB, more than the 256 MiB" \
        in result["outcome"]
    assert result["peak_mb"] < PEAK_BOUND_MB


def test_a_directory_that_understates_a_part_gains_nothing(tmp_path: Path) -> None:
    """The zip claims 20 kB; the part really inflates past the limit, which is found as it inflates."""
    path = inflating_xlsx(tmp_path / "report.xlsx", 300 << 20, declared=20_000)
    result = import_in_a_fresh_process(path, tmp_path)
    assert ("report.xlsx: unpacks its part xl/worksheets/sheet1.xml to more than the 256 MiB sellertui reads from "
            "one part, though it says 19.5 KiB") in result["outcome"]
    assert result["peak_mb"] < PEAK_BOUND_MB


def test_one_far_cell_does_not_make_the_reader_allocate_billions(tmp_path: Path) -> None:
    """Before, calamine asked for 549,755,813,888 bytes and aborted the whole process."""
    rows = _row(ST_HEADER, 1) + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    result = import_in_a_fresh_process(sheet_xlsx(tmp_path / "far.xlsx", rows), tmp_path)
    assert "far.xlsx: has a sheet (xl/worksheets/sheet1.xml) reaching cell XFD1048576: 1,048,576 rows by 16,384 " \
           "columns, more than the 16,777,216 cells" in result["outcome"]
    assert result["peak_mb"] < PEAK_BOUND_MB


@pytest.mark.parametrize("rows_xml, reaches", [
    # cells placed by reference, Excel's way: the largest row and column count, wherever they are
    (_row(ST_HEADER, 1).replace("<c ", '<c r="A1" ', 1) + '<row r="2"><c r="Z99"><v>1</v></c></row>', "Z99"),
    ('<row r="1"><c r="A1"><v>1</v></c></row><row r="20"><c r="E20"><v>1</v></c><c r="AB55"><v>2</v></c></row>',
     "AB55"),
    # no references: each row follows the last, each cell the one before
    ("<row><c><v>1</v></c></row>" * 30 + "<row>" + "<c><v>1</v></c>" * 40 + "</row>", "AN31"),
    # r not first, and a namespace prefix
    ('<row r="1"><c s="1" r="AZ40"><v>1</v></c></row>', "AZ40"),
    ('<x:row r="1"><x:c r="BA50"><x:v>1</x:v></x:c></x:row>', "BA50"),
])
def test_the_rectangle_a_sheet_spans_is_found_however_cells_are_placed(tmp_path: Path, monkeypatch, rows_xml,
                                                                        reaches) -> None:
    monkeypatch.setattr(zipcheck, "SHEET_CELLS", 500)
    with pytest.raises(FileProblem, match=f"reaching cell {reaches}: "):
        parse(sheet_xlsx(tmp_path / "book.xlsx", rows_xml))


def test_real_workbooks_pass_the_checks(tmp_path: Path) -> None:
    rows = [["2024-05-01", "Camp", "Group", "kw", "EXACT", f"term {i}", 10, 1, 0.5, 0.0, 0, "USD"] for i in range(3000)]
    path = write_xlsx(tmp_path / "st.xlsx", [Sheet("Report", [ST_HEADER, *rows])])
    assert parse(path).rows == 3000


def test_a_cell_longer_than_a_field_is_a_problem_naming_line_and_column(tmp_path: Path) -> None:
    rows = [["2024-05-01", "Camp", "Group", "kw", "EXACT", "x" * 70_000, 10, 1, 0.5, 0.0, 0, "USD"]]
    path = write_xlsx(tmp_path / "st.xlsx", [Sheet("Report", [ST_HEADER, *rows])])
    problems = parse(path).problems
    assert [str(p) for p in problems] == [
        "st.xlsx, line 2, column 'Customer Search Term': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is 70,000 "
        "characters long; a field holds at most 65,536"]


# -- flat files -------------------------------------------------------------------------------------
def test_a_gigabyte_of_nul_bytes_is_binary_after_one_block(tmp_path: Path) -> None:
    """Before: read whole (1 GB resident) and called empty."""
    path = tmp_path / "orders.txt"
    with open(path, "wb") as fh:
        fh.truncate(1 << 30)  # sparse: no disk used
    result = import_in_a_fresh_process(path, tmp_path)
    assert result["outcome"] == "orders.txt: is binary data, not a text report or an Excel workbook"
    assert result["peak_mb"] < PEAK_BOUND_MB


def test_a_file_of_blank_lines_is_empty_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    with open(path, "wb") as fh:
        for _ in range(48):
            fh.write(b"  \r\n" * (1 << 18))  # 48 MiB
    result = import_in_a_fresh_process(path, tmp_path)
    assert result["outcome"].startswith("orders.txt: is empty; expected one of the reports")
    assert result["peak_mb"] < PEAK_BOUND_MB


def test_a_huge_buyer_name_is_a_problem_never_stored(store, tmp_path: Path) -> None:
    lines = fixture("fbm-unshipped-us.txt").read_text().splitlines()
    header, row = lines[0].split("\t"), lines[1].split("\t")
    row[header.index("buyer-name")] = "A" * (2 << 20)
    path = tmp_path / "orders.txt"
    path.write_text(lines[0] + "\n" + "\t".join(row) + "\n")
    from tests.importers.conftest import run_import

    with pytest.raises(RowProblems) as caught:
        run_import(store, path)
    assert ("orders.txt, line 2, column 'buyer-name': 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…' is 2,097,152 "
            "characters long; a field holds at most 65,536") in str(caught.value)
    assert store["orders"].count() == 0 and store["buyers"].count() == 0


def test_a_long_cell_inside_quotes_spanning_lines_is_caught_too(tmp_path: Path) -> None:
    note = "line\n" * 20_000  # 100,000 characters in short physical lines
    path = tmp_path / "returns.csv"
    path.write_text('Order ID,Return request date,Return request status,Merchant SKU,Return quantity,Return reason\n'
                    f'1,2026-01-01,Approved,A,1,"{note}"\n2,2026-01-02,Approved,B,1,ok\n')
    problems = parse(path).problems
    assert len(problems) == 1 and problems[0].line == 2 and "100,000 characters long" in problems[0].reason


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="Linux")
def test_the_limits_leave_room_for_real_reports() -> None:
    from sellertui.importers import limits

    assert limits.FIELD_CHARS > 32_767  # Excel's own longest cell
    assert limits.SHEET_CELLS >= 500_000 * 30 and limits.XLSX_PART_BYTES >= 200 << 20

"""A tiny XLSX writer for test fixtures and benchmarks, with the quirks real exports have.

Writes the XML by hand so a fixture can carry what Amazon's files carry and
openpyxl would "fix": a wrong declared ``<dimension>``, numbers stored as inline
strings, dates as bare serial numbers, thousands of formatted-but-empty rows
at the end, extra sheets. Cells: ``str`` (shared or inline string), ``int``/
``float`` (number), ``date``/``datetime`` (serial number with a date style),
``None`` (no cell).
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Sequence
from xml.sax.saxutils import escape

EPOCH = datetime(1899, 12, 30)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
{sheets}
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def column_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class Sheet:
    def __init__(self, name: str, rows: Iterable[Sequence[object]], dimension: str | None = None,
                 inline_strings: bool = False, dates_as_serials: bool = False, empty_styled_rows: int = 0) -> None:
        self.name = name
        self.rows = rows
        self.dimension = dimension  # None: the right one; e.g. "A1:A1" for the wrong one real exports declare
        self.inline_strings = inline_strings
        self.dates_as_serials = dates_as_serials  # no date style: the reader sees plain numbers
        self.empty_styled_rows = empty_styled_rows


def _serial(value: date) -> float:
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    return (moment - EPOCH).total_seconds() / 86400


def _sheet_xml(sheet: Sheet, strings: dict[str, int]) -> str:
    out = []
    width = 1
    count = 0
    for r, row in enumerate(sheet.rows, start=1):
        count = r
        width = max(width, len(row))
        cells = []
        for c, value in enumerate(row):
            if value is None:
                continue
            ref = f"{column_name(c)}{r}"
            if isinstance(value, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                cells.append(f'<c r="{ref}"><v>{value!r}</v></c>')
            elif isinstance(value, (date, datetime)):
                style = "" if sheet.dates_as_serials else ' s="1"'
                cells.append(f'<c r="{ref}"{style}><v>{_serial(value)!r}</v></c>')
            elif sheet.inline_strings:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>')
            else:
                index = strings.setdefault(str(value), len(strings))
                cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    for extra in range(count + 1, count + 1 + sheet.empty_styled_rows):
        out.append(f'<row r="{extra}"><c r="A{extra}" s="2"/></row>')
    dimension = sheet.dimension or f"A1:{column_name(width - 1)}{max(count, 1)}"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}>'
            f'<dimension ref="{dimension}"/><sheetData>{"".join(out)}</sheetData></worksheet>')


def write_xlsx(path: Path, sheets: list[Sheet]) -> Path:
    strings: dict[str, int] = {}
    bodies = [_sheet_xml(s, strings) for s in sheets]
    book = "".join(f'<sheet name="{escape(s.name)}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, 1))
    rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
    n = len(sheets)
    rels += (f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             f'relationships/styles" Target="styles.xml"/><Relationship Id="rId{n + 2}" '
             f'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
             f'Target="sharedStrings.xml"/>')
    shared = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets=overrides))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                      f'<workbook {NS}><sheets>{book}</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
                   '</Relationships>')
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   f'<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>')
        for i, body in enumerate(bodies, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", body)
    return path

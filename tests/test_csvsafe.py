"""Exported CSV cells never run as formulas in a spreadsheet."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from sellertui.core.csvsafe import safe_cell, write_csv
from sellertui.importers.values import text as read_back


@pytest.mark.parametrize("cell, written", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("-12.50", "-12.50"),  # a plain number is no formula
    ("+5", "+5"),
    ("bamboo board", "bamboo board"),
    (-12.5, -12.5),
    (Decimal("-1.10"), Decimal("-1.10")),
    (None, ""),
])
def test_cells(cell, written) -> None:
    assert safe_cell(cell) == written


@given(st.text(max_size=20))
def test_no_text_cell_starts_a_formula_and_the_importers_read_it_back(cell) -> None:
    written = safe_cell(cell)
    assert not (written[:1] in "=+-@\t\r" and written[:1]) or written.lstrip("+-").replace(",", "").replace(".", "", 1).isdigit()
    if written != cell and cell[:1] in "=+-@" and cell.strip() == cell:
        assert read_back(written) == cell  # a rejects file, fixed, imports as the report had it


def test_write_csv(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ["name", "=total"], [["=1+1", -3], ["café", "@x"]])
    with open(path, newline="", encoding="utf-8-sig") as fh:
        assert list(csv.reader(fh)) == [["name", "'=total"], ["'=1+1", "-3"], ["café", "'@x"]]

"""Product reviews from a CSV export: recognised, exact, keyed so a second import adds nothing, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellertui.importers.errors import RowProblems
from tests.importers.conftest import fixture, parse, run_import


def test_recognised_with_its_totals_and_idempotent(store) -> None:
    parsed = parse(fixture("product-reviews-us.csv"))
    assert parsed.kind.name == "product-reviews" and not parsed.problems
    assert parsed.totals == {"reviews": 4, "negative": 2, "average": "2.75"}
    first = run_import(store, fixture("product-reviews-us.csv"))
    again = run_import(store, fixture("product-reviews-us.csv"))
    assert first.inserted == 4 and again.inserted == again.updated == 0


def test_keys_text_and_the_review_without_an_id(store) -> None:
    run_import(store, fixture("product-reviews-us.csv"))
    cracked = store["reviews"].get("R2BBBBBBBBBBBB")
    assert cracked["rating"] == 1 and cracked["text"] == 'Split along the grain after a week, "hand wash" only.'
    assert cracked["asin"] == "B0DEMO0001" and cracked["date"] == "2026-11-08" and cracked["source"] == "imported"
    anonymous = store["reviews"].get("B0DEMO0002|2026-11-10|anonymous")
    assert anonymous["rating"] == 3 and anonymous["reviewer"] == ""


def test_a_rating_out_of_range_writes_nothing(store, tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    path.write_bytes(fixture("product-reviews-us.csv").read_bytes().replace(b",1,B0DEMO0001", b",6,B0DEMO0001"))
    with pytest.raises(RowProblems):
        run_import(store, path)
    assert store["reviews"].count() == 0

"""Business Report by child item -> business_report, with the period from --period or the file name."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from sellertui.importers.period import PeriodNeeded
from sellertui.importers.errors import FileProblem
from tests.importers.conftest import fixture, parse, run_import


def test_us_title_case_with_sku_and_the_period_from_the_name() -> None:
    parsed = parse(fixture("BusinessReport-2026-01-01-2026-01-31.csv"))
    assert parsed.totals == {"units": 88, "sales": "2639.12", "sessions": 1554}
    assert "period 2026-01-01..2026-01-31 (from the file name)" in parsed.notes()
    row = parsed.output.records["business_report"][0]
    assert row == {
        "id": "2026-01-01..2026-01-31|B0ABCDEF01|MM-BCB-LARGE", "period_start": "2026-01-01",
        "period_end": "2026-01-31", "parent_asin": "B0PARENT01", "child_asin": "B0ABCDEF01", "sku": "MM-BCB-LARGE",
        "title": "Maple & Moss Bamboo Cutting Board – Large", "sessions": 1204, "sessions_b2b": 12,
        "sessions_mobile": None, "sessions_browser": None, "page_views": 1630, "page_views_b2b": 15,
        "page_views_mobile": None, "page_views_browser": None, "units_ordered": 88, "units_ordered_b2b": 2,
        "total_order_items": 85, "total_order_items_b2b": 2, "buy_box_pct": 98.5, "unit_session_pct": 7.31,
        "ordered_sales_minor": 263912, "ordered_sales_b2b_minor": 5998, "currency": "USD", "marketplace": "US"}


def test_uk_en_dashes_sentence_case_no_sku_and_a_download_day_in_the_name() -> None:
    parsed = parse(fixture("BusinessReport-15-10-2025.csv"), period="2025-09-15..2025-10-14")
    assert parsed.locale.market.code == "UK" and parsed.period.start == "2025-09-15"
    assert parsed.totals == {"units": 393, "sales": "13365.30", "sessions": 2609}
    rows = {r["child_asin"]: r for r in parsed.output.records["business_report"]}
    merged = rows["B0UKUKUK01"]  # listed under two parents: one record, added up
    assert merged["sessions"] == 2590 and merged["units_ordered"] == 363 and merged["ordered_sales_minor"] == 1291560
    assert merged["unit_session_pct"] == 14.02 and merged["id"] == "2025-09-15..2025-10-14|B0UKUKUK01|"
    assert rows["B0UKUKUK02"]["unit_session_pct"] == 157.89  # above 100% happens


def test_indian_grouping_and_an_explicit_period(store) -> None:
    result = run_import(store, fixture("business-report-in.csv"), period="2026-01-01..2026-01-31")
    assert result.totals == {"units": 1210, "sales": "144957.78", "sessions": 52310}
    assert "period 2026-01-01..2026-01-31 (from --period)" in result.notes
    stored = store["business_report"].all()
    assert [r["ordered_sales_minor"] for r in stored] == [14495778] and stored[0]["currency"] == "INR"


def test_no_period_anywhere_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "BusinessReport.csv"
    shutil.copy(fixture("business-report-in.csv"), path)
    with pytest.raises(FileProblem, match="BusinessReport.csv: is a Business Report by child item, which has no "
                                          "dates of its own, and its file name holds no dates: say which days it "
                                          "covers with --period START..END"):
        parse(path)


def test_a_download_day_in_the_name_is_not_a_period() -> None:
    """Seller Central names the file by the day it was saved: a month of sessions is not that one day."""
    with pytest.raises(PeriodNeeded) as refused:
        parse(fixture("BusinessReport-15-10-2025.csv"))
    assert refused.value.saved == date(2025, 10, 15)
    assert str(refused.value) == (
        "BusinessReport-15-10-2025.csv: is a Business Report by child item, which has no dates of its own, named by "
        "the day it was downloaded (2025-10-15), not by the days it covers: say which days it covers with --period "
        "START..END (e.g. --period 2025-09-01..2025-09-30)")


def test_period_option_beats_the_file_name() -> None:
    parsed = parse(fixture("BusinessReport-15-10-2025.csv"), period="2025-10-01..2025-10-14")
    assert parsed.output.records["business_report"][0]["period_start"] == "2025-10-01"

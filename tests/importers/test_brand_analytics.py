"""Brand Analytics Top Search Terms and Search Query Performance -> keyword_research; other reports refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellertui.importers.errors import FileProblem
from sellertui.importers.kinds import brand_analytics
from tests.importers.conftest import fixture, parse, run_import


def by_term(parsed) -> dict[str, dict]:
    return {d["term"]: d for d in parsed.output.records["keyword_research"]}


def test_top_search_terms_keep_rank_and_the_three_clicked_products() -> None:
    parsed = parse(fixture("top-search-terms-us-weekly.csv"))
    assert parsed.kind.name == "top-search-terms"
    assert parsed.totals == {"terms": 3, "period": "2026-01-18..2026-01-24"}
    assert "period 2026-01-18..2026-01-24 (from the report's note line)" in parsed.notes()
    bamboo = by_term(parsed)["bamboo cutting board"]
    assert bamboo["rank"] == 5880 and bamboo["marketplace"] == "US" and bamboo["brand"] == "Royal Craft Wood"
    assert bamboo["clicked"][1] == {"asin": "B0AAAAAAA1", "title": "Maple & Moss Bamboo Cutting Board, Large",
                                    "click_share": 9.87, "conversion_share": 11.2}
    assert len(by_term(parsed)["end grain cutting board"]["clicked"]) == 2  # a blank third product is left out


def test_search_query_performance_keeps_the_funnel_and_the_asins_share() -> None:
    parsed = parse(fixture("search-query-performance-us-asin.csv"))
    assert parsed.kind.name == "search-query-performance" and parsed.totals["terms"] == 3
    row = by_term(parsed)["bamboo cutting board"]
    assert (row["subject"], row["subject_kind"], row["period_start"], row["period_end"]) == (
        "B0AAAAAAA1", "asin", "2026-01-18", "2026-01-24")
    assert (row["volume"], row["score"], row["impressions_total"], row["impressions_own"]) == (58210, 1, 1904220, 38410)
    # plain numbers under a header ending in % are percents already
    assert (row["impressions_share"], row["clicks_share"], row["purchases_share"]) == (2.02, 3.0, 3.46)
    assert row["purchases_total"] == 3410 and row["purchases_own"] == 118


def test_a_week_imported_twice_changes_nothing(store) -> None:
    first = run_import(store, fixture("search-query-performance-us-asin.csv"))
    again = run_import(store, fixture("search-query-performance-us-asin.csv"))
    assert first.inserted == 3 and (again.inserted, again.updated, again.unchanged) == (0, 0, 3)


def test_without_a_note_line_the_reporting_date_and_range_give_the_period(tmp_path: Path) -> None:
    path = tmp_path / "tst.csv"
    path.write_text("\n".join(fixture("top-search-terms-us-weekly.csv").read_text(encoding="utf-8").splitlines()[1:]),
                    encoding="utf-8")
    parsed = parse(path)
    assert parsed.output.records["keyword_research"][0]["period_start"] == "2026-01-18"
    assert "period 2026-01-18..2026-01-24 (from Reporting Date (weekly))" in parsed.notes()
    assert parse(path, period="2026-01-01..2026-01-31").output.records["keyword_research"][0]["period_end"] == "2026-01-31"


def test_other_brand_analytics_reports_are_refused_in_one_sentence() -> None:
    with pytest.raises(FileProblem) as caught:
        parse(fixture("market-basket-us.csv"))
    assert str(caught.value) == ("market-basket-us.csv: is a Brand Analytics Market Basket Analysis report; sellertui "
                                 "reads Brand Analytics Top Search Terms and Search Query Performance (ASIN or brand "
                                 "view) reports")


def test_a_whole_top_search_terms_download_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(brand_analytics, "MAX_ROWS", 2)
    with pytest.raises(FileProblem, match="holds 3 search terms; sellertui reads Top Search Terms downloads of up to 2"):
        parse(fixture("top-search-terms-us-weekly.csv"))

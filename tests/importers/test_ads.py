"""Sponsored Products search-term reports (every layout) and the bulk file's tab -> search_terms."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sellertui.devtools.xlsx import Sheet, write_xlsx
from sellertui.importers.errors import FileProblem
from tests.importers.conftest import fixture, parse, run_import

SUMMARY = ["Start Date", "End Date", "Portfolio name", "Currency", "Campaign Name", "Ad Group Name", "Targeting",
           "Match Type", "Customer Search Term", "Impressions", "Clicks", "Click-Thru Rate (CTR)",
           "Cost Per Click (CPC)", "Spend", "7 Day Total Sales ", "Total Advertising Cost of Sales (ACOS) ",
           "Total Return on Advertising Spend (ROAS)", "7 Day Total Orders (#)", "7 Day Total Units (#)",
           "7 Day Conversion Rate"]
BULK = ["Product", "Campaign ID", "Ad Group ID", "Keyword ID", "Product Targeting ID",
        "Campaign Name (Informational only)", "Ad Group Name (Informational only)",
        "Portfolio Name (Informational only)", "State", "Campaign State (Informational only)", "Bid", "Keyword Text",
        "Match Type", "Product Targeting Expression", "Resolved Product Targeting Expression (Informational only)",
        "Customer Search Term", "Impressions", "Clicks", "Click-through Rate", "Spend", "Sales", "Orders", "Units",
        "Conversion Rate", "ACOS", "CPC", "ROAS"]


def by_term(parsed) -> dict[str, dict]:
    return {d["term"]: d for d in parsed.output.records["search_terms"]}


def test_summary_csv_us() -> None:
    parsed = parse(fixture("search-terms-us-summary.csv"))
    assert parsed.totals == {"spend": "146.24", "sales": "1439.63", "clicks": 92, "impressions": 4899, "orders": 37}
    rows = by_term(parsed)
    auto = rows["bamboo cutting board"]
    report = "search-terms|US|2026-01-01..2026-01-31|summary|7d"
    assert auto == {
        "id": f"{report}|2026-01-01|SP | Auto | BCB|Auto – BCB|close-match|-|bamboo cutting board",
        "report": report, "ad_product": "SP", "date": "2026-01-01",
        "end_date": "2026-01-31", "portfolio": "Maple & Moss – BCB", "campaign": "SP | Auto | BCB",
        "campaign_id": "", "ad_group": "Auto – BCB", "ad_group_id": "", "keyword_id": "", "targeting": "close-match",
        "match_type": "-", "term": "bamboo cutting board", "impressions": 1204, "clicks": 31, "spend_minor": 2759,
        "sales_minor": 13993, "orders": 7, "units": 7, "currency": "USD", "attribution_days": 7,
        "marketplace": "US", "bid_minor": None, "source": "report"}
    assert rows["b0cxyz1234"]["sales_minor"] == 0  # ACOS blank: no sales, nothing stored as a ratio
    assert rows["=cheap cutting board"]["match_type"] == "BROAD"  # a term is kept exactly as searched
    assert rows["large cutting board"]["sales_minor"] == 129970
    (record,) = parsed.output.records["ad_reports"]
    assert {k: record[k] for k in ("id", "ad_product", "report", "marketplace", "start", "end", "layout",
                                   "attribution_days", "rows", "spend_minor", "file")} == {
        "id": report, "ad_product": "SP", "report": "search_terms", "marketplace": "US", "start": "2026-01-01",
        "end": "2026-01-31", "layout": "summary", "attribution_days": 7, "rows": 4, "spend_minor": 14624,
        "file": "search-terms-us-summary.csv"}


@pytest.mark.parametrize("name, totals, expect", [
    ("search-terms-in-14day.csv", {"spend": "10605.66", "sales": "144957.78", "clicks": 1216, "impressions": 53190,
                                   "orders": 96},
     {"bamboo chopping board": {"date": "2024-05-14", "attribution_days": 14, "currency": "INR",
                                "spend_minor": 964404, "units": 101, "marketplace": "IN"},
      "wooden board": {"date": "2024-05-15", "spend_minor": 96162, "sales_minor": 0}}),
    ("search-terms-uk-daily-2024.csv", {"spend": "25.93", "sales": "1102.25", "clicks": 26, "impressions": 1222,
                                        "orders": 45},
     {"dust sheet": {"date": "2024-05-01", "end_date": "2024-05-01", "marketplace": "UK", "currency": "GBP"},
      "dust sheets for decorating": {"date": "2024-05-13", "sales_minor": 110225, "units": 47}}),
    ("search-terms-console-2026.csv", {"spend": "58.50", "sales": "134.91", "clicks": 65, "impressions": 4050,
                                       "orders": 9},
     {"silicone baking mat": {"date": "2026-01-01", "end_date": "2026-01-31", "campaign_id": "123456789012345",
                              "ad_group_id": "223456789012345", "match_type": "PHRASE", "targeting": "baking mat"},
      "macaron mat": {"match_type": "-", "targeting": "complements", "units": 0}}),
    ("search-terms-de.csv", {"spend": "48.15", "sales": "359.64", "clicks": 41, "impressions": 1660, "orders": 12},
     {"schneidebrett holz groß": {"date": "2025-03-01", "end_date": "2025-03-31", "spend_minor": 4320,
                                  "impressions": 1250, "currency": "EUR", "marketplace": "DE"},
      "brotbrett": {"targeting": "*", "match_type": "-"}}),
])
def test_other_layouts_and_markets(name, totals, expect) -> None:
    parsed = parse(fixture(name))
    assert parsed.kind.name == "search-terms" and parsed.totals == totals
    rows = by_term(parsed)
    for term, fields in expect.items():
        assert {k: rows[term][k] for k in fields} == fields


def test_xlsx_summary_with_fractions_and_serial_dates(tmp_path: Path) -> None:
    rows = [[date(2026, 1, 1), date(2026, 1, 31), "Kitchen", "USD", "SP | Exact", "Exact", "bamboo board", "EXACT",
             "bamboo board", 905.0, 40.0, 0.0442, 2.4, 96.0, 1299.7, 0.0739, 13.54, 30.0, 31.0, 0.75],
            [date(2026, 1, 1), date(2026, 1, 31), "Kitchen", "USD", "SP | Exact", "Exact", "bamboo board", "EXACT",
             "bamboo boards", "310", "12", "0.0387", "1.1", "13.2", "0", "", "0", "0", "0", "0"]]
    path = write_xlsx(tmp_path / "Sponsored Products Search term report.xlsx",
                      [Sheet("Sponsored Product Search Term R", [SUMMARY, *rows], dimension="A1:A1",
                             dates_as_serials=True, empty_styled_rows=2000)])
    parsed = parse(path)
    assert parsed.rows == 2
    assert parsed.totals == {"spend": "109.20", "sales": "1299.70", "clicks": 52, "impressions": 1215, "orders": 30}
    assert by_term(parsed)["bamboo board"]["date"] == "2026-01-01"


def _bulk(path: Path) -> Path:
    rows = [
        ["Sponsored Products", "479283619024226", "527394872190588", "525101868103487", "", "Golf | Broad",
         "Broad", "Golf", "enabled", "enabled", 1.32, "+golf +putter", "Broad", "", "", "2 year old golf putter",
         4.0, 1.0, 0.25, 1.36, 0.0, 0.0, 0.0, 0.0, 0.0, 1.36, 0.0],
        ["Sponsored Products", "443862362774719", "526017397635377", "", "554473069604168", "Auto - Low Bid",
         "Auto - Low Bid", "Golf", "enabled", "paused", 0.5, "", "", "loose-match", "loose-match", "golf gifts",
         8.0, 2.0, 0.125, 1.5, 29.99, 1.0, 1.0, 0.5, 0.05, 0.75, 19.99],
    ]
    return write_xlsx(path, [Sheet("Portfolios", [["Product", "Entity", "Portfolio ID"], ["x", "Portfolio", "1"]]),
                             Sheet("SP Search Term Report", [BULK, *rows]), Sheet("Sheet5", [["Version"]])])


def test_bulk_tab_keeps_ids_and_bid_and_takes_the_period_from_the_name(tmp_path: Path) -> None:
    parsed = parse(_bulk(tmp_path / "bulk-2026-01-01-2026-01-31.xlsx"))
    assert parsed.kind.name == "bulk-search-terms" and parsed.frame.table.sheet == "SP Search Term Report"
    assert "period 2026-01-01..2026-01-31 (from the file name)" in parsed.notes()
    rows = by_term(parsed)
    keyword = rows["2 year old golf putter"]
    assert {k: keyword[k] for k in ("date", "end_date", "campaign_id", "ad_group_id", "keyword_id", "targeting",
                                    "match_type", "bid_minor", "source", "target_id")} == {
        "date": "2026-01-01", "end_date": "2026-01-31", "campaign_id": "479283619024226",
        "ad_group_id": "527394872190588", "keyword_id": "525101868103487", "targeting": "+golf +putter",
        "match_type": "BROAD", "bid_minor": 132, "source": "bulk", "target_id": ""}
    auto = rows["golf gifts"]
    assert auto["targeting"] == "loose-match" and auto["match_type"] == "-" and auto["target_id"] == "554473069604168"
    assert parsed.totals == {"spend": "2.86", "sales": "29.99", "clicks": 3, "impressions": 12, "orders": 1}


def test_bulk_tab_needs_a_period(tmp_path: Path) -> None:
    path = _bulk(tmp_path / "bulk.xlsx")
    with pytest.raises(FileProblem, match="has no dates of its own, and its file name holds no dates: say which days"):
        parse(path)
    assert parse(path, period="2026-02-01..2026-02-28").output.records["search_terms"][0]["date"] == "2026-02-01"


def test_overlapping_reports_update_rather_than_add(store, tmp_path: Path) -> None:
    first = run_import(store, fixture("search-terms-us-summary.csv"))
    assert first.inserted == 4
    newer = tmp_path / "newer.csv"
    newer.write_text(fixture("search-terms-us-summary.csv").read_text(encoding="utf-8").replace('"$27.59"', '"$28.00"')
                     .replace("$27.59", "$28.00"), encoding="utf-8")
    again = run_import(store, newer)
    assert (again.inserted, again.updated, again.unchanged) == (0, 1, 3)
    assert store["search_terms"].count() == 4


def test_a_fresh_download_of_the_same_report_replaces_its_rows(store, tmp_path: Path) -> None:
    run_import(store, fixture("search-terms-us-summary.csv"))
    fresh = tmp_path / "fresh.csv"
    lines = fixture("search-terms-us-summary.csv").read_text(encoding="utf-8").splitlines()
    fresh.write_text("\n".join(line for line in lines if "b0cxyz1234" not in line) + "\n", encoding="utf-8")
    dry = run_import(store, fresh, dry_run=True)
    assert (dry.removed, dry.unchanged) == (1, 3) and store["search_terms"].count() == 4
    result = run_import(store, fresh)
    assert (result.inserted, result.updated, result.unchanged, result.removed) == (0, 0, 3, 1)
    assert "1 removed (gone from this report since its last import)" in result.summary_lines()[0]
    assert store["search_terms"].count() == 3 and not [d for d in store["search_terms"].all() if d["term"] == "b0cxyz1234"]
    (report,) = store["ad_reports"].all()
    assert report["rows"] == 3 and report["file"] == "search-terms-us-summary.csv"  # the first import's name stays


def test_overlapping_reports_are_both_kept_as_what_they_are(store, tmp_path: Path) -> None:
    run_import(store, fixture("search-terms-us-summary.csv"))
    later = tmp_path / "later.csv"
    later.write_text(fixture("search-terms-us-summary.csv").read_text(encoding="utf-8")
                     .replace('"Jan 01, 2026","Jan 31, 2026"', '"Jan 15, 2026","Feb 14, 2026"'), encoding="utf-8")
    result = run_import(store, later)
    assert (result.inserted, result.removed) == (4, 0) and store["search_terms"].count() == 8
    assert sorted((r["start"], r["end"]) for r in store["ad_reports"].all()) == [
        ("2026-01-01", "2026-01-31"), ("2026-01-15", "2026-02-14")]

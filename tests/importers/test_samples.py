"""The real exports in ../shared/samples reproduce the totals in their README to the cent (skipped when absent)."""

from __future__ import annotations

import pytest

from tests.importers.conftest import parse, run_import

CASES = {
    "us-2022-search-term-report.xlsx": ({}, {"spend": "1179.16", "sales": "1692.46", "clicks": 1919,
                                             "impressions": 245277, "orders": 150}, 638),
    "us-2022-search-term-report-edited.xlsx": ({}, {"spend": "42.99", "sales": "54.95", "clicks": 74, "orders": 5}, 50),
    "uk-2023-daily-search-term-report.xlsx": ({}, {"spend": "4206.45", "sales": "13373.85", "clicks": 3644,
                                                   "orders": 1673}, 2399),
    "bulk-search-term-tab-with-ids.xlsx": ({"period": "2024-01-01..2024-01-31"},
                                           {"spend": "4299.30", "sales": "10091.82", "clicks": 3165, "orders": 309}, 1551),
    "uk-2025-business-report-child-item.csv": ({"period": "2025-10-15"},
                                               {"units": 10942, "sales": "240247.19", "sessions": 756525}, 3513),
    "uk-2025-business-report-mobile-browser.csv": ({"period": "2025-07-16"},
                                                   {"units": 9937, "sales": "189637.18", "sessions": 188189}, 1326),
    "ca-2025-settlement.txt": ({}, {"total_amount": "1016.08", "sum_of_amounts": "1016.08", "orders": 35}, 190),
    "ca-2025-settlement-small.txt": ({}, {"total_amount": "-321.69", "sum_of_amounts": "-321.69"}, 4),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_sample_totals(samples, name) -> None:
    options, totals, rows = CASES[name]
    parsed = parse(samples / name, **options)
    assert parsed.problems == [] and parsed.rows == rows
    assert {k: parsed.totals[k] for k in totals} == totals


def test_sample_details(samples) -> None:
    us = parse(samples / "us-2022-search-term-report.xlsx")
    first = us.output.records["search_terms"][0]
    assert (first["date"], first["end_date"], first["match_type"], first["currency"]) == \
        ("2022-07-23", "2022-07-23", "BROAD", "USD")
    uk = parse(samples / "uk-2023-daily-search-term-report.xlsx")
    assert uk.locale.market.code == "UK" and uk.output.records["search_terms"][0]["date"] == "2023-05-20"
    bulk = parse(samples / "bulk-search-term-tab-with-ids.xlsx", period="2024-01-01..2024-01-31")
    row = bulk.output.records["search_terms"][0]
    assert row["campaign_id"] == "479283619024226" and row["keyword_id"] == "525101868103487"
    assert row["match_type"] == "BROAD" and row["bid_minor"] == 132
    small = parse(samples / "ca-2025-settlement-small.txt")
    assert small.locale.currency == "CAD" and [d["amount_minor"] for d in small.output.records["settlements"]] == \
        [-32169, -3209, 3209]


def test_samples_import_once_and_reimport_unchanged(samples, store) -> None:
    first = run_import(store, samples / "ca-2025-settlement.txt")
    assert first.inserted == 189
    assert run_import(store, samples / "ca-2025-settlement.txt").unchanged == 189
    report = run_import(store, samples / "uk-2025-business-report-child-item.csv", period="2025-10-15")
    assert report.inserted == 3513 - 68
    assert sum(r["ordered_sales_minor"] for r in store["business_report"].all()) == 24024719

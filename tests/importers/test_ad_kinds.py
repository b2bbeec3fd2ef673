"""Targeting, advertised product, Sponsored Brands and Sponsored Display reports: recognised, exact, idempotent."""

from __future__ import annotations

import pytest

from sellertui.importers.errors import FileProblem
from tests.importers.conftest import fixture, parse, run_import

CASES = [
    # file, kind, collection, totals, (key, {field: value}) of one row
    ("sp-targeting-us-summary.csv", "sp-targeting", "ad_targeting",
     {"spend": "205.18", "sales": "577.61", "clicks": 152, "impressions": 10584, "orders": 28},
     ("targeting", "large cutting board", {"match_type": "EXACT", "top_of_search": 18.42, "spend_minor": 11834,
                                            "ad_product": "SP", "attribution_days": 7, "date": "2026-01-01",
                                            "end_date": "2026-01-31", "marketplace": "US"})),
    ("sp-advertised-products-us-daily.csv", "sp-advertised-products", "advertised_products",
     {"spend": "24.26", "sales": "99.95", "clicks": 19, "impressions": 1612, "orders": 5},
     ("asin", "B0AAAAAAA2", {"sku": "MM-BCB-S", "date": "2026-01-06", "spend_minor": 267, "own_units": 0})),
    ("sb-search-terms-us-daily.csv", "sb-search-terms", "search_terms",
     {"spend": "43.80", "sales": "117.56", "clicks": 26, "impressions": 3670, "orders": 3},
     ("term", "end grain cutting board", {"ad_product": "SB", "cost_type": "vCPM", "viewable_impressions": 1950,
                                          "attribution_days": 14, "match_type": "BROAD", "targeting": "cutting board"})),
    ("sb-targeting-us-summary.csv", "sb-targeting", "ad_targeting",
     {"spend": "111.40", "sales": "299.86", "clicks": 65, "impressions": 11040, "orders": 8},
     ("targeting", "maple moss", {"ad_product": "SB", "new_to_brand_orders": 4, "units": 7, "sales_minor": 23988})),
    ("sd-targeting-us-daily.csv", "sd-targeting", "ad_targeting",
     {"spend": "27.20", "sales": "39.98", "clicks": 20, "impressions": 18400, "orders": 1},
     ("targeting", 'asin="B0ZZZZZZZ9"', {"ad_product": "SD", "match_type": "-", "page_views": 9,
                                        "bid_optimization": "Optimize for reach", "viewable_impressions": 8000})),
    ("sd-matched-targets-us-summary.csv", "sd-matched-targets", "search_terms",
     {"spend": "12.75", "sales": "39.98", "clicks": 15, "impressions": 3100, "orders": 1},
     ("term", "B0MATCHED01", {"ad_product": "SD", "targeting": 'category="Cutting Boards"', "page_views": 19,
                              "spend_minor": 935})),
    ("sd-advertised-products-us.csv", "sd-advertised-products", "advertised_products",
     {"spend": "11.20", "sales": "39.98", "clicks": 14, "impressions": 6400, "orders": 1},
     ("sku", "MM-BCB-L", {"ad_product": "SD", "asin": "B0AAAAAAA1", "page_views": 31, "attribution_days": 14})),
]


@pytest.mark.parametrize("name, kind, collection, totals, row", CASES, ids=[c[1] for c in CASES])
def test_each_report_is_recognised_and_exact_to_the_cent(name, kind, collection, totals, row) -> None:
    parsed = parse(fixture(name))
    assert parsed.kind.name == kind and parsed.totals == totals and not parsed.problems
    field, value, expected = row
    (doc,) = [d for d in parsed.output.records[collection] if d[field] == value]
    assert {k: doc[k] for k in expected} == expected
    (report,) = parsed.output.records["ad_reports"]
    assert doc["report"] == report["id"] and report["kind"] == kind and report["marketplace"] == "US"


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_each_report_imports_all_at_once_and_again_changes_nothing(store, name) -> None:
    first = run_import(store, fixture(name))
    assert first.inserted == first.rows and first.rejected == 0
    again = run_import(store, fixture(name))
    assert (again.inserted, again.updated, again.removed, again.unchanged) == (0, 0, 0, first.rows)


def test_a_report_with_a_bad_row_writes_nothing(store, tmp_path) -> None:
    from sellertui.importers.errors import RowProblems

    bad = tmp_path / "targeting.csv"
    bad.write_text(fixture("sp-targeting-us-summary.csv").read_text(encoding="utf-8").replace("$43.12", "$43.1x"),
                   encoding="utf-8")
    with pytest.raises(RowProblems) as caught:
        run_import(store, bad)
    assert caught.value.problems[0].column == "Spend" and caught.value.problems[0].line == 3
    assert store["ad_targeting"].count() == 0 and store["ad_reports"].count() == 0


def test_an_advertised_product_row_must_name_a_product(tmp_path) -> None:
    path = tmp_path / "products.csv"
    path.write_text(fixture("sp-advertised-products-us-daily.csv").read_text(encoding="utf-8")
                    .replace("MM-BCB-S,b0aaaaaaa2", ","), encoding="utf-8")
    parsed = parse(path)
    assert [p.reason for p in parsed.problems] == ["is empty, and so is Advertised SKU: the row names no product"]


def test_an_unknown_campaign_report_is_no_report_we_read(tmp_path) -> None:
    with pytest.raises(FileProblem, match="expected one of the reports sellertui reads"):
        parse(fixture("sponsored-products-campaigns.csv"))


def test_an_old_sponsored_brands_keyword_report_without_orders_is_named(tmp_path) -> None:
    with pytest.raises(FileProblem, match="has no '14 day total orders' column, which a Sponsored Brands targeting"):
        parse(fixture("sponsored-brands-keywords.csv"))

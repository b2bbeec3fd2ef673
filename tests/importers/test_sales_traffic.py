"""The Sales and Traffic report (JSON): Amazon's own examples, hand-made documents, and the CSV's keys."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from sellertui.importers.errors import FileProblem, RowProblems
from sellertui.importers.pipeline import Document, Options, import_document, parse_document, parse_report

def schema_examples() -> list[dict]:
    """The examples in Amazon's JSON schema ($SELLERTUI_AMAZON_MODELS or ../shared/amazon-api/sp-api)."""
    folder = os.environ.get("SELLERTUI_AMAZON_MODELS") or \
        Path(__file__).resolve().parents[2].parent / "shared" / "amazon-api" / "sp-api"
    path = Path(folder) / "sellerSalesAndTrafficReport.json"
    if not path.exists():
        pytest.skip("Amazon's models (../shared/amazon-api/sp-api or $SELLERTUI_AMAZON_MODELS) are not here")
    return json.loads(path.read_text())["examples"]


def document(spec_start="2026-11-01", spec_end="2026-11-02", granularity="DAY", asins="CHILD", by_asin=None,
             by_date=None) -> dict:
    return {
        "reportSpecification": {"reportType": "GET_SALES_AND_TRAFFIC_REPORT",
                                "reportOptions": {"dateGranularity": granularity, "asinGranularity": asins},
                                "dataStartTime": spec_start, "dataEndTime": spec_end,
                                "marketplaceIds": ["A1F83G8C2ARO7P"]},
        "salesAndTrafficByDate": by_date if by_date is not None else [],
        "salesAndTrafficByAsin": by_asin if by_asin is not None else [],
    }


def asin(child, units, sales, sessions, parent="B000PARENT", currency="GBP", **traffic) -> dict:
    return {"parentAsin": parent, "childAsin": child,
            "salesByAsin": {"unitsOrdered": units, "orderedProductSales": {"amount": sales, "currencyCode": currency},
                            "totalOrderItems": units},
            "trafficByAsin": {"sessions": sessions, "pageViews": sessions * 2, "browserSessions": sessions,
                              "mobileAppSessions": 0, "buyBoxPercentage": 97.5, "unitSessionPercentage": 12.5,
                              **traffic}}


def parse(doc: dict, name: str = "st.json"):
    return parse_document(Document(name, json.dumps(doc).encode(), "sales-traffic"), Options())


def test_amazons_examples_by_sku_and_by_child() -> None:
    by_sku, by_child, by_parent = schema_examples()
    parsed = parse(by_sku)
    assert parsed.totals == {"units": 7, "sales": "88.04", "sessions": 37, "dates": 4}
    first = parsed.output.records["business_report"][0]
    assert first["id"] == "2021-06-11..2021-06-14|B123456789|AB-1C2D-EFGH"
    assert (first["buy_box_pct"], first["unit_session_pct"], first["ordered_sales_minor"]) == (95.24, 7.69, 1679)
    day = parsed.output.records["business_daily"][0]
    assert day["id"] == "US|2021-06-11|DAY" and day["ordered_sales_minor"] == 23844 and day["sessions"] == 1000
    assert day["refund_pct"] == 4.35 and day["shipped_sales_minor"] == 65072
    # Amazon's own example misspells browserPageViews on its last day: that day's count is unknown, not zero
    assert parsed.output.records["business_daily"][3]["page_views_browser"] is None
    weekly = parse(by_child)
    assert str(weekly.period) == "2021-06-06..2021-06-19"  # widened to whole weeks, Sunday to Saturday
    assert weekly.output.records["business_daily"][0]["period_end"] == "2021-06-12"
    monthly = parse(by_parent)
    assert monthly.output.records["business_report"] == [] and str(monthly.period) == "2021-06-01..2021-06-30"
    assert any("by parent ASIN" in note for note in monthly.notes())


def test_the_same_period_synced_and_downloaded_is_one_record(store, tmp_path) -> None:
    from sellertui.importers.pipeline import import_report

    csv = tmp_path / "BusinessReport-01-11-2026.csv"
    csv.write_text("(Parent) ASIN,(Child) ASIN,Title,Sessions – Total,Page Views – Total,Units Ordered,"
                   "Ordered Product Sales\nB000PARENT,B0CHILD001,Mat,40,80,5,£50.00\n", encoding="utf-8")
    import_report(store, csv, Options(period="2026-11-01..2026-11-02"))
    doc = document(by_asin=[asin("B0CHILD001", 5, 50.0, 40)])
    result = import_document(store, Document("st.json", json.dumps(doc).encode(), "sales-traffic"), Options())
    assert store["business_report"].count() == 1 and result.inserted == 0
    record = store["business_report"].all()[0]
    assert record["ordered_sales_minor"] == 5000 and record["currency"] == "GBP" and record["marketplace"] == "UK"


def test_a_child_listed_twice_is_added_up_with_rates_recomputed() -> None:
    doc = document(by_asin=[asin("B0C1", 2, 20.0, 10, parent="P1"), asin("B0C1", 3, 30.5, 30, parent="P2")])
    records = parse(doc).output.records["business_report"]
    assert len(records) == 1
    assert (records[0]["units_ordered"], records[0]["ordered_sales_minor"], records[0]["sessions"]) == (5, 5050, 40)
    assert records[0]["unit_session_pct"] == 12.5


def test_bad_entries_are_listed_and_nothing_is_kept(store) -> None:
    doc = document(by_asin=[asin("B0C1", "two", 20.0, 10), asin("", 1, 1.0, 1)])
    with pytest.raises(RowProblems) as caught:
        import_document(store, Document("st.json", json.dumps(doc).encode(), "sales-traffic"), Options())
    reasons = [(p.line, p.column, p.reason) for p in caught.value.problems]
    assert (1, "unitsOrdered", "is not a whole number") in reasons and (1, "totalOrderItems", "is not a whole number") in reasons
    assert any(line == 2 and "child ASIN" in reason for line, _, reason in reasons)
    assert store["business_report"].count() == 0


@pytest.mark.parametrize("doc, words", [
    ({"salesAndTrafficByAsin": []}, "is not a Sales and Traffic report"),
    (document(spec_start="2026-11-05", spec_end="2026-11-01"), "no valid dataStartTime and dataEndTime"),
    (document(granularity="HOUR"), "dateGranularity 'HOUR'"),
])
def test_documents_of_the_wrong_shape_are_refused_in_one_sentence(doc, words) -> None:
    with pytest.raises(FileProblem, match=words):
        parse(doc)


def test_a_json_file_imports_by_hand_too(tmp_path) -> None:
    path = tmp_path / "sales-and-traffic.json"
    path.write_text(json.dumps(document(by_asin=[asin("B0C1", 2, 19.99, 10)])))
    parsed = parse_report(path, Options())
    assert parsed.kind.name == "sales-traffic" and parsed.totals["sales"] == "19.99"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10_000), st.decimals(0, 99_999, places=2, allow_nan=False)), min_size=1,
                max_size=8))
def test_totals_are_exact_to_the_cent_for_any_amounts(rows) -> None:
    entries = [asin(f"B0C{i:07d}", units, float(sales), units) for i, (units, sales) in enumerate(rows)]
    parsed = parse(document(by_asin=entries))
    assert parsed.totals["units"] == sum(u for u, _ in rows)
    assert parsed.totals["sales"] == f"{sum(s for _, s in rows):.2f}"

"""Date Range transaction report -> transactions, keyed so overlapping reports add only what is new."""

from __future__ import annotations

from pathlib import Path

from tests.importers.conftest import fixture, parse, run_import


def test_us_report_after_its_preamble() -> None:
    parsed = parse(fixture("date-range-us.csv"))
    assert parsed.totals == {"lines": 5, "total": "-1256.62", "orders": 2}
    assert parsed.locale.currency == "USD"
    first = parsed.output.records["transactions"][0]
    assert {k: first[k] for k in ("posted_date", "type", "order_id", "quantity", "product_sales_minor",
                                  "marketplace_withheld_tax_minor", "selling_fees_minor", "fba_fees_minor",
                                  "total_minor", "currency", "marketplace")} == {
        "posted_date": "2026-01-05T19:03:05+00:00", "type": "Order", "order_id": "112-0000001-0000001",
        "quantity": 2, "product_sales_minor": 5998, "marketplace_withheld_tax_minor": -420,
        "selling_fees_minor": -900, "fba_fees_minor": -850, "total_minor": 4248, "currency": "USD",
        "marketplace": "US"}
    transfer = parsed.output.records["transactions"][-1]
    assert transfer["type"] == "Transfer" and transfer["total_minor"] == -123456 and transfer["order_id"] == ""
    fees = [d["id"] for d in parsed.output.records["transactions"] if d["description"] == "Cost of Advertising"]
    assert len(set(fees)) == 2


def test_uk_2025_status_columns_and_day_first_dates() -> None:
    parsed = parse(fixture("date-range-uk-2025.csv"))
    assert parsed.totals == {"lines": 2, "total": "728.53", "orders": 2} and parsed.locale.currency == "GBP"
    first, second = parsed.output.records["transactions"]
    assert first["posted_date"] == "2025-05-14T08:48:59+00:00" and first["status"] == "Released"
    assert first["release_date"] == "2025-05-21T08:48:59+00:00" and first["shipping_credits_minor"] == 0
    assert second["shipping_credits_minor"] == 319  # "postage credits" in UK files


def test_a_status_change_updates_the_same_line(store, tmp_path: Path) -> None:
    assert run_import(store, fixture("date-range-uk-2025.csv")).inserted == 2
    later = tmp_path / "later.csv"
    later.write_text(fixture("date-range-uk-2025.csv").read_text().replace('"Deferred"', '"Released"')
                     .replace(",Deferred,", ",Released,"))
    result = run_import(store, later)
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 1)


def test_an_overlapping_report_adds_only_new_lines(store, tmp_path: Path) -> None:
    run_import(store, fixture("date-range-us.csv"))
    lines = fixture("date-range-us.csv").read_text().splitlines()
    overlap = tmp_path / "overlap.csv"
    extra = lines[-1].replace("Jan 16, 2026 9:15:00 PM PST", "Jan 30, 2026 9:15:00 PM PST")
    overlap.write_text("\n".join(lines[:8] + lines[-3:] + [extra]) + "\n")
    result = run_import(store, overlap)
    assert (result.inserted, result.unchanged) == (1, 3)
    assert store["transactions"].count() == 6

"""Active Listings, Inventory Age, Reimbursements and Seller Feedback: recognised, exact, idempotent, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellertui.importers.errors import RowProblems
from tests.importers.conftest import fixture, parse, run_import

CASES = [
    ("all-listings-us.txt", "listings", "products", {"skus": 4, "active": 3, "fba": 2, "price_sum": "69.47"}),
    ("inventory-planning-us.txt", "inventory-age", "products",
     {"skus": 2, "aged_units": 210, "storage_next_month": "118.15", "aged_surcharge": "107.00"}),
    ("reimbursements-us.txt", "reimbursements", "reimbursements", {"lines": 5, "amount": "51.86", "units": 4}),
    ("feedback-us.txt", "feedback", "feedback", {"feedback": 4, "negative": 2, "average": "3.00"}),
]


@pytest.mark.parametrize("name, kind, collection, totals", CASES)
def test_recognised_exact_and_idempotent(store, name, kind, collection, totals) -> None:
    parsed = parse(fixture(name))
    assert parsed.kind.name == kind and parsed.totals == totals and not parsed.problems
    first = run_import(store, fixture(name))
    again = run_import(store, fixture(name))
    assert first.inserted == len(parsed.output.records[collection]) and again.inserted == again.updated == 0


@pytest.mark.parametrize("name, column, bad", [("all-listings-us.txt", "14.49", "fourteen"),
                                               ("inventory-planning-us.txt", "2026-11-20", "yesterday"),
                                               ("reimbursements-us.txt", "42.74", "4x.74"),
                                               ("feedback-us.txt", "\t2\t", "\t7\t")])
def test_one_bad_row_and_nothing_is_written(store, tmp_path: Path, name, column, bad) -> None:
    path = tmp_path / name
    path.write_bytes(fixture(name).read_bytes().replace(column.encode(), bad.encode(), 1))
    with pytest.raises(RowProblems):
        run_import(store, path)
    assert all(store[name].count() == 0 for name in ("products", "reimbursements", "feedback"))


def test_listings_refresh_the_price_status_and_channel_and_keep_what_you_entered(store) -> None:
    with store.transaction("a product") as tx:
        tx["products"].upsert_many([{"id": "MM-BCB-LARGE", "sku": "MM-BCB-LARGE", "title": "My own title",
                                     "price_minor": 2999, "costs": [{"from": "2026-01-01", "landed_minor": 800}]}])
    run_import(store, fixture("all-listings-us.txt"))
    board = store["products"].get("MM-BCB-LARGE")
    assert board["price_minor"] == 3199 and board["title"] == "My own title" and board["costs"][0]["landed_minor"] == 800
    assert board["listing"]["channel"] == "FBA" and board["listing"]["status"] == "Active"
    straws = store["products"].get("MM-SSB-8PACK")
    assert straws["listing"] == {**straws["listing"], "status": "Inactive", "channel": "FBM", "quantity": 0}


def test_inventory_age_leaves_used_stock_out_and_keeps_the_bands() -> None:
    parsed = parse(fixture("inventory-planning-us.txt"))
    jars = {d["sku"]: d for d in parsed.output.records["products"]}["MM-GSJ-SETOF6"]["amazon_aging"]
    assert (jars["age_181_270"], jars["age_271_365"], jars["age_365_plus"], jars["aged_units"]) == (150, 40, 20, 210)
    assert (jars["storage_next_month_minor"], jars["aged_surcharge_minor"]) == (10692, 10700)
    assert "1 row(s) of used or collectible stock left out" in parsed.notes()


def test_feedback_keeps_the_buyers_words_literally(store) -> None:
    run_import(store, fixture("feedback-us.txt"))
    stored = store["feedback"].get("113-0000005-0000005")
    assert stored["comments"] == "[b]Never arrived[/b]" and stored["rating"] == 1 and stored["date"] == "2026-11-09"

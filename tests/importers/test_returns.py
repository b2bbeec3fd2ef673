"""FBA customer returns and seller-fulfilled returns -> returns."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellertui.importers.kinds.returns import fbm_status
from tests.importers.conftest import fixture, parse, run_import


def test_fba_returns_keep_amazons_status() -> None:
    parsed = parse(fixture("fba-returns-us.txt"))
    assert parsed.totals == {"lines": 2, "units": 3}
    first = parsed.output.records["returns"][0]
    assert first["id"] == "112-0000001-0000001/MM-BCB-LARGE/2026-01-20T08:00:00+00:00/LPNRR123456789"
    assert {k: first[k] for k in ("channel", "status", "quantity", "reason", "requested_at", "disposition")} == {
        "channel": "FBA", "status": "Unit returned to inventory", "quantity": 1, "reason": "UNWANTED_ITEM",
        "requested_at": "2026-01-20T08:00:00+00:00", "disposition": "SELLABLE"}


def test_seller_fulfilled_returns_map_onto_the_workflow() -> None:
    parsed = parse(fixture("fbm-returns-us.csv"))
    assert parsed.totals == {"lines": 3, "units": 4}
    rows = {r["order_id"]: r for r in parsed.output.records["returns"]}
    assert rows["112-0000002-0000002"]["status"] == "authorised"
    closed = rows["114-8888888-8888888"]
    assert closed["status"] == "closed" and closed["refund_minor"] == 5998
    assert closed["received_at"] == "2025-12-02T00:00:00+00:00" and closed["id"].endswith("/DqXyZ2AbC")
    assert rows["114-9999999-9999999"]["status"] == "requested" and rows["114-9999999-9999999"]["refund_minor"] is None


@pytest.mark.parametrize("amazon, refund, delivered, expected", [
    ("Pending", None, None, "requested"), ("Approved", None, None, "authorised"),
    ("Approved", None, "2026-01-01", "received"), ("Approved", 1299, "2026-01-01", "refunded"),
    ("Closed", 1299, None, "closed"), ("Rejected", None, None, "closed"), ("", None, None, "requested"),
])
def test_status_mapping(amazon, refund, delivered, expected) -> None:
    assert fbm_status(amazon, refund, delivered) == expected


def test_a_reimport_never_moves_a_return_back(store, tmp_path: Path) -> None:
    run_import(store, fixture("fbm-returns-us.csv"))
    key = next(r["id"] for r in store["returns"].all() if r["order_id"] == "112-0000002-0000002")
    with store.transaction("received") as tx:
        tx["returns"].update(key, {"status": "received", "buyer_id": "jane@x", "refunded_at": None})
    result = run_import(store, fixture("fbm-returns-us.csv"))
    assert result.unchanged == 3
    case = store["returns"].get(key)
    assert case["status"] == "received" and case["buyer_id"] == "jane@x"

"""The plan: every formula together on hand-made SKUs, the warnings, the reorder list and the working."""

from __future__ import annotations

import math

import pytest

from sellertui.domain.inventory.plan import compute_from_records, reorder
from sellertui.domain.inventory.settings import InventorySettings
from sellertui.domain.inventory.velocity import sales_frame
from sellertui.domain.inventory.working import TOPICS, card, explain
from tests.domain.inventory.helpers import TODAY, day, product, steady

PRODUCTS = [
    product("A", stock={"fba_available": 50, "fbm": 10, "inbound_shipped": 20, "reserved": 5}, moq=100, case_pack=24,
            amazon_restock={"recommended_qty": 300, "recommended_ship_date": "2026-11-25", "alert": "reorder_now",
                            "days_of_supply": 25, "updated_at": "2026-11-21"}),
    product("B", stock={"fba_available": 0, "fbm": 0}, case_pack=10),
    product("C", stock={"fba_available": 1000}),
    product("D", stock={"fba_available": 100}, supplier="Bolt"),
    product("E", stock={"fba_available": 150}),
    product("F", stock={"fba_available": 300}, lead_time={}, safety_days=None, hold_days=None),
]
SALES = (steady("A", 2, range(1, 91)) + steady("B", 1, range(11, 91)) + steady("C", 1, range(1, 91))
         + steady("D", 2, range(1, 91)) + steady("E", 1, range(1, 91)) + steady("F", 1, range(1, 91)))
PURCHASE_ORDERS = [
    {"id": "1", "supplier": "Acme", "status": "ordered", "expected_on": "2027-01-20",
     "lines": [{"sku": "A", "qty": 100, "unit_cost_minor": 250, "received_qty": 40}]},
    {"id": "2", "supplier": "Acme", "status": "draft", "expected_on": "2027-02-01",
     "lines": [{"sku": "A", "qty": 500, "unit_cost_minor": 250, "received_qty": 0}]},
    {"id": "3", "supplier": "Acme", "status": "received", "received_on": "2026-03-01",
     "receipts": [{"on": "2026-03-01", "sku": "C", "qty": 1200}],
     "lines": [{"sku": "C", "qty": 1200, "unit_cost_minor": 250, "received_qty": 1200}]},
]
PROMOTIONS = [
    {"name": "BF deal", "skus": ["A", "D"], "start": day(-5).isoformat(), "end": day(-6).isoformat(),
     "expected_units": 300, "status": "approved"},
    {"name": "Old", "skus": ["E"], "start": day(40).isoformat(), "end": day(30).isoformat(), "expected_units": 900,
     "status": "ended"},
    {"name": "Dropped", "skus": ["E"], "start": day(-3).isoformat(), "end": day(-4).isoformat(),
     "expected_units": 900, "status": "cancelled"},
]


@pytest.fixture(scope="module")
def plan():
    return compute_from_records(PRODUCTS, PURCHASE_ORDERS, PROMOTIONS, sales_frame(SALES), day(400),
                                InventorySettings(), TODAY)


def row(plan, sku: str) -> dict:
    return plan.row(plan.position_of(sku))


def test_the_formulas_for_one_sku(plan) -> None:
    a = row(plan, "A")
    assert a["velocity"] == pytest.approx(2.0)
    assert (a["available"], a["inbound"], a["on_order"]) == (60, 20, 60)  # draft PO 2 is not on order
    assert a["cover"] == pytest.approx(40.0)  # (60 + 20) / 2
    assert a["stockout"] == "2027-01-01"  # 2026-11-22 + 40 days
    assert a["rop"] == pytest.approx(148.0)  # 2 × (60 + 14)
    assert a["need"] == pytest.approx(100.0)  # 2 × (60 + 60) − 80 − 60
    assert a["order_qty"] == 120  # MOQ 100 → 5 cases of 24
    assert a["status"] == "now"  # position 140 ≤ 148
    assert a["amz_qty"] == 300 and a["amz_alert"] == "reorder_now"


def test_statuses(plan) -> None:
    statuses = {r["sku"]: r["status"] for r in plan.frame.to_dict("records")}
    # D: 100 / 2 = 50 days but position 100 ≤ 148 → order now; E: 150 ≥ 1 × (60 + 14 + 14), 150 days ≤ 180
    assert statuses == {"A": "now", "B": "out", "C": "over", "D": "now", "E": "healthy", "F": "over"}
    assert list(plan.frame["sku"])[:3] == ["B", "A", "D"]  # most urgent first, then by cover


def test_defaults_fill_what_a_sku_does_not_say(plan) -> None:
    f = row(plan, "F")
    assert f["lead_default"] and (f["lead"], f["safety"], f["hold"]) == (60, 14, 60)


def test_warnings(plan) -> None:
    a, c, d, e = (row(plan, s) for s in "ACDE")
    assert a["warn_lead"] and not e["warn_lead"]  # 40 days of cover < 60 days of lead time
    # A: 55 FBA units / 2 a day = 27.5 days of supply over 30 and 90 days: both under 28
    assert a["dos30"] == pytest.approx(27.5) and a["dos90"] == pytest.approx(27.5) and a["warn_fee"]
    assert not d["warn_fee"]  # 100 / 2 = 50 days
    # C: 1,000 on hand, all from the receipt of 2026-03-01 (266 days ago)
    assert c["warn_aged"] and c["aged_units"] == 1000 and c["oldest_days"] == 266
    assert not a["warn_aged"] and math.isnan(a["oldest_days"])  # no receipts: age unknown
    # BF deal in 5 days, 300 units over A and D: 150 each; D will have 100 − 5 × 2 = 90
    assert d["warn_promo"] and "expects 150 units" in d["promo_lines"] and "= 90" in d["promo_lines"]
    assert a["warn_promo"] and not e["warn_promo"]  # ended and cancelled promotions are not checked
    assert a["warnings"] == "cover < lead, low-stock fee, promo"


def test_reorder_lists_what_to_order_today(plan) -> None:
    rows = reorder(plan)
    # B: 1/day × (60 + 60) − 0 = 120 (12 cases of 10); D: 2 × 120 − 100 = 140; by supplier, most urgent first
    assert [(r["sku"], r["qty"], r["supplier"]) for r in rows] == [("B", 120, "Acme"), ("A", 120, "Acme"),
                                                                  ("D", 140, "Bolt")]
    b = row(plan, "B")  # its last 10 days without a sale while out of stock do not count
    assert b["velocity"] == pytest.approx(1.0) and b["out_inferred"] == 10
    assert rows[0]["why"].startswith("out of stock")
    assert rows[1]["why"].startswith("140 in stock and on order ≤ reorder point 148")


def test_every_number_has_its_working(plan) -> None:
    a = row(plan, "A")
    product = next(p for p in PRODUCTS if p["id"] == "A")
    text = {topic: "\n".join(explain(topic, a, product, plan.settings, TODAY).lines) for topic in TOPICS}
    assert "(available 60 + inbound 20) ÷ 2.00/day = 40.0 days" in text["cover"]
    assert "2.00/day × (lead 60 + safety 14 days) = 148.0 units" in text["rop"]
    assert "− on hand 80 − on order 60 = 240.0 − 140 = 100.0" in text["order_qty"]
    assert "rounded up to whole cases of 24: 100.0 → 5 cases = 120 units" in text["order_qty"]
    assert "Amazon's Restock report recommends 300 units" in text["order_qty"]
    assert "weighted = (0.5 × 2.00 + 0.3 × 2.00 + 0.2 × 2.00) ÷ 1 = 2.00/day" in text["velocity"]
    assert "today 2026-11-22 + 40 whole days" in text["stockout"]
    assert "140 ≤ 148.0" in text["status"]
    assert "PO 1: 60 due 2027-01-20" in text["on_order"]
    assert "Drafted, not counted until ordered (m on the purchase order): PO 2: 500." in text["on_order"]
    assert "BF deal" in text["warnings"]
    assert "available = FBA available 50 + own warehouse 10 = 60" in text["stock"]
    rows = dict(explain("velocity", a, product, plan.settings, TODAY).rows)
    assert rows["7 days"].startswith("14 units ÷ 7 days in stock = 2.00/day")
    whole = card(a, product, plan.settings, TODAY)
    assert dict(whole.rows)["Suggested order"] == "120" and any("from 2026-01-01" in l for l in whole.lines)


def test_the_working_says_which_days_did_not_count(plan) -> None:
    b = row(plan, "B")
    text = "\n".join(explain("velocity", b, {}, plan.settings, TODAY).lines)
    assert "10 days without a sale since the stock ran out" in text


def test_an_empty_catalogue() -> None:
    empty = compute_from_records([], [], [], sales_frame([]), None, InventorySettings(), TODAY)
    assert len(empty.frame) == 0 and reorder(empty) == []

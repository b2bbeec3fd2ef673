"""Orders and after-sales rules, by hand: deadlines, tracking, postal codes, templates, metrics, returns."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from sellertui.core.errors import UserError
from sellertui.domain.orders import messages, returns, shipping, templates
from sellertui.domain.orders.addresses import check_address
from sellertui.domain.orders.tracking import tracking_link

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)  # a Sunday


# -- message deadlines ---------------------------------------------------------------

def test_deadline_is_24_hours_weekends_included() -> None:
    friday_evening = "2026-11-20T17:00:00-08:00"  # Seattle
    assert messages.deadline(friday_evening) == datetime(2026, 11, 21, 17, 0, tzinfo=ZoneInfo("America/Los_Angeles"))


def test_deadline_is_absolute_time_whatever_the_zone() -> None:
    tokyo = messages.deadline("2026-11-21T10:00:00+09:00")
    assert tokyo == datetime(2026, 11, 21, 1, 0, tzinfo=timezone.utc) + timedelta(hours=24)


def test_time_left_and_overdue() -> None:
    fresh = {"status": "awaiting", "received_at": "2026-11-22T06:30:00+00:00"}
    late = {"status": "awaiting", "received_at": "2026-11-21T07:15:00+00:00"}
    assert messages.describe_left(messages.time_left(fresh, NOW)) == "21h 30m left"
    assert messages.describe_left(messages.time_left(late, NOW)) == "overdue 1h 45m"
    assert messages.time_left({**late, "status": "replied"}, NOW) is None


def test_response_metrics_by_hand() -> None:
    day = lambda h: (NOW - timedelta(hours=h)).isoformat()  # noqa: E731
    msgs = [
        {"received_at": day(50), "status": "replied", "replied_at": day(48)},  # 2 h
        {"received_at": day(100), "status": "replied", "replied_at": day(70)},  # 30 h: late
        {"received_at": day(30), "status": "awaiting"},  # unanswered past 24 h: late
        {"received_at": day(5), "status": "awaiting"},  # not due yet
        {"received_at": day(20), "status": "no_response_needed"},  # not counted
        {"received_at": day(24 * 40), "status": "replied", "replied_at": day(24 * 40 - 1)},  # outside 30 days
    ]
    m30 = messages.response_metrics(msgs, 30, NOW)
    assert (m30.received, m30.answered, m30.late, m30.due) == (4, 2, 2, 3)
    assert m30.average_hours == 16.0 and m30.late_rate == pytest.approx(2 / 3)
    m90 = messages.response_metrics(msgs, 90, NOW)
    assert m90.answered == 3 and m90.average_hours == pytest.approx(11.0)
    assert messages.response_metrics([], 7, NOW).late_rate is None


# -- tracking numbers ----------------------------------------------------------------------

@pytest.mark.parametrize("carrier, number", [
    ("USPS", "9400 1118 9922 3891 2345 67"), ("UPS", "1Z999AA10123456784"), ("FedEx", "123456789012"),
    ("DHL", "1234567890"), ("Amazon Logistics", "TBA123456789012"), ("Royal Mail", "AB123456789GB"),
    ("Canada Post", "1234567890123456"), ("Japan Post", "123456789012"), ("China Post", "RR123456789CN"),
    ("Other", "ABC-12345"),
])
def test_plausible_tracking_numbers(carrier, number) -> None:
    assert shipping.check_tracking(carrier, number) is None


@pytest.mark.parametrize("carrier, number", [
    ("UPS", "9400111899223891234567"), ("USPS", "1Z999AA10123456784"), ("FedEx", "12345"), ("UPS", ""),
    ("Royal Mail", "AB123456789US"),
])
def test_implausible_tracking_numbers(carrier, number) -> None:
    assert shipping.check_tracking(carrier, number)


def test_ship_urgency() -> None:
    today = date(2026, 11, 22)
    assert [shipping.urgency(d, today) for d in ("2026-11-20", "2026-11-22", "2026-11-23", "2026-11-30")] == \
        ["late", "today", "soon", "later"]


def test_confirmation_file_rows() -> None:
    line = {"order_id": "111-1", "order_item_id": "55", "quantity": 2,
            "shipment": {"carrier": "Canada Post", "tracking": "1234567890123456", "ship_date": "2026-11-21", "method": "Standard"}}
    other = {**line, "shipment": {**line["shipment"], "carrier": "Other", "tracking": "X-99"}}
    assert shipping.confirmation_rows([line, other]) == [
        ["111-1", "55", 2, "2026-11-21", "Canada Post", "", "1234567890123456", "Standard"],
        ["111-1", "55", 2, "2026-11-21", "Other", "Other", "X-99", "Standard"],
    ]


# -- addresses ---------------------------------------------------------------------------

GOOD = {"name": "Ana Lima", "line1": "1 Main St", "city": "Seattle", "state": "WA", "postal_code": "98101", "country": "US"}


@pytest.mark.parametrize("country, state, postal", [
    ("US", "WA", "98101-1234"), ("UK", "", "SW1A 1AA"), ("GB", "", "ec1a1bb"), ("CA", "ON", "K1A 0B1"),
    ("DE", "", "10115"), ("FR", "", "75008"), ("JP", "", "100-0001"), ("CN", "Beijing", "100000"),
])
def test_good_addresses(country, state, postal) -> None:
    assert check_address({**GOOD, "country": country, "state": state, "postal_code": postal}) == {}


@pytest.mark.parametrize("changes, field", [
    ({"postal_code": "9810"}, "postal_code"), ({"country": "CA", "state": "ON", "postal_code": "12345"}, "postal_code"),
    ({"state": "XX"}, "state"), ({"line1": "  "}, "line1"), ({"country": "DE", "postal_code": "1011"}, "postal_code"),
    ({"country": "JP", "postal_code": "1000001X"}, "postal_code"), ({"country": "CN", "state": ""}, "state"),
    ({"country": "USA"}, "country"),
])
def test_bad_addresses_name_the_field(changes, field) -> None:
    assert field in check_address({**GOOD, **changes})


# -- templates ------------------------------------------------------------------------------

def test_template_filling_and_missing_values() -> None:
    text, missing = templates.fill("Hi {buyer_name}, {order_id} ships as {tracking_number}. {other}",
                                   {"buyer_name": "Ana", "order_id": "111-2", "tracking_number": None})
    assert text == "Hi Ana, 111-2 ships as {tracking_number}. {other}"
    assert missing == ["tracking_number"]


def test_template_values_are_not_reinterpreted() -> None:
    text, _ = templates.fill("Hi {buyer_name}", {"buyer_name": "{order_id}[red]"})
    assert text == "Hi {order_id}[red]"


def test_template_values_from_message_and_order() -> None:
    values = templates.template_values({"buyer_name": "Mary Smith", "order_id": "111-3"},
                                       {"product": "Maple & Moss Board – Large", "ship_by": "2026-11-24",
                                        "shipment": {"tracking": "1Z1", "carrier": "UPS", "ship_date": "2026-11-20"}},
                                       [{"refund_minor": 1299, "currency": "USD"}])
    assert values == {"buyer_name": "Mary", "order_id": "111-3", "tracking_number": "1Z1", "product": "Maple & Moss Board",
                      "ship_by": "2026-11-24", "carrier": "UPS", "ship_date": "2026-11-20", "refund_amount": "$12.99",
                      "tracking_link": tracking_link("UPS", "1Z1")}


TODAY = date(2026, 11, 22)
LINE = {"order_id": "111-3", "status": "Unshipped", "purchase_date": "2026-11-10T10:00:00+00:00"}


@pytest.mark.parametrize("lines, cases, state", [
    ([LINE], [], "unshipped"),
    ([{**LINE, "status": "Shipped", "shipment": {"ship_date": "2026-11-20"}}], [], "shipped"),
    ([{**LINE, "status": "Shipped", "shipment": {"ship_date": "2026-11-14"}}], [], "delivered"),  # a week on
    ([{**LINE, "status": "Shipped", "shipment": {"ship_date": "2026-11-20"}, "delivered_at": "2026-11-21"}], [],
     "delivered"),  # recorded by the user: no need to wait a week
    ([{**LINE, "status": "Shipped"}], [{"status": "refunded", "refund_minor": 500}], "refunded"),
    ([{**LINE, "status": "Cancelled"}], [], None),
    ([], [], None),
])
def test_the_order_state_picks_the_template(lines, cases, state) -> None:
    assert templates.order_state(lines, cases, TODAY) == state


def test_where_is_my_order_never_says_on_its_way_before_it_ships() -> None:
    offered = templates.for_state(templates.builtins(), "unshipped")
    assert offered[0]["when"] == "unshipped"
    first = next(t for t in offered if t["name"] == "Where is my order?")
    assert first["when"] == "unshipped" and "on its way" not in first["text"] and "{ship_by}" in first["text"]
    shipped = next(t for t in templates.for_state(templates.builtins(), "shipped") if t["name"] == "Where is my order?")
    assert "on its way" in shipped["text"]
    assert [t["when"] for t in offered].index("any") < [t["when"] for t in offered].index("shipped")


def test_unknown_variables_are_refused() -> None:
    assert templates.check_text("Hi {buyer_name}, tracking {tracking_no}").startswith("unknown {tracking_no}")
    assert templates.check_text("Hi {buyer_name}") is None
    assert templates.check_text("  ") == "write the reply"


def test_editing_a_builtin_keeps_the_others(store) -> None:
    builtin = templates.all_templates(store)[0]
    saved = templates.save_template(store, builtin, {"name": "Where is my parcel?", "when": builtin["when"],
                                                     "text": "Hi {buyer_name}"})
    stored = templates.all_templates(store)
    assert len(stored) == len(templates.DEFAULTS) and saved in stored
    assert "Where is my parcel?" in {t["name"] for t in stored}
    with pytest.raises(UserError, match="unknown"):
        templates.save_template(store, saved, {"name": "x", "when": "any", "text": "{nope}"})
    templates.delete_template(store, saved)
    assert len(templates.all_templates(store)) == len(templates.DEFAULTS) - 1


# -- returns --------------------------------------------------------------------------------

def test_refund_deadline_skips_the_weekend() -> None:
    friday = {"channel": "FBM", "status": "received", "received_at": "2026-11-20T15:00:00+00:00"}
    assert returns.refund_deadline(friday) == date(2026, 11, 24)  # Mon, Tue
    wednesday = {**friday, "received_at": "2026-11-18T15:00:00+00:00"}
    assert returns.refund_deadline(wednesday) == date(2026, 11, 20)
    assert returns.refund_deadline({**friday, "channel": "FBA"}) is None
    assert returns.refund_deadline({**friday, "status": "refunded"}) is None


def test_the_fbm_flow_moves_one_step_at_a_time(store) -> None:
    line = {"order_id": "111-9", "sku": "SKU1", "channel": "FBM", "quantity": 2, "currency": "USD"}
    case = returns.open_case(store, returns.new_case(line, 1, "DEFECTIVE"))
    with pytest.raises(UserError, match="moves to authorised"):
        returns.advance(store, case, "received")
    case = returns.advance(store, case, "authorised")
    case = returns.advance(store, case, "received", received_at=NOW - timedelta(hours=1))
    with pytest.raises(UserError, match="amount above zero"):
        returns.advance(store, case, "refunded", refund_minor=0, refund_reason="broken")
    case = returns.advance(store, case, "refunded", refund_minor=1999, refund_reason="broken handle")
    case = returns.advance(store, case, "closed")
    assert case["status"] == "closed" and case["refund_minor"] == 1999 and len(case["history"]) == 4
    assert returns.next_status(case) is None


def test_each_step_adds_to_the_stored_history_even_from_a_table_row(store) -> None:
    line = {"order_id": "111-8", "sku": "SKU1", "channel": "FBM", "quantity": 1, "currency": "USD"}
    case = returns.open_case(store, returns.new_case(line, 1, "DEFECTIVE"))
    case = returns.advance(store, case, "authorised")
    row = {k: v for k, v in case.items() if k != "history"}  # what the Returns table holds
    returns.advance(store, row, "received", received_at=NOW - timedelta(hours=1))
    assert [h["what"] for h in store["returns"].get(case["id"])["history"]] == ["→ authorised", "→ received"]


def test_fba_returns_are_information_only(store) -> None:
    case = returns.open_case(store, returns.new_case({"order_id": "1", "sku": "S", "channel": "FBA", "quantity": 1}, 1, "OTHER"))
    with pytest.raises(UserError, match="handled by Amazon"):
        returns.advance(store, case, "authorised")


def test_new_case_checks_quantity_and_reason() -> None:
    line = {"order_id": "1", "sku": "S", "channel": "FBM", "quantity": 1}
    with pytest.raises(UserError, match="between 1 and 1"):
        returns.new_case(line, 2, "DEFECTIVE")
    with pytest.raises(UserError, match="reason must be"):
        returns.new_case(line, 1, "BORED")


def _received_case(store, order_id: str, line: dict | None, suffix: str = "") -> dict:
    if line is not None:
        with store.transaction("an order line") as tx:
            tx["orders"].upsert_many([{"id": f"{order_id}/SBM", "order_id": order_id, "sku": "SBM", "quantity": 1,
                                       "currency": "USD", "purchase_date": "2026-11-01T10:00:00+00:00", **line}])
    case = returns.new_case({"order_id": order_id, "sku": "SBM", "channel": "FBM", "quantity": 1, "currency": "USD"},
                            1, "DEFECTIVE")
    case = returns.open_case(store, {**case, "id": case["id"] + suffix})  # the clock is frozen: ids would clash
    case = returns.advance(store, case, "authorised")
    return returns.advance(store, case, "received", received_at=NOW - timedelta(hours=1))


def test_a_refund_cannot_exceed_what_was_paid_for_the_line(store) -> None:
    # $18.99 item + $4.99 shipping − $1.90 discount + $1.33 tax = $23.41 paid
    line = {"item_price_minor": 1899, "shipping_price_minor": 499, "promo_discount_minor": -190, "item_tax_minor": 133}
    case = _received_case(store, "111-7", line)
    with pytest.raises(UserError, match=r"a refund of \$500\.00 is more than was paid .* at most \$23\.41 "
                                        r"\(\$23\.41 paid \(item, shipping and tax, less discounts\)\)"):
        returns.advance(store, case, "refunded", refund_minor=50000, refund_reason="broken")
    assert store["returns"].get(case["id"])["status"] == "received"  # nothing written
    assert returns.advance(store, case, "refunded", refund_minor=2341, refund_reason="broken")["refund_minor"] == 2341


def test_earlier_refunds_on_the_line_lower_the_limit(store) -> None:
    case = _received_case(store, "111-6", {"item_price_minor": 1899})
    returns.advance(store, case, "refunded", refund_minor=1000, refund_reason="partial: scratched")
    second = _received_case(store, "111-6", None, "-2")
    assert returns.refund_limit(store, second) == (899, "$18.99 paid (item, shipping and tax, less discounts) "
                                                         "less $10.00 refunded before")
    assert returns.refund_default(store, second) == 899
    with pytest.raises(UserError, match=r"at most \$8\.99"):
        returns.advance(store, second, "refunded", refund_minor=900, refund_reason="broken")


def test_a_line_sellertui_does_not_hold_has_no_limit_to_check(store) -> None:
    case = _received_case(store, "111-5", None)
    assert returns.refund_limit(store, case) is None
    assert returns.advance(store, case, "refunded", refund_minor=1999, refund_reason="broken")["status"] == "refunded"

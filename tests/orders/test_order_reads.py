"""What the Orders tab and its forms read, by hand: one order, the ship queue, messages, returns, buyers."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sellertui.domain.orders import messages, notes, returns
from sellertui.domain.orders.buyer_list import buyer_list, filter_buyers
from sellertui.domain.orders.message_list import filter_messages, message_list
from sellertui.domain.orders.order_lines import any_line, lines_of_order, order_details
from sellertui.domain.orders.return_list import filter_cases, rank, return_cases
from sellertui.domain.orders.ship_queue import due_label, filter_queue, queue_frame, ship_queue
from sellertui.domain.orders.table import all_orders, order_months, orders_signature, read_ahead
from tests.shops import shop_of

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)  # the tests' frozen clock, a Sunday
ADDRESS = {"name": "Ann Lee", "line1": "1 Main St", "city": "Seattle", "state": "WA", "postal_code": "98101",
           "country": "US"}


def line(order_id: str, sku: str, day: str, **extra) -> dict:
    return {"id": f"{order_id}/{sku}", "order_id": order_id, "sku": sku, "purchase_date": f"{day}T10:00:00+00:00",
            "channel": "FBM", "status": "Unshipped", "quantity": 1, "currency": "USD", "item_price_minor": 1000,
            "buyer_id": "ann@x", "buyer_name": "Ann Lee", "address": ADDRESS, **extra}


def seed(store) -> None:
    with store.transaction() as tx:
        tx["orders"].upsert_many([
            line("A", "MAT", "2026-11-18", ship_by="2026-11-20", quantity=2, item_price_minor=3000),
            line("A", "CUP", "2026-11-18", ship_by="2026-11-20"),
            line("B", "MAT", "2026-11-20", ship_by="2026-11-24", buyer_id="bob@x", buyer_name="Bob",
                 address={**ADDRESS, "postal_code": "ABC"}),
            line("C", "MAT", "2026-10-02", status="Shipped"),
            line("D", "MAT", "2026-09-01", channel="FBA", status="Shipped", buyer_id=None),
            line("E", "CUP", "2026-11-21", quantity=0, status="Cancelled"),
        ])
        tx["buyers"].upsert_many([
            {"id": "ann@x", "name": "Ann Lee", "email": "ann@x", "tags": ["vip"], "blacklisted": False},
            {"id": "bob@x", "name": "Bob", "email": "bob@x", "tags": [], "blacklisted": True, "notes": "chargeback"},
            {"id": "cy@x", "name": "", "email": "cy@x"},
        ])
        tx["product_notes"].upsert_many([{"id": "MAT", "sku": "MAT", "selling_points": "oiled maple", "answers": ""}])
        tx["messages"].insert_many([
            {"received_at": "2026-11-22T06:00:00+00:00", "status": "awaiting", "buyer_id": "ann@x", "buyer_name": "Ann Lee",
             "order_id": "A", "sku": "MAT", "text": "where\n is   it?"},
            {"received_at": "2026-11-21T06:00:00+00:00", "status": "awaiting", "buyer_id": "bob@x", "buyer_name": "Bob",
             "order_id": "B", "sku": "MAT", "text": "hello"},
            {"received_at": "2026-11-20T06:00:00+00:00", "status": "replied", "replied_at": "2026-11-20T08:00:00+00:00",
             "buyer_id": "ann@x", "buyer_name": "Ann Lee", "text": "thanks"},
        ])
        tx["returns"].upsert_many([
            {"id": "r1", "order_id": "C", "sku": "MAT", "channel": "FBM", "status": "received", "quantity": 1,
             "requested_at": "2026-11-10T10:00:00+00:00", "received_at": "2026-11-20T12:00:00+00:00",
             "buyer_id": "ann@x", "reason": "DEFECTIVE", "history": [{"at": "2026-11-20", "by": "ana", "what": "→ received"}]},
            {"id": "r2", "order_id": "D", "sku": "MAT", "channel": "FBA", "status": "Reimbursed",
             "requested_at": "2026-11-15T10:00:00+00:00", "reason": "UNWANTED_ITEM"},
            {"id": "r3", "order_id": "A", "sku": "MAT", "channel": "FBM", "status": "requested", "quantity": 2,
             "requested_at": "2026-11-21T10:00:00+00:00", "reason": "DAMAGED_BY_CARRIER"},
        ])


# -- one order --------------------------------------------------------------------------

def test_an_order_is_its_lines_with_the_notes_of_its_first_sku_and_its_buyer(store) -> None:
    seed(store)
    details = order_details(store, "A", "2026-11-18T10:00:00+00:00")
    assert [l["sku"] for l in details.lines] == ["MAT", "CUP"]  # as stored
    assert details.note["selling_points"] == "oiled maple"
    assert order_details(store, "E", "2026-11-21").note is None  # CUP has no notes
    assert details.buyer["name"] == "Ann Lee"
    assert order_details(store, "A", "2026-10-01").lines == []  # another month holds no line of A
    nobody = order_details(store, "D", "2026-09-01")
    assert [l["id"] for l in nobody.lines] == ["D/MAT"] and nobody.buyer is None
    assert [l["id"] for l in lines_of_order(store, "B", "2026-11")] == ["B/MAT"]


def test_any_line_searches_every_month(store) -> None:
    seed(store)
    assert any_line(store, "C")["id"] == "C/MAT"
    assert any_line(store, "nope") is None and any_line(store, "") is None and any_line(store, None) is None


def test_notes_by_sku(store) -> None:
    seed(store)
    assert set(notes.notes_by_sku(store)) == {"MAT"}


def test_a_read_ahead_is_every_line_once_every_month_is_kept_and_a_write_changes_its_signature(store) -> None:
    seed(store)
    shop = shop_of(store)
    assert read_ahead(shop) is None  # no month kept as a frame yet: the tab reads on its own (newest months first)
    all_orders(shop)
    signature, frame = read_ahead(shop)
    assert sorted(frame["id"]) == sorted(all_orders(shop)["id"])
    assert signature == orders_signature(shop)
    with store.transaction() as tx:  # a line changed: a frame read before it is no longer current
        tx["orders"].upsert_many([line("F", "MAT", "2026-11-21")])
    assert orders_signature(shop) != signature
    before = orders_signature(shop)
    with store.transaction() as tx:  # the buyers give the blacklist flags: a change there is a change too
        tx["buyers"].upsert_many([{"id": "dee@x", "name": "Dee", "email": "dee@x", "blacklisted": True}])
    assert orders_signature(shop) != before


def test_all_orders_flags_blacklisted_buyers_and_reads_chosen_months(store) -> None:
    seed(store)
    shop = shop_of(store)
    assert order_months(store) == ["2026-09", "2026-10", "2026-11"]
    frame = all_orders(shop)
    assert len(frame) == 6 and set(frame.loc[frame["flagged"], "order_id"]) == {"B"}
    assert set(all_orders(shop, ["2026-11"])["order_id"]) == {"A", "B", "E"}


# -- the ship queue ---------------------------------------------------------------------

def test_due_labels() -> None:
    today = date(2026, 11, 22)
    assert [due_label(d, today) for d in ("2026-11-20", "2026-11-22", "2026-11-25T00:00:00", "")] == \
        ["LATE 2d", "today", "in 3d", ""]


def test_the_queue_holds_unshipped_fbm_lines_and_ships_whole_orders(store) -> None:
    seed(store)
    queue = ship_queue(shop_of(store))
    frame = queue.frame.set_index("id")
    assert sorted(frame.index) == ["A/CUP", "A/MAT", "B/MAT"]
    assert frame.loc["A/MAT", "due"] == "LATE 2d" and frame.loc["B/MAT", "due"] == "in 2d"
    assert frame.loc["A/MAT", "address_check"] == "ok" and frame.loc["B/MAT", "address_check"].startswith("postal_code:")
    assert not frame.loc["A/MAT", "flagged"] and frame.loc["B/MAT", "flagged"]
    assert sorted(l["id"] for l in queue.whole_orders(["A/CUP", "gone"])) == ["A/CUP", "A/MAT"]
    assert [l["id"] for l in queue.lines_of_order("B")] == ["B/MAT"]
    assert list(queue.frame.iloc[filter_queue(queue.frame, "late:")]["order_id"]) == ["A", "A"]
    assert filter_queue(queue.frame, "") is None


def test_an_empty_queue_still_has_its_columns() -> None:
    frame = queue_frame([], set())
    assert len(frame) == 0 and "address_check" in frame


# -- messages ---------------------------------------------------------------------------

def test_messages_awaiting_come_first_oldest_first_with_metrics_and_notes(store) -> None:
    seed(store)
    listing = message_list(shop_of(store), NOW)
    ordered = listing.frame.sort_values("rank")
    assert list(ordered["text"]) == ["hello", "where\n is   it?", "thanks"]
    assert listing.frame.set_index("text").loc["where\n is   it?", "preview"] == "where is it?"
    week = listing.metrics[0]
    assert (week.days, week.answered, week.late, week.due) == (7, 1, 1, 2)  # Bob's is past 24 h unanswered
    assert listing.note_for("MAT")["selling_points"] == "oiled maple" and listing.note_for(None) is None
    assert list(listing.frame.iloc[filter_messages(listing.frame, "buyer:bo")]["text"]) == ["hello"]


def test_no_messages_is_an_empty_list(store) -> None:
    listing = message_list(shop_of(store), NOW)
    assert len(listing.frame) == 0 and {"rank", "when", "preview"} <= set(listing.frame)
    assert listing.metrics[0].due == 0


def test_a_message_about_an_order_takes_its_buyer_and_sku(store) -> None:
    seed(store)
    logged = messages.log_about_order(store, "Is it oven safe?", NOW, "B", "")
    assert not logged.unknown_order
    assert (logged.message["buyer_name"], logged.message["sku"], logged.message["order_id"]) == ("Bob", "MAT", "B")


def test_a_message_about_an_unknown_order_keeps_the_order_id_and_says_so(store) -> None:
    logged = messages.log_about_order(store, "Hello", NOW, "999-1", "Zoë")
    assert logged.unknown_order and logged.message["order_id"] == "999-1" and logged.message["buyer_name"] == "Zoë"
    assert not messages.log_about_order(store, "Hi", NOW, "", "Zoë").unknown_order
    assert store["messages"].count() == 2


# -- returns ----------------------------------------------------------------------------

def test_cases_open_fbm_first_by_refund_deadline(store) -> None:
    seed(store)
    frame = return_cases(store)
    assert list(frame.sort_values("rank")["id"]) == ["r1", "r3", "r2"]
    assert frame.set_index("id").loc["r1", "refund_by"] == "2026-11-24"  # Friday + 2 business days
    assert frame.set_index("id").loc["r2", "requested"] == "2026-11-15"
    assert list(frame.iloc[filter_cases(frame, "channel:fba")]["id"]) == ["r2"]


def test_rank_puts_newer_closed_cases_first() -> None:
    old = rank({"channel": "FBA", "requested_at": "2026-01-01"}, "")
    new = rank({"channel": "FBA", "requested_at": "2026-06-01"}, "")
    waiting = rank({"channel": "FBM", "status": "requested", "requested_at": "2026-01-01"}, "")
    assert waiting < new < old


def test_lines_a_return_can_be_opened_for(store) -> None:
    seed(store)
    assert sorted(l["id"] for l in returns.returnable_lines(store, "A")) == ["A/CUP", "A/MAT"]
    assert returns.returnable_lines(store, "E") == []  # nothing left of a cancelled line


def test_refund_default_is_the_unit_price_times_the_quantity_back(store) -> None:
    seed(store)
    assert returns.refund_default(store, {"order_id": "A", "sku": "MAT", "quantity": 1}) == 1500
    assert returns.refund_default(store, {"order_id": "A", "sku": "MAT", "quantity": 2}) == 3000
    assert returns.refund_default(store, {"order_id": "E", "sku": "CUP", "quantity": 1}) == 0  # no quantity sold
    assert returns.refund_default(store, {"order_id": "X", "sku": "MAT"}) == 0


def test_stored_case_has_its_history(store) -> None:
    seed(store)
    assert returns.stored_case(store, "r1")["history"][0]["what"] == "→ received"
    assert returns.stored_case(store, "gone") is None


# -- buyers -----------------------------------------------------------------------------

def test_buyers_count_their_orders_messages_and_returns(store) -> None:
    seed(store)
    listing = buyer_list(shop_of(store))
    buyers = listing.buyers.set_index("id")
    assert buyers.loc["ann@x", ["orders", "messages", "returns"]].tolist() == [3, 2, 1]  # orders A, C, E
    assert buyers.loc["ann@x", "last_order"] == "2026-11-21" and buyers.loc["ann@x", "tag_text"] == "vip"
    assert buyers.loc["bob@x", ["orders", "messages", "returns"]].tolist() == [1, 1, 0]
    assert buyers.loc["cy@x", "name"] == "cy@x" and buyers.loc["cy@x", "orders"] == 0
    assert listing.orders["buyer_id"].notna().all()  # the FBA line without a buyer is left out
    frame = listing.buyers
    assert list(frame.iloc[filter_buyers(frame, "blacklisted:yes")]["id"]) == ["bob@x"]
    assert list(frame.iloc[filter_buyers(frame, "tag:VI")]["id"]) == ["ann@x"]


def test_a_return_case_reads_as_facts_not_a_key_dump() -> None:
    from sellertui.domain.orders.return_list import case_facts

    fba = {"id": "111/S/R", "order_id": "111-0920191-7552623", "sku": "MM-TBC", "channel": "FBA", "quantity": 1,
           "reason": "MISSING_PARTS", "requested_at": "2026-09-20T14:34:40+00:00", "currency": "USD",
           "buyer_id": None, "refund_minor": 1299, "received_at": "2026-09-26T00:00:00+00:00", "status": "Reimbursed",
           "_rev": 1, "_at": "2026-11-22T09:00:00+00:00"}
    facts = dict(case_facts(fba))
    assert facts["Order"] == "111-0920191-7552623" and facts["Reason"] == "Missing parts"
    assert facts["Requested"] == "Sun 20 Sep 2026 14:34" and facts["Received back"] == "Sat 26 Sep 2026"
    assert facts["Refund"] == "$12.99" and facts["Fulfilled by"].startswith("Amazon (FBA)")
    assert not any(label.startswith("_") or "T14:34" in value for label, value in case_facts(fba))
    assert list(facts)[:2] == ["Order", "SKU"]

"""How Today picks and orders its items; ticks, snoozes and workload per day and per user."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from sellertui.core.errors import UserError
from sellertui.domain.today import recurring, ticks
from sellertui.domain.today.sections import checklist, progress
from tests.shops import shop_of

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)  # Sunday


def _section(sections, name):
    return next(s for s in sections if s.name.startswith(name))


def seed(store) -> None:
    hours = lambda h: (NOW - timedelta(hours=h)).isoformat()  # noqa: E731
    with store.transaction() as tx:
        tx["messages"].insert_many([
            {"received_at": hours(3), "status": "awaiting", "buyer_name": "A", "text": "fresh"},
            {"received_at": hours(30), "status": "awaiting", "buyer_name": "B", "text": "overdue"},
            {"received_at": hours(20), "status": "awaiting", "buyer_name": "C", "text": "soon"},
            {"received_at": hours(10), "status": "replied", "buyer_name": "D", "text": "done", "replied_at": hours(9)},
        ])
        fbm = {"channel": "FBM", "status": "Unshipped", "sku": "S", "quantity": 1, "purchase_date": "2026-11-18T10:00:00+00:00"}
        tx["orders"].upsert_many([
            {**fbm, "id": "1/S", "order_id": "1", "ship_by": "2026-11-20"},
            {**fbm, "id": "2/S", "order_id": "2", "ship_by": "2026-11-22"},
            {**fbm, "id": "3/S", "order_id": "3", "ship_by": "2026-11-24"},  # not due yet
            {**fbm, "id": "4/S", "order_id": "4", "ship_by": "2026-11-19", "status": "Shipped"},
        ])
        tx["returns"].upsert_many([
            {"id": "r1", "order_id": "9", "sku": "S", "channel": "FBM", "status": "received",
             "received_at": "2026-11-20T12:00:00+00:00"},  # Friday → due Tuesday
            {"id": "r2", "order_id": "8", "sku": "S", "channel": "FBA", "status": "Reimbursed",
             "received_at": "2026-11-20T12:00:00+00:00"},
        ])
        for title, owner, due in (("mine late", "ana", "2026-11-20"), ("theirs late", "ben", "2026-11-19"),
                                  ("mine today", "ana", "2026-11-22"), ("later", "ana", "2026-11-30")):
            tx["tasks"].insert({"title": title, "owner": owner, "due": due, "status": "todo", "priority": "normal"})
        tx["recurring"].insert_many([
            {"title": "every day", "rule": {"every": "day"}, "user": "ana"},
            {"title": "mondays", "rule": {"weekdays": [0]}, "user": "ana"},
            {"title": "sundays", "rule": {"weekdays": [6]}, "user": "ana"},
            {"title": "ben's", "rule": {"every": "day"}, "user": "ben"},
        ])


def test_sections_pick_and_order_items(store) -> None:
    seed(store)
    sections = checklist(shop_of(store), "ana", NOW)
    messages = _section(sections, "Buyer messages")
    assert [i.title.split(":")[0] for i in messages.items] == ["B", "C", "A"]  # overdue, then least time left
    assert messages.items[0].late and messages.items[0].detail == "overdue 6h 00m"
    ship = _section(sections, "FBM orders")
    assert [i.value for i in ship.items] == ["1", "2"] and ship.items[0].detail == "late 2d"
    refunds = _section(sections, "Returns")
    assert [i.value for i in refunds.items] == ["r1"] and refunds.items[0].detail == "refund by 11-24"
    tasks = _section(sections, "Tasks")
    assert [i.title for i in tasks.items] == ["mine late", "mine today", "theirs late (ben)"]  # own first
    routine = _section(sections, "Routine")
    assert [i.title for i in routine.items] == ["every day", "sundays"]


def test_inventory_and_ads_sections(demo_copy) -> None:
    from sellertui.store import open_store

    sections = checklist(shop_of(open_store(demo_copy)), "ana", NOW)
    reorder = _section(sections, "SKUs to reorder")
    assert reorder.items and all(i.area == "inventory" and i.value for i in reorder.items)
    assert [i.urgency for i in reorder.items] == sorted(i.urgency for i in reorder.items)  # soonest to run out first
    (ads,) = _section(sections, "Ad proposals").items
    assert ads.area == "ads" and ads.view == "proposalsview" and "negate" in ads.title


def test_ticks_are_per_day_and_per_user(store) -> None:
    seed(store)
    item = _section(checklist(shop_of(store), "ana", NOW), "Routine").items[0]
    assert ticks.toggle_tick(store, "ana", item.key, item.area, item.title) is True
    assert progress(checklist(shop_of(store), "ana", NOW))[0] == 1
    assert progress(checklist(shop_of(store), "ben", NOW))[0] == 0  # ben has his own ticks
    tomorrow = NOW + timedelta(days=1)
    assert progress(checklist(shop_of(store), "ana", tomorrow))[0] == 0  # a new day, a fresh list
    assert ticks.toggle_tick(store, "ana", item.key, item.area, item.title) is False  # untick


def test_snooze_hides_until_tomorrow(store, monkeypatch) -> None:
    seed(store)
    item = _section(checklist(shop_of(store), "ana", NOW), "Tasks").items[0]
    until = ticks.snooze(store, "ana", item.key, item.title)
    assert until == "2026-11-23"
    assert _section(checklist(shop_of(store), "ana", NOW), "Tasks").items[0].snoozed
    later = _section(checklist(shop_of(store), "ana", NOW + timedelta(days=1)), "Tasks")
    assert not any(i.snoozed for i in later.items)


def test_workload_counts_time_from_opening_to_ticking(store, monkeypatch) -> None:
    seed(store)
    item = _section(checklist(shop_of(store), "ana", NOW), "FBM orders").items[0]
    ticks.mark_opened(store, "ana", item.key, item.area, item.title)
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-22T09:25:00+00:00")
    ticks.toggle_tick(store, "ana", item.key, item.area, item.title)
    assert ticks.workload(store, "ana") == {"orders": {"seconds": 25 * 60, "items": 1}}
    assert ticks.workload(store, "ben") == {}


def test_workload_counts_sessions_in_the_tab_too_each_capped(store, monkeypatch) -> None:
    """Time on a record in its own tab counts (opened there, until its state changes or the user leaves)."""
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-22T09:00:00+00:00")
    ticks.mark_opened(store, "ana", "message:m1", "orders", "reply to A")
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-22T09:10:00+00:00")
    assert ticks.close_work(store, "ana", "message:m1", "orders", "reply to A") == 600  # left it
    assert ticks.close_work(store, "ana", "message:m1", "orders", "reply to A") == 0  # no session open
    ticks.mark_opened(store, "ana", "message:m1", "orders", "reply to A")  # back to it
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-22T09:15:00+00:00")
    ticks.close_work(store, "ana", "message:m1", "orders", "reply to A", done=True)  # replied
    ticks.mark_opened(store, "ana", "po:4", "inventory", "PO 4")
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-22T17:00:00+00:00")  # left open all afternoon
    ticks.close_work(store, "ana", "po:4", "inventory", "PO 4")
    assert ticks.workload(store, "ana") == {"inventory": {"seconds": 2 * 3600, "items": 1},
                                            "orders": {"seconds": 15 * 60, "items": 1}}


@pytest.mark.parametrize("text, day, due", [
    ("daily", date(2026, 11, 22), True),
    ("weekdays", date(2026, 11, 22), False),
    ("weekdays", date(2026, 11, 23), True),
    ("mon, wed,fri", date(2026, 11, 25), True),
    ("Tuesday", date(2026, 11, 24), True),
    ("monthly 31", date(2026, 11, 30), True),  # the last day of a short month
    ("monthly 31", date(2026, 12, 30), False),
    ("monthly 29", date(2028, 2, 29), True),  # leap year
    ("monthly 29", date(2027, 2, 28), True),
])
def test_recurrence_rules(text, day, due) -> None:
    assert recurring.due_on(recurring.parse_rule(text), day) is due


@pytest.mark.parametrize("text", ["sometimes", "monthly", "monthly 32", ""])
def test_bad_recurrence_rules(text) -> None:
    with pytest.raises(UserError):
        recurring.parse_rule(text)


# -- a checklist that acts: ticking does the tab's action, and Today shows the tab's state ------------------

def test_ticking_a_message_replies_to_it_and_it_stays_ticked_for_the_day(store) -> None:
    from sellertui.domain.orders.message_list import message_list
    from sellertui.domain.today import acts

    seed(store)
    item = _section(checklist(shop_of(store), "ana", NOW), "Buyer messages").items[0]
    assert acts.act_for(item).how == "write"
    acts.reply_sent(store, "ana", item, NOW)
    listing = message_list(shop_of(store)).frame
    assert listing.loc[listing["id"] == item.value, "status"].item() == "replied"  # Orders agrees
    messages = _section(checklist(shop_of(store), "ana", NOW), "Buyer messages")
    done = next(i for i in messages.items if i.key == item.key)
    assert done.ticked and done.detail == "done today"
    assert acts.refuse_untick(done).startswith("It is replied in Orders › Messages")


def test_a_tick_of_its_own_cannot_hide_an_open_record(store) -> None:
    seed(store)
    item = _section(checklist(shop_of(store), "ana", NOW), "FBM orders").items[0]
    ticks.toggle_tick(store, "ana", item.key, item.area, item.title)  # ticked, but the order is not shipped
    again = next(i for i in _section(checklist(shop_of(store), "ana", NOW), "FBM orders").items if i.key == item.key)
    assert not again.ticked


def test_ticking_a_task_marks_it_done(store) -> None:
    from sellertui.domain.team.tasks import list_tasks
    from sellertui.domain.today import acts

    seed(store)
    item = _section(checklist(shop_of(store), "ana", NOW), "Tasks").items[0]
    acts.task_done(store, "ana", item)
    assert next(t for t in list_tasks(store, include_done=True) if t["id"] == item.value)["status"] == "done"
    tasks = _section(checklist(shop_of(store), "ana", NOW), "Tasks")
    assert next(i for i in tasks.items if i.key == item.key).ticked


def test_kinds_that_need_a_form_go_to_their_tab(store) -> None:
    from sellertui.domain.today import acts
    from sellertui.domain.today.model import Item

    assert acts.act_for(Item("ship:1", "x")).action == "ship"
    assert acts.act_for(Item("refund:r1", "x")).action == "advance"
    assert acts.act_for(Item("promotion:7:deadline:", "x")).view == "promotionlistview"
    assert acts.act_for(Item("promotion:7:margin:SKU", "x")).how == "tick"  # a check to read, not a state
    assert acts.act_for(Item("recurring:3", "x")).how == "tick"


def test_ticking_a_reorder_places_its_draft_po(store) -> None:
    from sellertui.domain.inventory import purchase_orders as po_rules
    from sellertui.domain.today import acts
    from sellertui.domain.today.model import Item

    po = po_rules.create(store, po_rules.new_purchase_order("Acme", [{"sku": "S", "qty": 10, "unit_cost_minor": 100}],
                                                            "USD", None))
    item = Item("reorder:S", "order 10 × S from Acme", area="inventory", value="S")
    draft = acts.draft_for(store, "S")
    assert draft["id"] == po["id"] and acts.draft_for(store, "T") is None
    placed = acts.po_placed(store, "ana", item, draft)
    assert placed["status"] == "ordered" and acts.draft_for(store, "S") is None


@pytest.mark.parametrize("left_hours, warned", [(3, "due in 3h 00m"), (-2, "overdue 2h 00m"), (20, None)])
def test_snoozing_a_message_past_its_deadline_warns_with_the_time_left(left_hours, warned) -> None:
    from sellertui.domain.today import acts
    from sellertui.domain.today.model import Item

    now = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)  # back tomorrow at 00:00: 15 hours on
    item = Item("message:m1", "A: where is it", urgency=left_hours * 3600)
    warning = acts.snooze_warning(item, now)
    assert (warning is None) if warned is None else (warned in warning)
    assert acts.snooze_warning(Item("task:1", "x", urgency=60), now) is None

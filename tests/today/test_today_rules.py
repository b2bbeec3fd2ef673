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
    item = _section(checklist(shop_of(store), "ana", NOW), "Buyer messages").items[0]
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

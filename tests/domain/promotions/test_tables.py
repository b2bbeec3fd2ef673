"""The shop's board (seeding once on request) and the Promotions tab's tables made from it, on hand-made records."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sellertui.domain.promotions import fees, records
from sellertui.domain.promotions.board import shop_board
from sellertui.domain.promotions.tables import RANK, events_frame, fees_frame, promotions_frame
from tests.shops import shop_of

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


def promotion(name: str, status: str, start: str, end: str, **changes) -> dict:
    return {"name": name, "type": "coupon", "skus": ["MM-A"], "start": start, "end": end, "discount_pct": 10.0,
            "expected_units": 0, "budget_minor": 0, "currency": "USD", "status": status, "event": "",
            "event_id": "", "marketplace": "US", "notes": "", **changes}


@pytest.fixture
def shop(store):
    with store.transaction() as tx:
        tx["products"].insert({"id": "MM-A", "sku": "MM-A", "title": "Board", "price_minor": 2000,
                               "currency": "USD", "costs": [{"from": "2026-01-01", "landed_minor": 500}]})
        tx["events"].insert({"id": "mine", "name": "Shop birthday", "marketplace": "US", "kind": "event",
                             "start": "2026-12-05", "end": "2026-12-06", "peak": False, "deadline": "2026-11-25",
                             "inventory_by": None, "estimate": False, "note": "ours", "source": "user",
                             "removed": False})
    for p in [promotion("Old coupon", "ended", "2026-10-01", "2026-10-05"),
              promotion("Winter coupon", "idea", "2026-12-10", "2026-12-12"),
              promotion("Running coupon", "running", "2026-11-20", "2026-11-30"),
              promotion("Dropped coupon", "cancelled", "2026-11-01", "2026-11-02")]:
        records.create(store, p, "ana")
    return shop_of(store)


def test_the_board_stores_the_seeds_only_when_asked(shop) -> None:
    board = shop_board(shop, now=NOW)
    assert not shop.store["promo_fees"].count() and len(board.schedule) == len(fees.US_SCHEDULE)
    assert [e["id"] for e in shop.store["events"].rows()] == ["mine"]
    assert any(e.get("source") == "seed" for e in board.events)  # shown, not stored
    board = shop_board(shop, seed=True, now=NOW)
    assert shop.store["promo_fees"].count() == len(fees.US_SCHEDULE)
    assert all(e.get("id") for e in board.schedule)
    stored = {e["id"] for e in shop.store["events"].rows()}
    assert "mine" in stored and {e["id"] for e in board.events} <= stored
    assert board.now == NOW and {p["name"] for p in board.promotions} >= {"Winter coupon", "Old coupon"}


def test_the_list_puts_what_is_live_first_by_start_then_the_rest_newest_first(shop) -> None:
    frame = promotions_frame(shop_board(shop, now=NOW))
    assert list(frame["name"]) == ["Running coupon", "Winter coupon", "Dropped coupon", "Old coupon"]
    assert list(frame["rank"]) == [RANK["running"], RANK["idea"], RANK["cancelled"], RANK["ended"]]
    winter = frame[frame["name"] == "Winter coupon"].iloc[0]
    assert (winter["type_label"], winter["days"], winter["discount"], winter["skus_text"]) == ("Coupon", 3, 10.0,
                                                                                             "MM-A")
    assert winter["fee"].startswith("$") and "winter coupon" in winter["haystack"]


def test_the_events_come_soonest_first_and_say_when_a_deadline_is_near(shop) -> None:
    frame = events_frame(shop_board(shop, seed=True, now=NOW))
    coming = frame[~frame["past"].astype(bool)]
    assert list(coming["start"]) == sorted(coming["start"])
    past = frame[frame["past"].astype(bool)]
    assert list(past["start"]) == sorted(past["start"], reverse=True)
    assert list(frame.index[frame["past"].astype(bool)]) == list(range(len(coming), len(frame)))
    mine = frame[frame["id"] == "mine"].iloc[0]
    assert mine["deadline_left"] != "" and mine["kind_label"] == "Deal event" and mine["note"] == "ours"


def test_the_fee_table_marks_the_entries_in_force_today(shop) -> None:
    frame = fees_frame(shop_board(shop, seed=True, now=NOW))
    assert len(frame) == len(fees.US_SCHEDULE) and set(frame["in_force"]) == {"✓", ""}
    sort = ["type", "marketplace", "from", "applies"]
    assert frame[sort].values.tolist() == frame.sort_values(sort, kind="stable")[sort].values.tolist()
    assert frame["id"].all()  # stored entries: each editable by its id

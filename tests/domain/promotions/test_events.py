"""The marketplace calendar: dates that move every year, the 2025 US dates, estimates, seeding, matching."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.domain.promotions import events
from sellertui.domain.promotions.events import (
    easter, event_for, nth_weekday, on_day, seed, seeds, thanksgiving, us_deal_events, us_holidays)


@pytest.mark.parametrize("year, day", [(2023, 23), (2024, 28), (2025, 27), (2026, 26), (2027, 25), (2028, 23)])
def test_thanksgiving_is_the_fourth_thursday_of_november(year: int, day: int) -> None:
    assert thanksgiving(year) == date(year, 11, day) and thanksgiving(year).weekday() == 3
    assert events.black_friday(year) == date(year, 11, day + 1)


@pytest.mark.parametrize("year, expected", [(2000, date(2000, 4, 23)), (2024, date(2024, 3, 31)),
                                            (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)),
                                            (2027, date(2027, 3, 28)), (2038, date(2038, 4, 25))])
def test_easter(year: int, expected: date) -> None:
    assert easter(year) == expected


def test_nth_and_last_weekday_in_a_leap_february() -> None:
    assert nth_weekday(2028, 2, 1, -1) == date(2028, 2, 29)  # the last Tuesday is the 29th
    assert nth_weekday(2027, 2, 6, -1) == date(2027, 2, 28)
    assert nth_weekday(2026, 5, 6, 2) == date(2026, 5, 10)  # Mother's Day


def test_the_2025_us_dates_are_the_announced_ones() -> None:
    found = {e["id"]: e for e in us_deal_events(2025)}
    prime, big, bfcm = found["US-2025-prime-day"], found["US-2025-prime-big-deal-days"], found["US-2025-bfcm"]
    assert (prime["start"], prime["end"], prime["peak"]) == ("2025-07-08", "2025-07-11", True)
    assert (big["start"], big["end"], big["deadline"]) == ("2025-10-07", "2025-10-08", "2025-09-12")
    assert (bfcm["start"], bfcm["end"]) == ("2025-11-20", "2025-12-01")
    assert (bfcm["deadline"], bfcm["inventory_by"]) == ("2025-10-28", "2025-10-30")
    assert not any(e["estimate"] for e in found.values())
    assert "estimated" in prime["note"]  # Amazon's Prime Day deadline is not in the guide: said so


def test_2026_follows_the_2025_pattern_and_says_it_is_an_estimate() -> None:
    found = {e["id"]: e for e in us_deal_events(2026)}
    bfcm = found["US-2026-bfcm"]
    # Thanksgiving 2026 is Nov 26: a week before it to Cyber Monday, deals 23 days and stock 21 days ahead
    assert (bfcm["start"], bfcm["end"], bfcm["deadline"], bfcm["inventory_by"]) == \
        ("2026-11-19", "2026-11-30", "2026-10-27", "2026-10-29")
    assert found["US-2026-prime-day"]["start"] == "2026-07-14"  # the second Tuesday of July
    assert found["US-2026-prime-big-deal-days"]["start"] == "2026-10-06"  # first full week of October
    assert all(e["estimate"] and "estimate" in e["note"] for e in found.values())


def test_holidays() -> None:
    days = {e["id"].split("-", 2)[2]: e["start"] for e in us_holidays(2026)}
    assert days["mothers-day"] == "2026-05-10" and days["fathers-day"] == "2026-06-21"
    assert days["labor-day"] == "2026-09-07" and days["thanksgiving"] == "2026-11-26"
    assert days["easter"] == "2026-04-05" and days["christmas"] == "2026-12-25"


def test_seeds_run_from_2025_to_next_year() -> None:
    years = {e["start"][:4] for e in seeds(date(2026, 11, 22))}
    assert years == {"2025", "2026", "2027"}
    assert {e["start"][:4] for e in seeds(date(2031, 1, 2))} >= {"2031", "2032"}


def test_seeding_adds_what_is_missing_and_keeps_edits_and_deletions(store) -> None:
    today = date(2026, 11, 22)
    count = seed(store, today)
    assert count == len(seeds(today)) and seed(store, today) == 0
    with store.transaction() as tx:
        tx["events"].update("US-2026-bfcm", {"deadline": "2026-10-20", "estimate": False})
    assert events.remove(store, "US-2026-easter") == "hidden"  # seeded: hidden, not deleted
    assert seed(store, today) == 0
    shown = {e["id"]: e for e in events.all_events(store, today)}
    assert shown["US-2026-bfcm"]["deadline"] == "2026-10-20" and "US-2026-easter" not in shown
    assert seed(store, date(2027, 1, 5)) == len(us_deal_events(2028)) + len(us_holidays(2028))  # a new year


def test_user_events_get_their_own_ids_and_are_checked(store) -> None:
    values = {"name": "Shop birthday", "marketplace": "US", "kind": "event", "start": date(2026, 3, 1),
              "end": date(2026, 3, 3), "peak": False, "deadline": None, "inventory_by": date(2026, 2, 20), "note": ""}
    made = events.create(store, values)
    again = events.create(store, values)
    assert made["id"] == "US-2026-03-01-shop-birthday" and again["id"] == "US-2026-03-01-shop-birthday-2"
    assert events.check({**values, "end": date(2026, 2, 28)}) == {"end": "on or after the start (2026-03-01)"}
    assert "deadline" in events.check({**values, "deadline": date(2026, 3, 2)})
    assert events.remove(store, made["id"]) == "deleted" and store["events"].get(made["id"]) is None


def test_a_promotion_runs_in_the_event_it_names_or_overlaps() -> None:
    calendar = us_deal_events(2025) + us_deal_events(2026) + us_holidays(2026)
    named = {"name": "x", "start": "2026-12-01", "end": "2026-12-01", "event": "Black Friday–Cyber Monday",
             "marketplace": "US"}
    assert event_for(named, calendar)["id"] == "US-2026-bfcm"  # by name, the same year
    overlapping = {"type": "best_deal", "start": "2026-11-30", "end": "2026-12-02", "marketplace": "US"}
    assert event_for(overlapping, calendar)["id"] == "US-2026-bfcm"  # a deal in the event's days is its deal
    assert event_for({**overlapping, "marketplace": "UK"}, calendar) is None
    assert event_for({**overlapping, "type": "coupon"}, calendar) is None  # a coupon joins only when it says so
    christmas = {"type": "best_deal", "start": "2026-12-24", "end": "2026-12-26", "marketplace": "US"}
    assert event_for(christmas, calendar) is None  # holidays are not deal events


def test_an_event_crossing_months_is_on_every_one_of_its_days() -> None:
    calendar = us_deal_events(2025)
    assert [e["id"] for e in on_day(calendar, "2025-12-01")] == ["US-2025-bfcm"]
    assert [e["id"] for e in on_day(calendar, "2025-11-20")] == ["US-2025-bfcm"]
    assert on_day(calendar, "2025-12-02") == []

"""Submission deadlines: by type and event, across leap days and month ends, in the marketplace's time zone."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sellertui.domain.promotions.checks import deadline_check
from sellertui.domain.promotions.deadlines import days_left, describe, market_today, submission
from sellertui.domain.promotions.events import us_deal_events
from sellertui.domain.promotions.settings import PromoSettings

S = PromoSettings()  # event deals 42 (ideally 70) days ahead, ordinary deals 14 (ideally 21)
BFCM_2025 = next(e for e in us_deal_events(2025) if e["id"].endswith("bfcm"))


def promo(kind: str, start: str, status: str = "idea", market: str = "US") -> dict:
    return {"type": kind, "start": start, "end": start, "status": status, "marketplace": market, "name": "p"}


def test_ordinary_deals_are_due_two_weeks_ahead_across_a_leap_day() -> None:
    plan = submission(promo("best_deal", "2024-03-14"), None, S)
    assert plan.due == date(2024, 2, 29) and plan.ideal == date(2024, 2, 22)
    assert submission(promo("lightning_deal", "2025-03-14"), None, S).due == date(2025, 2, 28)
    assert "start 2024-03-14 − 14 days = 2024-02-29" in plan.working[0]


def test_event_deals_take_the_events_own_deadline_even_across_months() -> None:
    plan = submission(promo("lightning_deal", "2025-12-01"), BFCM_2025, S)  # Cyber Monday, in December
    assert plan.due == date(2025, 10, 28) and "Black Friday–Cyber Monday deal deadline" in plan.working[0]
    assert plan.ideal == date(2025, 9, 22)  # 70 days before the start


def test_an_event_without_a_deadline_uses_the_event_lead_time() -> None:
    event = {**BFCM_2025, "deadline": None}
    assert submission(promo("best_deal", "2025-11-20"), event, S).due == date(2025, 10, 9)  # 42 days


@pytest.mark.parametrize("kind", ["percent_off", "bogo", "coupon", "prime_exclusive"])
def test_no_deadline_outside_events_for_discounts_coupons_and_prime_exclusive(kind: str) -> None:
    assert submission(promo(kind, "2026-01-10"), None, S).due is None


def test_coupons_and_prime_exclusive_discounts_in_an_event_have_its_deadline() -> None:
    assert submission(promo("coupon", "2025-11-25"), BFCM_2025, S).due == date(2025, 10, 28)
    assert submission(promo("prime_exclusive", "2025-11-25"), BFCM_2025, S).due == date(2025, 10, 28)


def test_the_day_counts_in_the_marketplaces_time_zone() -> None:
    late_evening_in_seattle = datetime(2026, 11, 22, 3, 0, tzinfo=timezone.utc)
    assert market_today(late_evening_in_seattle, "US") == date(2026, 11, 21)
    assert market_today(late_evening_in_seattle, "UK") == date(2026, 11, 22)
    assert market_today(late_evening_in_seattle, "JP") == date(2026, 11, 22)
    assert days_left(date(2026, 11, 21), late_evening_in_seattle, "US") == 0  # still today in the US
    assert days_left(date(2026, 11, 21), late_evening_in_seattle, "UK") == -1  # passed in London
    assert market_today(datetime(2026, 11, 21, 16, 0, tzinfo=timezone.utc), "JP") == date(2026, 11, 22)


def test_the_check_fails_once_passed_warns_within_the_window_and_passes_once_submitted() -> None:
    now = datetime(2026, 11, 22, 3, 0, tzinfo=timezone.utc)  # Nov 21 in the US
    p = promo("best_deal", "2026-12-05")  # due Nov 21
    assert deadline_check(p, None, S, now).level == "warn"
    assert "today" in deadline_check(p, None, S, now).summary
    assert deadline_check(promo("best_deal", "2026-12-05", market="UK"), None, S, now).level == "fail"
    assert deadline_check(promo("best_deal", "2026-12-19"), None, S, now).level == "warn"  # due in 14 days
    assert deadline_check(promo("best_deal", "2026-12-20"), None, S, now).level == "ok"  # due in 15
    assert deadline_check(promo("best_deal", "2026-12-01", "submitted"), None, S, now).level == "ok"
    assert deadline_check(promo("percent_off", "2026-12-01"), None, S, now) is None


def test_describe() -> None:
    assert [describe(d) for d in (-2, -1, 0, 1, 9)] == ["passed 2 days ago", "passed 1 day ago", "today",
                                                        "tomorrow", "in 9 days"]

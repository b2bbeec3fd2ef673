"""The watch alerts' rules, worked by hand: thresholds, the pair compared, recency, whose ASIN."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.domain.watch.alerts import WatchSettings, alerts_for

TODAY = date(2026, 11, 22)
RIVAL = {"asin": "B0RIVAL001", "marketplace": "US", "own": False, "label": "Rival"}
OWN = {"asin": "B0OWN00001", "marketplace": "US", "own": True, "label": "Ours"}
SETTINGS = WatchSettings(price_cut_pct=5.0, rank_jump_pct=30.0, alert_days=2)


def snap(day: str, **values) -> dict:
    return {"day": day, "currency": "USD", **values}


def kinds(entry, history, settings=SETTINGS, today=TODAY) -> list[str]:
    return [a.kind for a in alerts_for(entry, history, settings, today)]


@pytest.mark.parametrize(("before", "after", "alerted"), [
    (2000, 1900, True),  # exactly 5 %: the threshold counts
    (2000, 1901, False),  # 4.95 %
    (2000, 2100, False),  # a rise is no cut
    (2000, 1000, True),
])
def test_a_competitor_price_cut_at_or_past_the_threshold(before, after, alerted) -> None:
    history = [snap("2026-11-21", price_minor=before), snap("2026-11-22", price_minor=after)]
    assert kinds(RIVAL, history) == (["price_cut"] if alerted else [])


def test_the_price_cut_text_carries_both_prices_and_the_percentage() -> None:
    history = [snap("2026-11-20", price_minor=2499), snap("2026-11-22", price_minor=2199)]
    (alert,) = alerts_for(RIVAL, history, SETTINGS, TODAY)
    assert alert.text == "Rival cut its price 12%: $24.99 on 2026-11-20 → $21.99"
    assert alert.key == "watch:price_cut:US|B0RIVAL001:2026-11-22" and alert.since == "2026-11-20"


def test_own_price_changes_are_not_alerts() -> None:
    assert kinds(OWN, [snap("2026-11-21", price_minor=2000), snap("2026-11-22", price_minor=1000)]) == []


def test_a_day_without_a_price_does_not_count_as_no_price() -> None:
    """The pair compared is the last two snapshots that know the price."""
    history = [snap("2026-11-20", price_minor=2000), snap("2026-11-21", rating=4.5),
               snap("2026-11-22", price_minor=1800)]
    assert kinds(RIVAL, history) == ["price_cut"]


def test_old_changes_are_history_not_alerts() -> None:
    history = [snap("2026-11-19", price_minor=2000), snap("2026-11-20", price_minor=1000)]
    assert kinds(RIVAL, history) == []  # the newer snapshot is 2 days old; alert_days = 2 covers 21–22
    assert kinds(RIVAL, history, WatchSettings(alert_days=3)) == ["price_cut"]


def test_a_lost_buy_box_is_an_own_asins_alert_naming_who_holds_it() -> None:
    history = [snap("2026-11-21", buybox_mine=True),
               snap("2026-11-22", buybox_mine=False, buybox_seller="A1RIVAL", buybox_price_minor=1899)]
    (alert,) = alerts_for(OWN, history, SETTINGS, TODAY)
    assert alert.kind == "lost_buybox"
    assert alert.text == "Ours lost the Buy Box: held by A1RIVAL at $18.99 (yours on 2026-11-21)"
    assert kinds(OWN, [snap("2026-11-21", buybox_mine=False), snap("2026-11-22", buybox_mine=False)]) == []
    # unknown (a Buy Box whose winner Amazon did not list) is neither won nor lost
    assert kinds(OWN, [snap("2026-11-21", buybox_mine=True), snap("2026-11-22", buybox_mine=None)]) == []


@pytest.mark.parametrize(("before", "after", "alerted"), [
    (1000, 1300, True),  # 30 % worse
    (1000, 700, True),  # 30 % better
    (1000, 1299, False),
    (1000, 701, False),
])
def test_a_rank_jump_either_way(before, after, alerted) -> None:
    history = [snap("2026-11-21", rank=before), snap("2026-11-22", rank=after)]
    assert kinds(RIVAL, history) == (["rank_jump"] if alerted else [])
    assert kinds(OWN, history) == (["rank_jump"] if alerted else [])


def test_rank_jump_wording() -> None:
    (alert,) = alerts_for(OWN, [snap("2026-11-21", rank=1200), snap("2026-11-22", rank=450)], SETTINGS, TODAY)
    assert alert.text == "Ours sales rank #1,200 → #450 (62% better)"


def test_a_new_coupon_needs_a_known_none_before_it() -> None:
    assert kinds(RIVAL, [snap("2026-11-21", coupon=""), snap("2026-11-22", coupon="10% off")]) == ["new_coupon"]
    assert kinds(RIVAL, [snap("2026-11-21", coupon="5% off"), snap("2026-11-22", coupon="10% off")]) == []
    assert kinds(RIVAL, [snap("2026-11-21", rating=4.0), snap("2026-11-22", coupon="10% off")]) == []
    assert kinds(OWN, [snap("2026-11-21", coupon=""), snap("2026-11-22", coupon="10% off")]) == []


def test_settings_come_from_the_section_with_a_floor_on_days() -> None:
    settings = WatchSettings.from_section({"price_cut_pct": 8, "rank_jump_pct": 50, "alert_days": 0})
    assert settings == WatchSettings(8.0, 50.0, 1)

"""The demo's competitor watch, notices and repliers: 60 days for at least three ASINs, an alert of each kind."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sellertui.domain.team import notices
from sellertui.domain.watch.alerts import WatchSettings, all_alerts
from sellertui.domain.watch.snapshots import history_by_entry
from sellertui.store import open_store


def test_the_demo_watch_list_has_60_days_for_five_asins_and_todays_alerts(demo_dir: Path) -> None:
    store = open_store(demo_dir)
    histories = history_by_entry(store)
    assert len(histories) == 5 and sum(e["own"] for e in store["watchlist"].all()) == 2
    today = date(2026, 11, 22)
    for history in histories.values():
        days = [d["day"] for d in history]
        assert len(days) == 60 == len(set(days)) and days[-1] == today.isoformat()
        assert days[0] == (today - timedelta(days=59)).isoformat()
    kinds = sorted(a.kind for a in all_alerts(store, WatchSettings(), today))
    assert kinds == ["lost_buybox", "new_coupon", "price_cut", "rank_jump"]


def test_the_demo_has_an_unread_notice_and_every_reply_has_an_agent(demo_dir: Path) -> None:
    store = open_store(demo_dir)
    assert [n["author"] for n in notices.unread(store, "ana")] == ["ben"]
    assert [n["author"] for n in notices.unread(store, "chen")] == ["ana", "ben"]  # oldest first
    replied = [m for m in store["messages"].all() if m["status"] == "replied"]
    assert replied and {m["replied_by"] for m in replied} == {"ana", "ben", "chen"}

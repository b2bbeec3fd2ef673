"""Today's "Competitor watch" section: each alert an item that leads to its ASIN, lost Buy Boxes first."""

from __future__ import annotations

from datetime import datetime, timezone

from sellertui.domain.today.sections import checklist
from sellertui.domain.watch import snapshots, watchlist
from tests.shops import shop_of

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


def test_watch_alerts_are_items_on_today(store) -> None:
    watchlist.add(store, "B0OWN00001", "US", own=True, label="Our board")
    watchlist.add(store, "B0RIVAL001", "US", label="Rival")
    snaps = [snapshots.build("US", "B0OWN00001", "2026-11-21", {"buybox_mine": True}, "entry"),
             snapshots.build("US", "B0OWN00001", "2026-11-22", {"buybox_mine": False, "buybox_seller": "A1X"}, "entry"),
             snapshots.build("US", "B0RIVAL001", "2026-11-21", {"price_minor": 2000, "coupon": ""}, "entry"),
             snapshots.build("US", "B0RIVAL001", "2026-11-22", {"price_minor": 1800, "coupon": "5% off"}, "entry")]
    snapshots.record(store, snaps, "test")
    section = next(s for s in checklist(shop_of(store), "ana", NOW) if s.name == "Competitor watch")
    assert [i.detail for i in section.items] == ["lost Buy Box", "price cut", "new coupon"]
    first = section.items[0]
    assert first.late and first.area == "inventory" and first.view == "watchview"
    assert (first.column, first.value) == ("key", "US|B0OWN00001")
    assert first.key == "watch:lost_buybox:US|B0OWN00001:2026-11-22"

"""Today's "Competitor watch" section: one item per alert, the lost Buy Box first."""

from __future__ import annotations

from datetime import datetime

from sellertui.core.i18n import _
from sellertui.domain.today.model import Item, Section
from sellertui.domain.watch.alerts import KINDS, WatchSettings, all_alerts

URGENCY = {"lost_buybox": 0, "price_cut": 1, "new_coupon": 2, "rank_jump": 3}


def watch_section(shop, now: datetime, user: str) -> Section:
    section = Section(_("Competitor watch"), "inventory")
    settings = WatchSettings.from_section(shop.settings.section("watch"))
    for alert in all_alerts(shop.store, settings, now.date()):
        section.items.append(Item(
            key=alert.key, title=alert.text, detail=_(KINDS[alert.kind]), urgency=URGENCY[alert.kind], area="inventory",
            view="watchview", column="key", value=f"{alert.marketplace}|{alert.asin}",
            late=alert.kind == "lost_buybox"))
    return section.capped()

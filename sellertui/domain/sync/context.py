"""What every stream of one run works with: the shop, the API, the marketplace, the window's start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from sellertui import clock
from sellertui.core.markets import Market

if TYPE_CHECKING:
    from sellertui.amazon.client import SpApi
    from sellertui.amazon.orders import Orders
    from sellertui.amazon.reports import Reports
    from sellertui.amazon.settings import ApiSettings
    from sellertui.domain.shop import Shop

MAX_WINDOW = timedelta(days=30)  # one request covers at most this much; the next sync goes on from there
SETTLEMENT_LOOKBACK = timedelta(days=90)  # getReports looks back this far at most


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z, to the second: how the SP-API takes and gives times."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass
class RunContext:
    shop: "Shop"
    api: "SpApi"
    reports: "Reports"
    orders: "Orders"
    settings: "ApiSettings"
    market: Market
    since: date | None = None  # --since: start here this time, whatever the checkpoint says

    @property
    def store(self):
        return self.shop.store

    def now(self) -> datetime:
        return clock.now().astimezone(timezone.utc).replace(microsecond=0)

    def start(self, checkpoint: str | None) -> datetime:
        """Where a window starts: --since, else the checkpoint, else ``first_sync_days`` ago."""
        if self.since is not None:
            return datetime(self.since.year, self.since.month, self.since.day, tzinfo=timezone.utc)
        if checkpoint:
            return parse_iso(checkpoint)
        return self.now() - timedelta(days=self.settings.first_sync_days)

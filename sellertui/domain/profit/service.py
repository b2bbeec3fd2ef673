"""What the Profit tab and `sellertui pnl` / `sellertui hire` ask for, computed the same way for both.

``ProfitService`` reads the sources (through the frame cache) and builds the
ledger once per change of the files behind it; statements, tiles, SKUs and
readiness are cheap views of that ledger. Safe to call from worker threads.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date

from sellertui import clock
from sellertui.core.i18n import _, language
from sellertui.domain.profit import account_fees, hiring, kept, periods, pnl, readiness, skus, sources, tiles
from sellertui.domain.profit.flags import month_flags
from sellertui.domain.profit.codes import month_of
from sellertui.domain.profit.ledger import Ledger, build_ledger


@dataclass
class Hiring:
    plan: list[dict]
    readiness: readiness.Readiness
    monthly: list[tuple[str, int]]  # complete months' net profit (before taking hired roles off)
    cash: dict | None
    workload: dict[str, dict]

    def as_dict(self) -> dict:
        return {"roles": [{**{k: r.get(k) for k in ("id", "position", "title", "salary_minor", "overhead_pct",
                                                     "currency", "status", "hired_on", "notes")},
                           "full_cost_minor": hiring.full_cost(r)} for r in self.plan],
                "next": self.readiness.as_dict(), "cash": self.cash,
                "monthly_net": [{"month": m, "net_minor": v} for m, v in self.monthly],
                "workload": self.workload}


class ProfitService:
    def __init__(self, store, frames, settings, user: str = "") -> None:
        self.store = store
        self.frames = frames
        self.settings = settings  # sellertui.config.Settings: home currency and the [profit] section
        self.user = user
        self._lock = threading.RLock()
        self._cached: tuple | None = None  # (key, ledger, flags)

    @classmethod
    def for_shop(cls, shop) -> "ProfitService":
        """The service over a shop's store, frame cache and settings; ``shop.user``'s time feeds the workload."""
        return cls(shop.store, shop.frames(), shop.settings, shop.user)

    @property
    def home(self) -> str:
        return self.settings.home_currency.upper()

    @property
    def fee_currency(self) -> str:
        """The currency of the ``[profit]`` fee estimates: the shop's marketplace's (USD for US)."""
        from sellertui.core.markets import market

        return market(self.settings.marketplace).currency

    def ledger(self) -> tuple[Ledger, dict]:
        """The ledger and its month flags, rebuilt only when a file behind them (or the day) changed."""
        with self._lock:
            today = clock.today()
            # what Amazon charges every month, in the marketplace's currency (converted like any other amount)
            rates = account_fees.FeeRates.from_section(self.settings.section("profit"), self.fee_currency)
            key = (sources.signature(self.store), self.home, today, rates, language())  # notes in the language shown
            if self._cached is None or self._cached[0] != key:
                found = kept.load(self.store, key)  # an earlier process's ledger of the same files and day
                if found is None:
                    read = sources.load(self.store, self.frames)
                    # the sources hold what was read: no second copy, nor the pages reading it freed, through the build
                    self.frames.let_go()
                    read.fee_rates = rates
                    ledger = build_ledger(read, self.home, today)
                    products, read = read.products, None  # the sources' frames go before the flags and the kept copy
                    found = (ledger, month_flags(ledger), products)
                    kept.save(self.store, key, found)
                self._cached = (key, *found)
            return self._cached[1], self._cached[2]

    def statement(self, grain: str = "month") -> pnl.Statement:
        ledger, flags = self.ledger()
        return pnl.statement(ledger, grain, flags)

    def tiles(self) -> list[tiles.Tile]:
        ledger, _ = self.ledger()
        return tiles.tiles(ledger, clock.now())

    def tile_working(self, key: str) -> tiles.TileWorking:
        """How one tile (``today``, ``mtd``…) adds up, with the records behind it."""
        ledger, _ = self.ledger()
        tile = next(t for t in tiles.tiles(ledger, clock.now()) if t.key == key)
        return tiles.tile_working(ledger, tile)

    def records(self, period: str, grain: str, line: str):
        from sellertui.domain.profit.records import records

        ledger, _ = self.ledger()
        return records(ledger, period, grain, line)

    def skus(self, period: str, grain: str):
        """Per-SKU profit for one period, and the overheads left unallocated."""
        ledger, _ = self.ledger()
        first, last = periods.bounds(period, grain)
        products = self._cached[3]
        return skus.sku_table(ledger, first, last, products, self._campaign_skus(products))

    def _campaign_skus(self, products: dict):
        from sellertui.domain.ads.settings import AdsRules
        from sellertui.domain.ads.targets import COLLECTION, TargetBook

        book = TargetBook(list(products.values()), self.store[COLLECTION].all(),
                          AdsRules.from_section(self.settings.section("ads")), clock.today(), self.home)
        return lambda campaign: book.skus_for(campaign)[0]

    def hiring(self, statement: pnl.Statement | None = None) -> Hiring:
        from sellertui.domain.today.ticks import workload

        ledger, flags = self.ledger()
        statement = statement or pnl.statement(ledger, "month", flags)
        current = clock.today().strftime("%Y-%m")
        monthly = [(p, statement.values["net"][i]) for i, p in enumerate(statement.periods) if p < current]
        plan = hiring.roles(self.store)
        cash = hiring.latest_cash(self.store)
        role = hiring.next_role(plan)
        result = readiness.evaluate(monthly, current, role, cash, self.settings.section("profit"), flags,
                                    taken_off(ledger, plan, [m for m, _ in monthly]), self.home)
        if not plan:
            result.projection = _("No roles in the hiring plan yet: n adds the first (an operator, usually).")
        return Hiring(plan, result, monthly, cash, workload(self.store, self.user or None))


def taken_off(ledger: Ledger, plan: list[dict], months: list[str]) -> dict[str, int]:
    """Per month: the full cost of every hired role, less what its expense already carries that month."""
    hired = [r for r in plan if r.get("status") == "hired"]
    if not hired:
        return {}
    small = ledger.small
    ids = {r.get("expense_id") for r in hired}
    carried = small[(small["collection"] == "expenses").to_numpy() & small["ref"].isin(ids).to_numpy()]
    carried = carried.assign(month=month_of(carried["day"]))
    carried = carried.assign(home=carried["home_minor"].fillna(0))
    carried = (-carried.groupby(["month", "ref"])["home"].sum()).to_dict()
    out = {}
    for month in months:
        total = sum(max(0, hiring.full_cost(r) - int(carried.get((month, r.get("expense_id")), 0))) for r in hired)
        if total:
            out[month] = total
    return out


def today_period(grain: str, day: date | None = None) -> str:
    return periods.period_of(day or clock.today(), grain)

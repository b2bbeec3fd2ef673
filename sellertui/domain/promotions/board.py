"""Everything the Promotions tab, the CLI and Today need, read once: the board.

``load(store, ...)`` reads promotions, products, events, the fee table, each
SKU's stock position (from Inventory's plan: the same velocity and stock the
Inventory tab shows) and the order lines the results need (through the shared
frame cache). The board then answers per promotion: its event, fee, checks
and results, each computed once. pandas is imported here: load this module in
workers and CLI handlers only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pandas as pd

from sellertui.core.i18n import N_
from sellertui.domain.orders.line_money import reduction
from sellertui.domain.promotions import checks as check_rules
from sellertui.domain.promotions import deadlines, events as event_rules
from sellertui.domain.promotions.checks import Check, StockPosition
from sellertui.domain.promotions.fees import schedule as fee_schedule
from sellertui.domain.promotions.pricing import PromoFee, promotion_fee
from sellertui.domain.promotions.records import LIVE, PLANNED
from sellertui.domain.promotions.results import DayTotals, Results, Sales, results as results_of
from sellertui.domain.promotions.settings import PromoSettings
from sellertui.domain.profit.fx import shop_rates


@dataclass
class Board:
    promotions: list[dict]
    products: dict[str, dict]
    events: list[dict]
    schedule: list[dict]
    positions: dict[str, StockPosition] | None
    sales: Sales
    settings: PromoSettings
    now: datetime
    marketplace: str = "US"  # the shop's own: whose "today" the board counts from
    rates: object = None  # profit.fx.Rates: landed costs in another currency than the listing's
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def today(self) -> date:
        return deadlines.market_today(self.now, self.marketplace)

    def by_id(self, promo_id: str) -> dict | None:
        return next((p for p in self.promotions if p["id"] == promo_id), None)

    def _memo(self, kind: str, promo: dict, compute):
        key = (kind, promo.get("id"), promo.get("_rev"))
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def event_of(self, promo: dict) -> dict | None:
        return self._memo("event", promo, lambda: event_rules.event_for(promo, self.events))

    def fee_of(self, promo: dict) -> PromoFee:
        return self._memo("fee", promo, lambda: promotion_fee(promo, self.products, self.event_of(promo),
                                                              self.schedule))

    def sharing(self, promo: dict) -> list[dict]:
        """The other promotions with one of its SKUs (an index: overlap checks stay linear in promotions)."""
        if "by_sku" not in self._cache:
            index: dict[str, list[dict]] = {}
            for p in self.promotions:
                for sku in set(p.get("skus") or []):
                    index.setdefault(sku, []).append(p)
            self._cache["by_sku"] = index
        found = {id(p): p for sku in promo.get("skus") or [] for p in self._cache["by_sku"].get(sku, [])}
        return sorted((p for p in found.values() if p is not promo),
                      key=lambda p: (p.get("start", ""), p.get("name", "")))  # the board's order

    def checks_of(self, promo: dict) -> list[Check]:
        return self._memo("checks", promo, lambda: check_rules.run(
            promo, others=self.sharing(promo), products=self.products, event=self.event_of(promo),
            fee=self.fee_of(promo), positions=self.positions, settings=self.settings, now=self.now,
            rates=self.rates))

    def results_of(self, promo: dict) -> Results | None:
        return self._memo("results", promo, lambda: results_of(
            promo, self.sales, self.products, self.schedule, self.fee_of(promo).peak, self.settings.baseline_days,
            deadlines.market_today(self.now, promo.get("marketplace") or "US"), self.rates))

    def deadline_of(self, promo: dict) -> deadlines.Deadline:
        return self._memo("deadline", promo, lambda: deadlines.submission(promo, self.event_of(promo),
                                                                          self.settings))

    def on_day(self, day: str) -> tuple[list[dict], list[dict]]:
        """(promotions running, events) on a day."""
        running = [p for p in self.promotions if p["start"][:10] <= day <= (p.get("end") or p["start"])[:10]]
        return running, event_rules.on_day(self.events, day)

    def upcoming(self, days: int) -> dict:
        """What happens in the next ``days``: promotions starting, deadlines, events, failed checks."""
        today = self.today
        until = (today + timedelta(days=days)).isoformat()
        first = today.isoformat()
        starting = [p for p in self.promotions if p.get("status") in LIVE and first <= p["start"][:10] <= until]
        due = []
        for p in self.promotions:
            if p.get("status") != "idea":
                continue
            plan = self.deadline_of(p)
            if plan.due is not None and plan.due.isoformat() <= until:
                due.append({"what": N_("submit"), "name": p.get("name", ""), "promotion_id": p["id"],
                            "date": plan.due.isoformat(),
                            "days_left": deadlines.days_left(plan.due, self.now, p.get("marketplace") or "US")})
        for e in self.events:
            # "what" stays English (JSON); the words are marked to be shown translated
            for key, what in (("deadline", N_("deal deadline")), ("inventory_by", N_("FBA cut-off"))):
                when = e.get(key)
                if when and first <= when[:10] <= until:
                    due.append({"what": what, "name": e["name"], "event_id": e["id"], "date": when[:10],
                                "days_left": deadlines.days_left(date.fromisoformat(when[:10]), self.now,
                                                                 e.get("marketplace") or "US")})
        coming = [e for e in self.events if e.get("end", "") >= first and e.get("start", "") <= until]
        failing = [(p, c) for p in self.promotions for c in self.checks_of(p) if c.failed]
        return {"from": first, "until": until, "starting": sorted(starting, key=lambda p: p["start"]),
                "deadlines": sorted(due, key=lambda d: d["date"]), "events": coming, "failing": failing}


# -- loading ----------------------------------------------------------------------------------
SALES_FIELDS = ("id", "status", "quantity", "promo_discount_minor", "sku", "purchase_date", "item_price_minor",
                "promotion_ids")  # what ``sales_frame`` reads: all a file is decoded for


def sales_frame(docs: list[dict]) -> pd.DataFrame:
    """Order lines -> (sku, day, units, revenue, discount, promoted): cached per orders partition."""
    rows = {"sku": [], "day": [], "units": [], "revenue": [], "discount": [], "promoted": []}
    for d in docs:
        if d.get("status") == "Cancelled":
            continue
        units = int(d.get("quantity") or 0)
        discount = -reduction(d.get("promo_discount_minor"))  # the item's discount, as the amount taken off
        rows["sku"].append(d.get("sku") or "")
        rows["day"].append((d.get("purchase_date") or "")[:10])
        rows["units"].append(units)
        rows["revenue"].append(int(d.get("item_price_minor") or 0) - discount)
        rows["discount"].append(discount)
        rows["promoted"].append(units if (discount or (d.get("promotion_ids") or "").strip()) else 0)
    return pd.DataFrame({
        "sku": pd.Series(rows["sku"], dtype=object), "day": pd.Series(rows["day"], dtype=object),
        "units": pd.Series(rows["units"], dtype="int64"), "revenue": pd.Series(rows["revenue"], dtype="int64"),
        "discount": pd.Series(rows["discount"], dtype="int64"), "promoted": pd.Series(rows["promoted"], dtype="int64"),
    })


def _months(first: date, last: date) -> list[str]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day.isoformat()[:7])
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def load_sales(frames, promotions: list[dict], baseline_days: int, today: date) -> Sales:
    """Daily totals of the SKUs of every started promotion, over its baseline and its days."""
    started = [p for p in promotions if p.get("status") != "cancelled" and p.get("start", "9")[:10] <= today.isoformat()]
    if not started:
        return {}
    months: set[str] = set()
    skus: set[str] = set()
    for p in started:
        start = date.fromisoformat(p["start"][:10])
        end = min(date.fromisoformat((p.get("end") or p["start"])[:10]), today)
        months.update(_months(start - timedelta(days=baseline_days), end))
        skus.update(p.get("skus") or [])
    frame = frames.frame("orders", sales_frame, name="promotions.sales", partitions=sorted(months), version=2,
                         fields=SALES_FIELDS)
    frame = frame[frame["sku"].isin(skus)]
    if not len(frame):
        return {}
    grouped = frame.groupby(["sku", "day"], sort=False)[["units", "revenue", "discount", "promoted"]].sum()
    sales: Sales = {}
    days: dict[str, date] = {}  # one date object per day, not per SKU and day
    for (sku, day), row in zip(grouped.index, grouped.itertuples(index=False)):
        try:
            when = days.get(day)
            if when is None:
                when = days[day] = date.fromisoformat(day)
            sales[(sku, when)] = DayTotals(int(row.units), int(row.revenue), int(row.discount), int(row.promoted))
        except ValueError:
            continue  # an order line without a date
    return sales


def load_positions(store, frames, inventory_section: dict, promotions: list[dict],
                   today: date) -> dict[str, StockPosition]:
    """The stock position of every SKU of a planned promotion, from Inventory's plan."""
    wanted = {s for p in promotions if p.get("status") in PLANNED and p.get("start", "")[:10] >= today.isoformat()
              for s in p.get("skus") or []}
    if not wanted:
        return {}
    from sellertui.domain.inventory.plan import build
    from sellertui.domain.inventory.purchase_orders import on_order
    from sellertui.domain.inventory.settings import InventorySettings

    plan = build(store, frames, InventorySettings.from_section(inventory_section), today)
    f = plan.frame[plan.frame["sku"].isin(wanted)]
    due = on_order(plan.purchase_orders)
    positions = {}
    for sku, fba, own, inbound, velocity in zip(f["sku"], f["fba_available"], f["fbm"], f["inbound"], f["velocity"]):
        positions[sku] = StockPosition(sku, int(fba), int(own), int(inbound), float(velocity),
                                       tuple((d, q) for _, q, d in due.get(sku, ())))
    return positions


def load(store, settings, frames=None, now: datetime | None = None, stock: bool = True,
         results: bool = True) -> Board:
    """The board of ``store`` now, under the shop's ``settings`` (a ``config.Settings``)."""
    from sellertui import clock
    from sellertui.domain.frames import FrameCache

    now = now or clock.now()
    today = deadlines.market_today(now, settings.marketplace)
    frames = frames or FrameCache.for_store(store)
    promo_settings = PromoSettings.from_section(settings.section("promotions"))
    promotions = sorted(store["promotions"].all(), key=lambda p: (p.get("start", ""), p.get("name", "")))
    positions = load_positions(store, frames, settings.section("inventory"), promotions, today) if stock else None
    sales = load_sales(frames, promotions, promo_settings.baseline_days, today) if results else {}
    return Board(promotions, dict(store["products"].docs()), event_rules.all_events(store, today),
                 fee_schedule(store), positions, sales, promo_settings, now, settings.marketplace,
                 rates=shop_rates(store, settings.home_currency))


def shop_board(shop, *, seed: bool = False, now: datetime | None = None, results: bool = True) -> Board:
    """The board of a ``Shop`` (the tab, the CLI, Today and the export read it this one way).

    ``seed`` first stores the seeded events and fee table that are missing, so
    the user edits stored entries (the tab does it on its first read; the CLI
    and Today read without writing).
    """
    from sellertui import clock
    from sellertui.domain.promotions.fees import seed as seed_fees

    if seed:
        event_rules.seed(shop.store, clock.today())
        seed_fees(shop.store)
    return load(shop.store, shop.settings, shop.frames(), now=now, results=results)

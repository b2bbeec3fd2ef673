"""The tiles: today, yesterday, month to date, this month (forecast) and last month, at a glance.

Each tile adds up the ledger's days in its range: sales, orders, units, ad
spend, net profit (with each day's share of the monthly expenses) and margin.
The forecast runs this month's variable lines at the month-to-date rate
(÷ the days elapsed, × the days in the month) and adds the whole month's
expenses.

Each tile carries the period it is compared with (``before``, said as
``vs``): today against yesterday, yesterday against the day before, the month
to date against the same days of last month, the forecast against last month,
last month against the month before.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from sellertui.core.i18n import N_, _
from sellertui.domain.profit.codes import order_numbers
from sellertui.domain.profit.lines import KEYS
from sellertui.core.formats import dated


@dataclass
class Tile:
    key: str
    title: str
    first: date
    last: date
    sales: int
    orders: int
    units: int
    ads: int  # spend, positive
    net: int
    estimated: bool
    forecast: bool = False
    working: list[str] = field(default_factory=list)
    before: "Tile | None" = None  # the period it is compared with
    vs: str = ""  # that period, as the tile says it: "vs yesterday"

    @property
    def margin(self) -> float | None:
        return self.net / self.sales if self.sales > 0 else None

    def change(self, figure: str = "net") -> float | None:
        """The change of ``figure`` against ``before`` as a fraction (None: nothing to compare with)."""
        if self.before is None:
            return None
        now, then = getattr(self, figure), getattr(self.before, figure)
        return (now - then) / abs(then) if then else None

    def as_dict(self) -> dict:
        return {"tile": self.key, "title": self.title, "from": self.first.isoformat(), "to": self.last.isoformat(),
                "sales_minor": self.sales, "orders": self.orders, "units": self.units, "ad_spend_minor": self.ads,
                "net_minor": self.net, "margin": self.margin, "estimated": self.estimated, "forecast": self.forecast}


class Days:
    """The ledger summed by day (home currency), and sold lines by day."""

    def __init__(self, ledger) -> None:
        days = ledger.daily[ledger.daily["line"].isin(KEYS).to_numpy()]
        self.by_line = days.groupby(["line", "day"])["home_minor"].sum()
        self.lines = set(self.by_line.index.get_level_values(0))  # once: a tile asks a dozen times
        self.estimated_days = set(days.loc[days["estimated"].to_numpy(dtype=bool), "day"].to_numpy()
                                  .astype("datetime64[D]"))
        volume = ledger.volume
        self.volume = pd.DataFrame({"day": volume["day"].to_numpy().astype("datetime64[D]"),
                                    "qty": volume["qty"].to_numpy(), "order": order_numbers(volume)})

    def line(self, key: str, first: date, last: date) -> int:
        if key not in self.lines:
            return 0
        series = self.by_line.loc[key]
        days = series.index.to_numpy().astype("datetime64[D]")
        mask = (days >= np.datetime64(first)) & (days <= np.datetime64(last))
        return int(round(series.to_numpy()[mask].sum()))

    def sold(self, first: date, last: date) -> tuple[int, int]:
        mask = ((self.volume["day"] >= np.datetime64(first)) & (self.volume["day"] <= np.datetime64(last))).to_numpy()
        picked = self.volume[mask]
        return int(picked["order"].nunique()), int(picked["qty"].sum())

    def tile(self, key: str, title: str, first: date, last: date) -> Tile:
        orders, units = self.sold(first, last)
        net = sum(self.line(k, first, last) for k in KEYS)
        estimated = any(np.datetime64(first) <= d <= np.datetime64(last) for d in self.estimated_days)
        return Tile(key, title, first, last, self.line("sales", first, last), orders, units,
                    -self.line("ads", first, last), net, estimated)


def tiles(ledger, now: datetime) -> list[Tile]:
    today = now.date()
    days = Days(ledger)
    month_start = today.replace(day=1)
    last_month_end = month_start - timedelta(days=1)
    last_month_start = last_month_end.replace(day=1)
    month_before_end = last_month_start - timedelta(days=1)
    yesterday, day_before = today - timedelta(days=1), today - timedelta(days=2)
    same_days = last_month_start.replace(day=min(today.day, last_month_end.day))
    found = [
        days.tile("today", N_("Today"), today, today),
        days.tile("yesterday", N_("Yesterday"), yesterday, yesterday),
        days.tile("mtd", N_("Month to date"), month_start, today),
    ]
    found.append(forecast(days, found[-1], now))
    found.append(days.tile("last_month", N_("Last month"), last_month_start, last_month_end))
    compared = [(dated(yesterday, "%a", "E"), found[1]),
                (dated(day_before, "%a", "E"), days.tile("day_before", N_("Day before"), day_before, day_before)),
                (_("1–{day} {month}").format(day=same_days.day, month=dated(last_month_start, "%b", "MMM")),
                 days.tile("same_days", N_("Same days last month"), last_month_start, same_days)),
                (dated(last_month_start, "%b", "MMM"), found[4]),
                (dated(month_before_end, "%b", "MMM"), days.tile("month_before", N_("Month before"), month_before_end.replace(day=1),
                                                     month_before_end))]
    for tile, (label, before) in zip(found, compared):
        tile.before, tile.vs = before, _("vs {label}").format(label=label)
    return found


def forecast(days: Days, mtd: Tile, now: datetime) -> Tile:
    """This month at the month-to-date run rate, with the whole month's expenses."""
    today = now.date()
    first = today.replace(day=1)
    length = calendar.monthrange(today.year, today.month)[1]
    last = first.replace(day=length)
    midnight = datetime.combine(first, datetime.min.time(), tzinfo=now.tzinfo)
    elapsed = max((now - midnight).total_seconds() / 86400, 1.0)
    scale = length / elapsed
    expenses_so_far = days.line("expenses", first, today)
    expenses_month = days.line("expenses", first, last)
    variable = mtd.net - expenses_so_far
    net = round(variable * scale) + expenses_month
    tile = Tile("forecast", "This month (forecast)", first, last, round(mtd.sales * scale), round(mtd.orders * scale),
                round(mtd.units * scale), round(mtd.ads * scale), net, True, forecast=True)
    tile.working = [
        f"{elapsed:.1f} of {length} days elapsed: sales, orders, units, ad spend and every line but expenses × "
        f"{length} ÷ {elapsed:.1f} = × {scale:.2f}",
        "+ the whole month's expenses (monthly ones and one-offs dated this month)",
    ]
    return tile


@dataclass
class Component:
    """One line of a tile's working: its value and where it came from, with how many records."""

    key: str
    label: str
    value: int  # home minor units
    estimated: bool
    sources: list[tuple[str, int, int]]  # (source, home minor units, records)


@dataclass
class TileWorking:
    tile: Tile
    components: list[Component]
    records: object  # the frame of every record behind the tile's net profit (records.records_between)
    paragraphs: list[str]


def tile_working(ledger, tile: Tile) -> TileWorking:
    """How a tile adds up: each P&L line with its value, its sources and the records behind it."""
    from sellertui.domain.profit.lines import BY_KEY
    from sellertui.domain.profit.records import records_between

    last = min(tile.last, ledger.today)
    found = records_between(ledger, tile.first, last, "net")
    components = []
    for key in KEYS:
        rows = found[(found["line"] == key).to_numpy()] if len(found) else found
        sources = [(str(source), int(round(group["home_minor"].fillna(0).sum())), len(group))
                   for source, group in rows.groupby("source", sort=False)] if len(rows) else []
        value = sum(amount for _, amount, _ in sources)
        if value or sources:
            components.append(Component(key, BY_KEY[key].label, value, bool(len(rows) and rows["estimated"].any()),
                                        sorted(sources, key=lambda s: -abs(s[1]))))
    paragraphs = [f"{tile.first} to {last}: net profit = the sum of these lines (costs are negative), each the "
                  "sum of its records (d lists them); every amount in the home currency, converted once per "
                  "month, currency and line."]
    if tile.forecast:
        paragraphs = [f"The month so far ({tile.first} to {ledger.today}), line by line:"] + tile.working
    return TileWorking(tile, components, found, paragraphs)

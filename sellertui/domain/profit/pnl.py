"""The P&L by month, week or quarter, in the home currency, and the records behind each figure.

Net profit = sales + refunds + Amazon fees + cost of goods + ad spend + other
expenses (costs are negative). Margin = net profit ÷ sales. A figure is marked
estimated when any entry in it is; a period carries the flags of its months.
Periods run from the first day of data to today; amounts dated later (the
rest of a month's expenses) wait for their day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from sellertui.core.i18n import N_, _, shown as in_language
from sellertui.core.money import fmt
from sellertui.domain.profit import adspread
from sellertui.domain.profit.flags import Flag
from sellertui.domain.profit.codes import order_numbers
from sellertui.domain.profit.lines import BY_KEY, KEYS, PASS_THROUGH
from sellertui.domain.profit.periods import between, bounds, check_grain, label, months_of, period_of

ROWS = (*KEYS, "net", "margin", "units", "orders")  # what a period shows, in order
# translated where shown
LABELS = {**{k: BY_KEY[k].label for k in KEYS}, "net": N_("Net profit"), "margin": N_("Margin"), "units": N_("Units"),
          "orders": N_("Orders")}
FLAG_MARKS = {"missing": N_("⚠ missing"), "estimate": N_("~ estimate"), "info": N_("· note")}


@dataclass
class Statement:
    grain: str
    home: str
    periods: list[str]
    values: dict[str, list[int]]  # line (and "net") -> home minor units per period
    estimated: dict[str, list[bool]]  # line -> any estimated entry in it
    units: list[int]
    orders: list[int]
    flags: list[list[Flag]]  # per period: the flags of its months
    today: date
    extra: dict[str, list[int]] = field(default_factory=dict)  # tax and transfers: not profit

    @property
    def labels(self) -> list[str]:
        return [label(p, self.grain) for p in self.periods]

    def margin(self, index: int) -> float | None:
        sales = self.values["sales"][index]
        return self.values["net"][index] / sales if sales > 0 else None

    def complete(self, index: int) -> bool:
        return bounds(self.periods[index], self.grain)[1] < self.today

    def missing(self, index: int) -> bool:
        return any(f.severity == "missing" for f in self.flags[index])

    def row(self, key: str) -> list:
        if key == "margin":
            return [self.margin(i) for i in range(len(self.periods))]
        if key == "units":
            return self.units
        if key == "orders":
            return self.orders
        return self.values[key]

    def figure(self, key: str, index: int) -> str:
        """One figure as text: a margin in %, a count with separators, money in the home currency
        (``~`` first when estimated in part)."""
        if key == "margin":
            margin = self.margin(index)
            return "—" if margin is None else f"{margin * 100:.1f}%"
        value = self.row(key)[index]
        if key in ("units", "orders"):
            return f"{value:,}"
        estimated = self.estimated.get(key)
        return ("~" if estimated and estimated[index] else "") + fmt(value, self.home)

    def as_records(self) -> list[dict]:
        """One dict per period (for JSON and CSV)."""
        out = []
        for i, period in enumerate(self.periods):
            record = {"period": period, "currency": self.home, "complete": self.complete(i)}
            for key in KEYS:
                record[f"{key}_minor"] = self.values[key][i]
                record[f"{key}_estimated"] = self.estimated[key][i]
            record.update(net_minor=self.values["net"][i], margin=self.margin(i), units=self.units[i],
                          orders=self.orders[i])
            for key in PASS_THROUGH:  # money the settlements carried that is not profit: net + these = paid out
                record[f"{key}_passed_through_minor"] = self.extra[key][i] if key in self.extra else 0
            record["flags"] = [f.as_dict() for f in self.flags[i]]
            out.append(record)
        return out


def _period_map(days: np.ndarray, grain: str) -> np.ndarray:
    """The period of every day (computed once per distinct day)."""
    if not len(days):
        return np.array([], dtype=object)
    inverse, unique = pd.factorize(np.asarray(days).astype("datetime64[D]"), sort=True,
                                    use_na_sentinel=False)  # hashing, not sorting
    names = np.array([period_of(pd.Timestamp(d).date(), grain) for d in unique], dtype=object)
    return names[inverse]


def shown(ledger) -> pd.DataFrame:
    """The ledger's days up to today (expenses dated later wait for their day)."""
    days = ledger.daily
    return days[(days["day"] <= np.datetime64(ledger.today)).to_numpy()]


def statement(ledger, grain: str, flags: dict[str, list[Flag]]) -> Statement:
    check_grain(grain)
    today = ledger.today
    periods = between(ledger.first, today, grain) if ledger.first else []
    days = shown(ledger)
    frame = pd.DataFrame({"period": _period_map(days["day"].to_numpy(), grain), "line": days["line"].to_numpy(),
                          "home": days["home_minor"].to_numpy(), "est": days["estimated"].to_numpy(dtype=bool)})
    sums = frame.groupby(["line", "period"])["home"].sum().to_dict()
    est = frame[frame["est"]].groupby(["line", "period"]).size().to_dict()
    values: dict[str, list[int]] = {}
    estimated: dict[str, list[bool]] = {}
    for key in (*KEYS, *PASS_THROUGH):
        values[key] = [int(round(sums.get((key, p), 0))) for p in periods]
        estimated[key] = [bool(est.get((key, p))) for p in periods]
    estimated["ads"] = adspread.marked(ledger.ads, periods, grain)  # a summary row's even share, not its whole
    values["net"] = [sum(values[k][i] for k in KEYS) for i in range(len(periods))]
    estimated["net"] = [any(estimated[k][i] for k in KEYS) for i in range(len(periods))]
    volume = ledger.volume[(ledger.volume["day"] <= np.datetime64(today)).to_numpy()]
    vframe = pd.DataFrame({"period": _period_map(volume["day"].to_numpy(), grain), "qty": volume["qty"].to_numpy(),
                           "order": order_numbers(volume)})
    units = vframe.groupby("period")["qty"].sum().to_dict()
    orders = vframe.groupby("period")["order"].nunique().to_dict()
    period_flags = [[f for m in months_of(p, grain) for f in flags.get(m, [])] for p in periods]
    extra = {k: values.pop(k) for k in PASS_THROUGH}
    for k in PASS_THROUGH:
        estimated.pop(k)
    return Statement(grain, ledger.home, periods, values, estimated, [int(units.get(p, 0)) for p in periods],
                     [int(orders.get(p, 0)) for p in periods], period_flags, today, extra)


def working(statement: Statement, index: int, ledger) -> tuple[list[tuple[str, str]], list[str]]:
    """The working of one period: every line with where it came from, the flags, taxes and transfers."""
    home = statement.home
    period = statement.periods[index]
    first, last = bounds(period, statement.grain)
    days = shown(ledger)
    picked = days[((days["day"] >= np.datetime64(first)) & (days["day"] <= np.datetime64(last))).to_numpy()]
    by_source = picked.groupby(["line", "source"])["home_minor"].sum()
    rows = []
    for key in KEYS:
        amount = fmt(statement.values[key][index], home)
        rows.append((_(LABELS[key]), _("{amount} (estimated in part)").format(amount=amount)
                     if statement.estimated[key][index] else amount))
        if key in by_source.index.get_level_values(0):
            for source, total in by_source.loc[key].items():
                rows.append(("   " + _("from {source}").format(source=in_language(source)),
                             fmt(int(round(total)), home)))
    rows.append(("= " + _("Net profit"), fmt(statement.values["net"][index], home)))
    margin = statement.margin(index)
    rows.append((_("Margin"), "—" if margin is None else _("{margin} of sales").format(margin=f"{margin:.1%}")))
    rows.append((_("Units · orders"), f"{statement.units[index]:,} · {statement.orders[index]:,}"))
    span = dict(period=label(period, statement.grain), first=f"{first:%Y-%m-%d}",
                last=f"{min(last, statement.today):%Y-%m-%d}")
    paragraphs = [(_("{period}: {first} to {last}.") if statement.complete(index)
                   else _("{period}: {first} to {last} (so far).")).format(**span)]
    for flag in statement.flags[index]:
        mark = _(FLAG_MARKS[flag.severity])
        paragraphs.append(_("{mark} ({month}): {text}").format(mark=mark, month=flag.month, text=flag.text))
    spread = adspread.note(ledger, first, min(last, statement.today))
    if spread:
        paragraphs.append(spread)
    for key, name in PASS_THROUGH.items():
        if statement.extra[key][index]:
            paragraphs.append(_("{name}: {index} — passes through the settlement, not profit.")
                                  .format(name=name, index=fmt(statement.extra[key][index], home)))
    paragraphs.append(_("Net profit = sales + refunds + Amazon fees + cost of goods + ad spend + other "
                        "expenses (costs are negative). Margin = net profit ÷ sales. Foreign amounts "
                        "are converted at their month's rate (Rates), entry by entry."))
    return rows, paragraphs

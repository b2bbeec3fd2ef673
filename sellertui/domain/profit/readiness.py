"""Hiring readiness: can the shop afford its next role, and if not, when will it at the current trend?

Ready when (every number a setting in ``[profit]``):

1. each of the last N complete months (default 3) made a net profit of at
   least the role's full monthly cost plus a buffer (default 20%) — the
   *hire line*;
2. no month in that window lost money;
3. the cash in reserve covers ``reserve_months`` (default 3) of the cost.

Profit here is the profit *left*: roles already hired are taken off every
month in full, including months before they started (their expense only
counts from the hire), so the gauge for the second hire is not flattered by
months that paid no salary. The trend is a least-squares line through the
last ``trend_months`` complete months; the projection is the first month from
which the N months before it reach the hire line, months still to come read
off the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sellertui.core import formats
from sellertui.core.i18n import _
from sellertui.core.money import fmt
from sellertui.domain.profit.flags import Flag
from sellertui.domain.profit.hiring import full_cost
from sellertui.domain.profit.periods import bounds, label, step


@dataclass
class Condition:
    key: str
    label: str
    ok: bool
    detail: str

    def as_dict(self) -> dict:
        return {"condition": self.key, "label": self.label, "ok": self.ok, "detail": self.detail}


@dataclass
class Trend:
    months: list[str]
    values: list[int]
    slope: float  # per month
    intercept: float  # the line's value at months[0]

    def at(self, month: str) -> float:
        offset, probe = 0, self.months[0]
        while probe < month:
            probe, offset = step(probe, "month"), offset + 1
        while probe > month:
            probe, offset = step(probe, "month", -1), offset - 1
        return self.intercept + self.slope * offset


def fit(values: list[float]) -> tuple[float, float]:
    """(slope, intercept) of the least-squares line through ``values`` at x = 0, 1, 2, ..."""
    n = len(values)
    if n < 2:
        raise ValueError("a trend needs two points or more")
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    spread = sum((x - mean_x) ** 2 for x in range(n))
    slope = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / spread
    return slope, mean_y - slope * mean_x


@dataclass
class Readiness:
    role: dict | None
    currency: str
    cost: int = 0
    target: int = 0
    window: list[tuple[str, int]] = field(default_factory=list)  # (month, profit left)
    conditions: list[Condition] = field(default_factory=list)
    profit_gap: int = 0
    cash_gap: int = 0
    cash: dict | None = None
    trend: Trend | None = None
    projected: str | None = None  # the month from which the profit conditions hold at the trend
    projection: str = ""
    caveats: list[str] = field(default_factory=list)
    taken_off: dict[str, int] = field(default_factory=dict)  # month -> hired roles' cost not in its expenses

    @property
    def ready(self) -> bool:
        return bool(self.conditions) and all(c.ok for c in self.conditions)

    @property
    def progress(self) -> float:
        """The weakest month of the window as a share of the hire line (0–1)."""
        if not self.window or self.target <= 0:
            return 0.0
        return max(0.0, min(1.0, min(v for _, v in self.window) / self.target))

    def as_dict(self) -> dict:
        return {"role": None if self.role is None else {k: self.role.get(k) for k in (
                    "id", "title", "position", "salary_minor", "overhead_pct", "currency", "status")},
                "ready": self.ready, "cost_minor": self.cost, "hire_line_minor": self.target,
                "currency": self.currency, "window": [{"month": m, "profit_left_minor": v} for m, v in self.window],
                "conditions": [c.as_dict() for c in self.conditions], "profit_gap_minor": self.profit_gap,
                "cash_gap_minor": self.cash_gap, "cash": self.cash, "projected_month": self.projected,
                "projection": self.projection, "trend_per_month_minor": None if self.trend is None
                else round(self.trend.slope), "caveats": self.caveats}


def evaluate(monthly: list[tuple[str, int]], current: str, role: dict | None, cash: dict | None, settings: dict,
             flags: dict[str, list[Flag]], taken_off: dict[str, int], currency: str) -> Readiness:
    """Readiness for ``role`` from the complete months' net profit (``monthly``, oldest first)."""
    result = Readiness(role, currency, cash=cash, taken_off=dict(taken_off))
    if role is None:
        result.projection = _("Every planned role is hired: add the next one to the plan (n).")
        return result
    m = lambda v: fmt(int(round(v)), currency)  # noqa: E731
    n, buffer = int(settings["window_months"]), float(settings["buffer_pct"])
    result.cost = full_cost(role)
    result.target = round(result.cost * (1 + buffer / 100))
    left = [(month, value - taken_off.get(month, 0)) for month, value in monthly if month < current]
    result.window = left[-n:]
    values = [v for _, v in result.window]
    enough = len(values) >= n
    names = _(", ").join(formats.month_name(bounds(month, "month")[0]) for month, _v in result.window)
    result.conditions.append(Condition(
        "profit", _("each of the last {n} months made {amount} or more").format(n=n, amount=m(result.target)),
        enough and min(values) >= result.target,
        _("{months}: {amounts}").format(months=names, amounts=_(", ").join(m(v) for v in values)) if enough else
        _("only {count} complete month(s) of data; {n} are needed").format(count=len(values), n=n)))
    result.conditions.append(Condition(
        "no_loss", _("no month of the {n} lost money").format(n=n), enough and min(values) >= 0,
        _("lowest: {amount}").format(amount=m(min(values))) if values else _("no complete month yet")))
    needed = int(settings["reserve_months"]) * result.cost
    held = int((cash or {}).get("amount_minor") or 0)
    result.conditions.append(Condition(
        "cash", _("cash in reserve covers {months} months ({amount})").format(
            months=int(settings["reserve_months"]), amount=m(needed)), held >= needed,
        _("{amount} as of {date}").format(amount=m(held), date=cash.get("date")) if cash else
        _("no cash reserve entered yet (c)")))
    result.profit_gap = max(0, result.target - min(values)) if values else result.target
    result.cash_gap = max(0, needed - held)
    for month, _v in result.window:
        for flag in flags.get(month, []):
            if flag.severity == "missing":
                result.caveats.append(_("{month}: {text}").format(month=label(month, "month"), text=flag.text))
    _project(result, left, current, settings, m)
    return result


def _project(result: Readiness, left: list[tuple[str, int]], current: str, settings: dict, m) -> None:
    n = int(settings["window_months"])
    history = left[-int(settings["trend_months"]):]
    if len(history) >= 2:
        slope, intercept = fit([v for _, v in history])
        result.trend = Trend([mo for mo, _v in history], [v for _m, v in history], slope, intercept)
    known = dict(left)
    grow = m(result.cash_gap)  # each sentence with the cash still to save is whole, for word order
    if result.ready:
        result.projected = current
        result.projection = _("Ready now: hire the {title}.").format(title=result.role["title"])
        return
    if all(c.ok for c in result.conditions if c.key != "cash"):
        result.projected = current
        result.projection = (_("Profit is ready now; the cash reserve must also grow by {amount}.").format(amount=grow)
                             if result.cash_gap else _("Profit is ready now."))
        return
    if result.trend is None:
        result.projection = _("Too few complete months for a trend yet.")
        return
    trend = result.trend
    rate = _("{amount} a month").format(amount=("+" if trend.slope >= 0 else "−") + m(abs(trend.slope)))
    if trend.slope <= 0:
        result.projection = _("Not at the current trend ({rate} over {count} months): profit is not rising.").format(
            rate=rate, count=len(trend.months))
        return
    end = step(current, "month", -1)
    for _step in range(int(settings["horizon_months"])):
        end = step(end, "month")
        window = [step(end, "month", -i) for i in range(n)]
        values = [known[w] if w < current and w in known else trend.at(w) for w in window]
        if all(w >= current or w in known for w in window) and min(values) >= max(result.target, 0):
            result.projected = step(end, "month")
            month = label(result.projected, "month")
            result.projection = (
                _("At the trend ({rate}), the last {n} months reach the hire line from {month}; the cash reserve "
                  "must also grow by {amount}.") if result.cash_gap else
                _("At the trend ({rate}), the last {n} months reach the hire line from {month}.")).format(
                rate=rate, n=n, month=month, amount=grow)
            return
    horizon = int(settings["horizon_months"])
    result.projection = (
        _("Not within {horizon} months at the current trend ({rate}); the cash reserve must also grow by {amount}.")
        if result.cash_gap else _("Not within {horizon} months at the current trend ({rate}).")).format(
        horizon=horizon, rate=rate, amount=grow)

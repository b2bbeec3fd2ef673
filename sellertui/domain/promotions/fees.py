"""What a promotion costs in Amazon fees: an effective-dated schedule per type and marketplace.

Amazon changes these fees, so they are data, not constants: the
schedule lives in the store (``promo_fees``), seeded with the US schedule below,
and the user can edit it. A fee entry says from when it applies, whether it is
for peak events (Prime Day, Prime Big Deal Days, Black Friday–Cyber Monday),
and its parts: a fixed amount, an amount per day, a share of the promotion's
sales (with an optional cap on that variable part) and an amount per
redemption. ``fee`` picks the entry in force on the promotion's start and adds
the parts up, with the working.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sellertui.core.i18n import N_, _, shown
from sellertui.core.errors import UserError
from sellertui.core.money import fmt

# the names are marked here and translated where they are shown
TYPES = {
    "lightning_deal": N_("Lightning Deal"),
    "best_deal": N_("Best Deal"),
    "coupon": N_("Coupon"),
    "prime_exclusive": N_("Prime Exclusive Discount"),
    "percent_off": N_("Percentage off"),
    "bogo": N_("Buy one, get one"),
}


def _entry(kind: str, start: str, peak: bool | None, note: str, **parts) -> dict:
    return {"type": kind, "marketplace": "US", "currency": "USD", "from": start, "peak": peak, "note": note,
            "fixed_minor": 0, "per_day_minor": 0, "sales_pct": 0.0, "variable_cap_minor": None,
            "per_redemption_minor": 0, **parts}


# The 2025 US schedule as Amazon published it, and what applied before it. Editable in the Promotions tab. The
# notes are stored in English and shown translated (a note the user wrote shows as written).
US_SCHEDULE: list[dict] = [
    _entry("lightning_deal", "2024-01-01", False, N_("before June 2025: flat fee per Lightning Deal"), fixed_minor=15000),
    _entry("lightning_deal", "2024-01-01", True, N_("before June 2025: peak events"), fixed_minor=50000),
    _entry("best_deal", "2024-01-01", False, N_("before June 2025: flat fee per 7-day deal"), fixed_minor=30000),
    _entry("best_deal", "2024-01-01", True, N_("before June 2025: peak events"), fixed_minor=100000),
    _entry("lightning_deal", "2025-06-02", False, N_("$70 a day + 1% of deal sales (variable part capped at $2,000)"),
           per_day_minor=7000, sales_pct=1.0, variable_cap_minor=200000),
    _entry("best_deal", "2025-06-02", False, N_("$70 a day + 1% of deal sales (variable part capped at $2,000)"),
           per_day_minor=7000, sales_pct=1.0, variable_cap_minor=200000),
    _entry("lightning_deal", "2025-06-02", True, N_("peak events: $500 per Lightning Deal"), fixed_minor=50000),
    _entry("best_deal", "2025-06-02", True, N_("peak events: $1,000 per Best Deal"), fixed_minor=100000),
    _entry("coupon", "2024-01-01", None, N_("before June 2025: $0.60 per redemption"), per_redemption_minor=60),
    _entry("coupon", "2025-06-02", None, N_("$5 + 2.5% of coupon sales"), fixed_minor=500, sales_pct=2.5),
    _entry("coupon", "2025-11-05", None, N_("$5 + 2.5% of coupon sales, the variable part capped at $2,000"),
           fixed_minor=500, sales_pct=2.5, variable_cap_minor=200000),
    _entry("prime_exclusive", "2024-01-01", True, N_("per promotion in events (Amazon quotes $50–$245)"), fixed_minor=5000),
    _entry("prime_exclusive", "2024-01-01", False, N_("no fee outside events")),
    _entry("percent_off", "2024-01-01", None, N_("no fee")),
    _entry("bogo", "2024-01-01", None, N_("no fee")),
]


def pick(schedule: list[dict], kind: str, marketplace: str, day: date | str, peak: bool) -> dict | None:
    """The entry in force on ``day`` for this type, market and (peak or not): the latest one started."""
    when = day.isoformat() if isinstance(day, date) else day[:10]
    candidates = [e for e in schedule
                  if e["type"] == kind and e.get("marketplace", "US") == marketplace and e["from"] <= when
                  and e.get("peak") in (None, peak)]
    if not candidates:
        return None
    # the latest start wins; at the same start, an entry for exactly this peak-ness beats "any"
    return max(candidates, key=lambda e: (e["from"], e.get("peak") is not None))


@dataclass
class Fee:
    minor: int | None
    currency: str
    working: list[str] = field(default_factory=list)


def fee(schedule: list[dict], kind: str, marketplace: str, start: date, days: int, peak: bool,
        sales_minor: int = 0, redemptions: int = 0) -> Fee:
    """Amazon's fee for one promotion: the parts of the entry in force on its start, added up."""
    if kind not in TYPES:
        raise UserError(_("unknown promotion type {kind!r}").format(kind=kind))
    entry = pick(schedule, kind, marketplace, start, peak)
    if entry is None:
        return Fee(None, "USD", [_("no {type} fee known for {marketplace} on {day}: add one to the fee table").format(
            type=shown(TYPES[kind]), marketplace=marketplace, day=start)])
    ccy = entry.get("currency", "USD")
    m = lambda v: fmt(v, ccy)  # noqa: E731
    heading = (_("{type}, {marketplace}, from {day} (peak event): {note}") if entry.get("peak") else
               _("{type}, {marketplace}, from {day}: {note}"))
    working = [heading.format(type=shown(TYPES[kind]), marketplace=marketplace, day=entry["from"],
                              note=shown(entry.get("note", "")))]
    total = entry.get("fixed_minor", 0)
    if total:
        working.append(_("fixed {amount}").format(amount=m(total)))
    if entry.get("per_day_minor"):
        part = entry["per_day_minor"] * days
        working.append(_("+ {amount} × {n} day(s) = {part}").format(
            amount=m(entry['per_day_minor']), n=days, part=m(part)))
        total += part
    if entry.get("sales_pct"):
        variable = round(sales_minor * entry["sales_pct"] / 100)
        line = _("+ {pct:g}% of {sales} sales = {fee}").format(pct=entry['sales_pct'], sales=m(sales_minor),
                                                                fee=m(variable))
        cap = entry.get("variable_cap_minor")
        if cap is not None and variable > cap:
            variable = cap
            line = _("{line}, capped at {cap}").format(line=line, cap=m(cap))
        working.append(line)
        total += variable
    if entry.get("per_redemption_minor"):
        part = entry["per_redemption_minor"] * redemptions
        working.append(_("+ {amount} × {n} redemption(s) = {part}").format(
            amount=m(entry['per_redemption_minor']), n=redemptions, part=m(part)))
        total += part
    working.append(f"= {m(total)}")
    return Fee(total, ccy, working)


def schedule(store) -> list[dict]:
    """The fee table: the user's entries if any were saved, else the seeded US schedule."""
    saved = store["promo_fees"].all()
    return saved if saved else [dict(e) for e in US_SCHEDULE]


def seed(store) -> int:
    """Write the seeded schedule into the store so the user can edit it (once)."""
    if store["promo_fees"].count():
        return 0
    with store.transaction("seeded the promotion fee table (2025 US schedule)") as tx:
        return tx["promo_fees"].insert_many(US_SCHEDULE)

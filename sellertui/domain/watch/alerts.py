"""The changes worth a look: a competitor's price cut, a lost Buy Box, a rank jump, a new coupon.

Each rule compares the newest snapshot that knows a figure with the newest
one before it that knows it too (a day with no price typed does not count as
"no price"), and only when the newer one is recent (``alert_days``): older
changes are history, shown in the chart, not alerts. Thresholds are in
``[watch]`` of config.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sellertui.core.i18n import N_, _
from sellertui.core.money import fmt
from sellertui.domain.watch.snapshots import latest_known

KINDS = {"price_cut": N_("price cut"), "lost_buybox": N_("lost Buy Box"), "rank_jump": N_("rank jump"),
         "new_coupon": N_("new coupon")}  # translated where shown


@dataclass(frozen=True)
class WatchSettings:
    price_cut_pct: float = 5.0
    rank_jump_pct: float = 30.0
    alert_days: int = 2

    @classmethod
    def from_section(cls, section: dict) -> "WatchSettings":
        return cls(float(section.get("price_cut_pct", 5.0)), float(section.get("rank_jump_pct", 30.0)),
                   max(1, int(section.get("alert_days", 2))))


@dataclass(frozen=True)
class Alert:
    kind: str  # one of KINDS
    marketplace: str
    asin: str
    label: str
    day: str  # the newer snapshot's day
    since: str  # the older snapshot's day
    text: str  # one sentence with the numbers

    @property
    def key(self) -> str:
        """Stable per change: a tick on Today holds for this alert, not for the ASIN's next one."""
        return f"watch:{self.kind}:{self.marketplace}|{self.asin}:{self.day}"

    def as_json(self) -> dict:
        return {"kind": self.kind, "day": self.day, "since": self.since, "text": self.text}


def _pair(history: list[dict], name: str, first_day: str) -> tuple[dict, dict] | None:
    newer = latest_known(history, name)
    if newer is None or newer["day"] < first_day:
        return None
    older = latest_known(history, name, before=newer["day"])
    return None if older is None else (older, newer)


def alerts_for(entry: dict, history: list[dict], settings: WatchSettings, today: date) -> list[Alert]:
    """The alerts of one watched ASIN (``history`` oldest first) as of ``today``."""
    first_day = (today - timedelta(days=settings.alert_days - 1)).isoformat()
    name = entry.get("label") or entry["asin"]
    own = bool(entry.get("own"))
    found: list[Alert] = []

    def alert(kind: str, pair: tuple[dict, dict], text: str) -> None:
        found.append(Alert(kind, entry["marketplace"], entry["asin"], name, pair[1]["day"], pair[0]["day"], text))

    pair = None if own else _pair(history, "price_minor", first_day)
    if pair is not None:
        before, after = pair[0]["price_minor"], pair[1]["price_minor"]
        cut = (before - after) / before * 100 if before else 0.0
        if cut >= settings.price_cut_pct:
            currency = pair[1].get("currency") or pair[0].get("currency") or "USD"
            alert("price_cut", pair, _("{name} cut its price {cut}%: {before} on {day} → {after}").format(
                name=name, cut=f"{cut:.0f}", before=fmt(before, currency), day=pair[0]["day"],
                after=fmt(after, currency)))
    pair = _pair(history, "buybox_mine", first_day) if own else None
    if pair is not None and pair[0]["buybox_mine"] and not pair[1]["buybox_mine"]:
        holder = pair[1].get("buybox_seller") or _("nobody")
        price = pair[1].get("buybox_price_minor")
        text = _("{name} lost the Buy Box: held by {holder} at {price} (yours on {day})") if price is not None \
            else _("{name} lost the Buy Box: held by {holder} (yours on {day})")
        alert("lost_buybox", pair, text.format(name=name, holder=holder, day=pair[0]["day"],
                                               price=fmt(price, pair[1].get("currency") or "USD") if price is not None
                                               else ""))
    pair = _pair(history, "rank", first_day)
    if pair is not None and pair[0]["rank"] and pair[1]["rank"]:
        before, after = pair[0]["rank"], pair[1]["rank"]
        moved = abs(after - before) / before * 100
        if moved >= settings.rank_jump_pct:
            text = _("{name} sales rank #{before} → #{after} ({moved}% better)") if after < before \
                else _("{name} sales rank #{before} → #{after} ({moved}% worse)")
            alert("rank_jump", pair, text.format(name=name, before=f"{before:,}", after=f"{after:,}",
                                                 moved=f"{moved:.0f}"))
    pair = None if own else _pair(history, "coupon", first_day)
    if pair is not None and not pair[0]["coupon"] and pair[1]["coupon"]:
        alert("new_coupon", pair, _("{name} has a new coupon: {coupon}").format(name=name, coupon=pair[1]["coupon"]))
    return found


def all_alerts(store, settings: WatchSettings, today: date) -> list[Alert]:
    """Every watched ASIN's alerts, reading only the snapshots the rules can compare."""
    from sellertui.domain.watch.snapshots import history_by_entry
    from sellertui.domain.watch.watchlist import entries

    histories = history_by_entry(store)
    return [a for e in entries(store) for a in alerts_for(e, histories.get(e["id"], []), settings, today)]

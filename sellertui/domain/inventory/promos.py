"""Planned promotions whose SKU will not have the stock for them.

A promotion that is still being planned (idea, submitted or approved) and has
not ended expects ``expected_units`` over all its SKUs; each SKU is expected to
sell an equal share. The stock forecast at the start is what is on hand now,
plus what open purchase orders are due to deliver by then, minus what sells at
the current velocity until the start. A share above that forecast is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PLANNED = ("idea", "submitted", "approved")


@dataclass(frozen=True)
class PromoShortfall:
    name: str
    start: str
    share: float  # units this SKU is expected to sell in the promotion
    forecast: float  # units it will have at the start
    on_hand: int
    arriving: int  # from open purchase orders due by the start
    selling: float  # units sold at the current pace until the start
    days_until: int

    def line(self) -> str:
        return (f"{self.name!s} from {self.start}: expects {self.share:,.0f} units; stock at the start "
                f"≈ {self.on_hand:,} on hand + {self.arriving:,} arriving − {self.selling:,.0f} sold in "
                f"{self.days_until} days = {self.forecast:,.0f}")


def planned_promotions(promotions: list[dict], today: date) -> list[dict]:
    today_text = today.isoformat()
    return [p for p in promotions
            if p.get("status") in PLANNED and str(p.get("end") or p.get("start") or "") >= today_text]


def arrivals_by(open_lines: list[tuple[str, int]], day: str) -> int:
    """Units from open PO lines [(expected on, units left)] due on or before ``day``."""
    return sum(units for expected, units in open_lines if expected and expected <= day)


def shortfalls(sku: str, promotions: list[dict], on_hand: int, velocity: float,
               open_lines: list[tuple[str, int]], today: date) -> list[PromoShortfall]:
    found = []
    for promo in promotions:
        skus = promo.get("skus") or []
        if sku not in skus or not promo.get("expected_units"):
            continue
        start = str(promo.get("start") or today.isoformat())[:10]
        days_until = max((date.fromisoformat(start) - today).days, 0)
        arriving = arrivals_by(open_lines, start)
        selling = velocity * days_until
        forecast = max(on_hand + arriving - selling, 0.0)
        share = float(promo["expected_units"]) / len(skus)
        if share > forecast:
            found.append(PromoShortfall(str(promo.get("name") or "a promotion"), start, share, forecast, on_hand,
                                        arriving, selling, days_until))
    return found

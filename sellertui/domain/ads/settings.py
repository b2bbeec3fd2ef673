"""The Ads thresholds as typed values (from the ``[ads]`` section of config.toml).

Percentages are typed as percents (10.0 for 10 %) because that is how people
say them; the rules work in fractions. Bid floor and ceiling are typed in the
shop's currency and used in minor units.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sellertui.core.i18n import N_, _
from sellertui.core.money import to_minor

LABELS = {
    "window_days": N_("window (days)"),
    "margin_to_keep_pct": N_("margin to keep %"),
    "fallback_target_acos_pct": N_("fallback target %"),
    "negate_min_clicks": N_("negate: min clicks"),
    "negate_clicks_per_order_factor": N_("× clicks per order"),
    "low_ctr_min_impressions": N_("low CTR: impressions"),
    "low_ctr_max_pct": N_("low CTR: max CTR %"),
    "harvest_min_orders": N_("harvest: min orders"),
    "bid_min_clicks": N_("bids: min clicks"),
    "bid_max_step_pct": N_("bids: max step %"),
    "bid_min_change_pct": N_("bids: min change %"),
    "bid_floor": N_("bid floor"),
    "bid_ceiling": N_("bid ceiling"),
    "overview_weeks": N_("overview weeks"),
}


@dataclass(frozen=True)
class AdsRules:
    window_days: int = 30
    margin_to_keep: float = 0.10
    fallback_target_acos: float = 0.25
    negate_min_clicks: int = 10
    negate_clicks_per_order_factor: float = 1.5
    low_ctr_min_impressions: int = 1000
    low_ctr_max: float = 0.0015
    harvest_min_orders: int = 2
    bid_min_clicks: int = 10
    bid_max_step: float = 0.25
    bid_min_change: float = 0.05
    bid_floor: float = 0.20  # major units of the row's currency
    bid_ceiling: float = 5.00
    overview_weeks: int = 12

    @classmethod
    def from_section(cls, values: dict[str, Any]) -> "AdsRules":
        from sellertui.config import SECTION_DEFAULTS

        v = {**SECTION_DEFAULTS["ads"], **values}
        return cls(
            window_days=int(v["window_days"]),
            margin_to_keep=float(v["margin_to_keep_pct"]) / 100,
            fallback_target_acos=float(v["fallback_target_acos_pct"]) / 100,
            negate_min_clicks=int(v["negate_min_clicks"]),
            negate_clicks_per_order_factor=float(v["negate_clicks_per_order_factor"]),
            low_ctr_min_impressions=int(v["low_ctr_min_impressions"]),
            low_ctr_max=float(v["low_ctr_max_pct"]) / 100,
            harvest_min_orders=int(v["harvest_min_orders"]),
            bid_min_clicks=int(v["bid_min_clicks"]),
            bid_max_step=float(v["bid_max_step_pct"]) / 100,
            bid_min_change=float(v["bid_min_change_pct"]) / 100,
            bid_floor=float(v["bid_floor"]),
            bid_ceiling=float(v["bid_ceiling"]),
            overview_weeks=int(v["overview_weeks"]),
        )

    def floor_minor(self, currency: str) -> int:
        return _minor(self.bid_floor, currency)

    def ceiling_minor(self, currency: str) -> int:
        return _minor(self.bid_ceiling, currency)


@lru_cache(maxsize=64)
def _minor(amount: float, currency: str) -> int:
    return to_minor(Decimal(str(amount)), currency)


def check_section(values: dict[str, Any]) -> dict[str, str]:
    """Cross-field and range checks for the settings form: {field: reason}."""
    errors: dict[str, str] = {}
    if values.get("window_days", 1) < 1 or values.get("window_days", 1) > 730:
        errors["window_days"] = _("between 1 and 730 days")
    for key in ("margin_to_keep_pct", "fallback_target_acos_pct", "low_ctr_max_pct", "bid_max_step_pct",
                "bid_min_change_pct"):
        if key in values and not 0 <= values[key] <= 100:
            errors[key] = _("a percentage from 0 to 100")
    for key in ("negate_min_clicks", "low_ctr_min_impressions", "harvest_min_orders", "bid_min_clicks"):
        if key in values and values[key] < 0:
            errors[key] = _("cannot be negative")
    if values.get("harvest_min_orders", 1) < 1:
        errors["harvest_min_orders"] = _("at least 1")
    if values.get("negate_clicks_per_order_factor", 1) <= 0:
        errors["negate_clicks_per_order_factor"] = _("more than 0")
    if values.get("bid_floor", 1) <= 0:
        errors["bid_floor"] = _("more than 0")
    if values.get("bid_ceiling", 1) < values.get("bid_floor", 0):
        errors["bid_ceiling"] = _("at least the bid floor")
    if not 1 <= values.get("overview_weeks", 12) <= 104:
        errors["overview_weeks"] = _("between 1 and 104 weeks")
    return errors

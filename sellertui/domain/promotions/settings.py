"""The ``[promotions]`` section of config.toml as one typed object.

Defaults live in ``sellertui.config.SECTION_DEFAULTS["promotions"]`` (the trade's usual values).
Percentages are typed as percents (10.0 for 10 %), as people say them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LABELS = {
    "deadline_warn_days": "warn days ahead",
    "event_lead_days": "event deals: lead",
    "event_lead_days_ideal": "event deals: ideal",
    "deal_lead_days": "other deals: lead",
    "deal_lead_days_ideal": "other deals: ideal",
    "min_margin_pct": "minimum margin %",
    "fba_days_before": "at FBA days before",
    "min_discount_lightning_deal": "event min: Lightning",
    "min_discount_best_deal": "event min: Best Deal",
    "min_discount_prime_exclusive": "event min: Prime Excl.",
    "min_discount_coupon": "event min: coupon",
    "baseline_days": "baseline days",
    "upcoming_days": "upcoming days (CLI)",
}

EVENT_MINIMUM_TYPES = ("lightning_deal", "best_deal", "prime_exclusive", "coupon")


@dataclass(frozen=True)
class PromoSettings:
    deadline_warn_days: int = 14
    event_lead_days: int = 42
    event_lead_days_ideal: int = 70
    deal_lead_days: int = 14
    deal_lead_days_ideal: int = 21
    min_margin_pct: float = 10.0
    fba_days_before: int = 7
    min_discounts: dict[str, float] = field(default_factory=lambda: {
        "lightning_deal": 20.0, "best_deal": 15.0, "prime_exclusive": 15.0, "coupon": 5.0})
    baseline_days: int = 28
    upcoming_days: int = 30

    @classmethod
    def from_section(cls, values: dict[str, Any] | None = None) -> "PromoSettings":
        from sellertui.config import SECTION_DEFAULTS

        v = {**SECTION_DEFAULTS["promotions"], **(values or {})}
        return cls(
            deadline_warn_days=int(v["deadline_warn_days"]),
            event_lead_days=int(v["event_lead_days"]),
            event_lead_days_ideal=int(v["event_lead_days_ideal"]),
            deal_lead_days=int(v["deal_lead_days"]),
            deal_lead_days_ideal=int(v["deal_lead_days_ideal"]),
            min_margin_pct=float(v["min_margin_pct"]),
            fba_days_before=int(v["fba_days_before"]),
            min_discounts={kind: float(v[f"min_discount_{kind}"]) for kind in EVENT_MINIMUM_TYPES},
            baseline_days=int(v["baseline_days"]),
            upcoming_days=int(v["upcoming_days"]),
        )


def check_section(values: dict[str, Any]) -> dict[str, str]:
    """Range and cross-field rules for the settings form: {field: reason}."""
    errors: dict[str, str] = {}
    for key in ("deadline_warn_days", "fba_days_before"):
        if not 0 <= values[key] <= 120:
            errors[key] = "between 0 and 120 days"
    for key in ("event_lead_days", "event_lead_days_ideal", "deal_lead_days", "deal_lead_days_ideal"):
        if not 0 <= values[key] <= 365:
            errors[key] = "between 0 and 365 days"
    if "event_lead_days_ideal" not in errors and values["event_lead_days_ideal"] < values["event_lead_days"]:
        errors["event_lead_days_ideal"] = "at least the event lead"
    if "deal_lead_days_ideal" not in errors and values["deal_lead_days_ideal"] < values["deal_lead_days"]:
        errors["deal_lead_days_ideal"] = "at least the deal lead"
    if not -100 < values["min_margin_pct"] < 100:
        errors["min_margin_pct"] = "between -100 and 100"
    for kind in EVENT_MINIMUM_TYPES:
        key = f"min_discount_{kind}"
        if not 0 <= values[key] < 100:
            errors[key] = "between 0 and 99"
    if not 7 <= values["baseline_days"] <= 365:
        errors["baseline_days"] = "between 7 and 365 days"
    if not 1 <= values["upcoming_days"] <= 730:
        errors["upcoming_days"] = "between 1 and 730 days"
    return errors

"""The ``[inventory]`` section of config.toml as one typed object.

Defaults live in ``sellertui.config.SECTION_DEFAULTS["inventory"]`` (the trade's usual values);
every threshold the tab uses is one of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sellertui.core.i18n import N_, _
from sellertui.domain.fields import FieldError
from sellertui.domain.inventory.seasonal import parse_factors

WINDOWS = (7, 30, 90)  # velocity windows, in days

LABELS = {
    "weight_7": N_("weight of 7 days"),
    "weight_30": N_("weight of 30 days"),
    "weight_90": N_("weight of 90 days"),
    "order_soon_days": N_("order soon margin"),
    "overstock_days": N_("overstock over (days)"),
    "low_inventory_days": N_("low-stock fee under"),
    "aged_days": N_("aged after (days)"),
    "default_lead_days": N_("default lead time"),
    "default_safety_days": N_("default safety days"),
    "default_hold_days": N_("default days to hold"),
    "seasonal_months": N_("shop-wide seasonal"),
}


@dataclass(frozen=True)
class InventorySettings:
    weights: tuple[float, float, float] = (0.5, 0.3, 0.2)  # for WINDOWS
    order_soon_days: int = 14
    overstock_days: int = 180
    low_inventory_days: int = 28
    aged_days: int = 181
    default_lead_days: int = 60
    default_safety_days: int = 14
    default_hold_days: int = 60
    seasonal_months: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_section(cls, section: dict[str, Any]) -> "InventorySettings":
        try:
            seasonal = parse_factors(str(section.get("seasonal_months", "")))
        except FieldError:
            seasonal = {}  # a bad value is reported by the settings form; never crash the tab
        return cls(
            weights=tuple(float(section.get(f"weight_{w}", d)) for w, d in zip(WINDOWS, cls.weights)),
            order_soon_days=int(section.get("order_soon_days", cls.order_soon_days)),
            overstock_days=int(section.get("overstock_days", cls.overstock_days)),
            low_inventory_days=int(section.get("low_inventory_days", cls.low_inventory_days)),
            aged_days=int(section.get("aged_days", cls.aged_days)),
            default_lead_days=int(section.get("default_lead_days", cls.default_lead_days)),
            default_safety_days=int(section.get("default_safety_days", cls.default_safety_days)),
            default_hold_days=int(section.get("default_hold_days", cls.default_hold_days)),
            seasonal_months=seasonal,
        )


def check_section(values: dict[str, Any]) -> dict[str, str]:
    """Cross-field and range rules for the settings form: {field: reason}."""
    errors: dict[str, str] = {}
    for w in WINDOWS:
        if values[f"weight_{w}"] < 0:
            errors[f"weight_{w}"] = _("cannot be negative")
    if not errors and sum(values[f"weight_{w}"] for w in WINDOWS) <= 0:
        errors["weight_7"] = _("at least one weight must be above 0")
    for key in ("order_soon_days", "low_inventory_days", "default_safety_days"):
        if not 0 <= values[key] <= 365:
            errors[key] = _("between 0 and 365 days")
    for key in ("overstock_days", "aged_days", "default_lead_days", "default_hold_days"):
        if not 1 <= values[key] <= 730:
            errors[key] = _("between 1 and 730 days")
    if values["default_lead_days"] > 365:
        errors["default_lead_days"] = _("between 1 and 365 days")
    return errors

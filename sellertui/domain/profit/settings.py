"""The [profit] settings: labels for the form, and what makes a set of them sensible."""

from __future__ import annotations

LABELS = {
    "window_months": "Months in a row",
    "buffer_pct": "Buffer %",
    "overhead_pct": "New role overhead %",
    "reserve_months": "Reserve (months)",
    "trend_months": "Trend over (months)",
    "horizon_months": "Look ahead (months)",
    "chart_months": "Chart (months, 0: all)",
    "subscription_monthly": "Subscription a month",
    "storage_rate": "Storage per ft³ Jan–Sep",
    "storage_rate_peak": "Storage per ft³ Oct–Dec",
    "default_cubic_feet": "Default ft³ per unit",
}


def check_section(values: dict) -> dict[str, str]:
    errors = {}
    if not 1 <= values["window_months"] <= 24:
        errors["window_months"] = "from 1 to 24 months"
    if not 0 <= values["buffer_pct"] <= 500:
        errors["buffer_pct"] = "from 0 to 500%"
    if not 0 <= values["overhead_pct"] <= 200:
        errors["overhead_pct"] = "from 0 to 200%"
    if not 0 <= values["reserve_months"] <= 36:
        errors["reserve_months"] = "from 0 to 36 months"
    if not 2 <= values["trend_months"] <= 36:
        errors["trend_months"] = "from 2 to 36 months (a line needs two points)"
    if not 1 <= values["horizon_months"] <= 120:
        errors["horizon_months"] = "from 1 to 120 months"
    if not 0 <= values.get("chart_months", 12) <= 240:
        errors["chart_months"] = "from 1 to 240 months, or 0 for all of them"
    for key, most in (("subscription_monthly", 10_000), ("storage_rate", 100), ("storage_rate_peak", 100),
                      ("default_cubic_feet", 1_000)):
        if not 0 <= values.get(key, 0) <= most:
            errors[key] = f"from 0 to {most:,}"
    return errors

"""The [profit] settings: labels for the form, and what makes a set of them sensible."""

from __future__ import annotations

from sellertui.core.i18n import N_, _

LABELS = {  # translated where shown
    "window_months": N_("Months in a row"),
    "buffer_pct": N_("Buffer %"),
    "overhead_pct": N_("New role overhead %"),
    "reserve_months": N_("Reserve (months)"),
    "trend_months": N_("Trend over (months)"),
    "horizon_months": N_("Look ahead (months)"),
    "chart_months": N_("Chart (months, 0: all)"),
    "subscription_monthly": N_("Subscription a month"),
    "storage_rate": N_("Storage per ft³ Jan–Sep"),
    "storage_rate_peak": N_("Storage per ft³ Oct–Dec"),
    "default_cubic_feet": N_("Default ft³ per unit"),
}


def check_section(values: dict) -> dict[str, str]:
    errors = {}
    if not 1 <= values["window_months"] <= 24:
        errors["window_months"] = _("from 1 to 24 months")
    if not 0 <= values["buffer_pct"] <= 500:
        errors["buffer_pct"] = _("from 0 to 500%")
    if not 0 <= values["overhead_pct"] <= 200:
        errors["overhead_pct"] = _("from 0 to 200%")
    if not 0 <= values["reserve_months"] <= 36:
        errors["reserve_months"] = _("from 0 to 36 months")
    if not 2 <= values["trend_months"] <= 36:
        errors["trend_months"] = _("from 2 to 36 months (a line needs two points)")
    if not 1 <= values["horizon_months"] <= 120:
        errors["horizon_months"] = _("from 1 to 120 months")
    if not 0 <= values.get("chart_months", 12) <= 240:
        errors["chart_months"] = _("from 1 to 240 months, or 0 for all of them")
    for key, most in (("subscription_monthly", 10_000), ("storage_rate", 100), ("storage_rate_peak", 100),
                      ("default_cubic_feet", 1_000)):
        if not 0 <= values.get(key, 0) <= most:
            errors[key] = _("from 0 to {most}").format(most=f"{most:,}")
    return errors

"""A report's totals as a person reads them in the summary and the preview (``--json`` keeps the keys).

Each total is one phrase with its value placed by the translation; a key no
kind names yet is shown as it is.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _

PHRASES = {
    "active": N_("active {value}"), "aged_surcharge": N_("aged_surcharge {value}"),
    "aged_units": N_("aged_units {value}"), "amount": N_("amount {value}"), "available": N_("available {value}"),
    "average": N_("average {value}"), "clicks": N_("clicks {value}"), "date": N_("date {value}"),
    "dates": N_("dates {value}"), "fba": N_("fba {value}"), "feedback": N_("feedback {value}"),
    "impressions": N_("impressions {value}"), "inbound": N_("inbound {value}"),
    "item_price": N_("item_price {value}"), "lines": N_("lines {value}"), "negative": N_("negative {value}"),
    "orders": N_("orders {value}"), "period": N_("period {value}"), "price_sum": N_("price_sum {value}"),
    "reviews": N_("reviews {value}"), "sales": N_("sales {value}"), "section": N_("section {value}"),
    "sessions": N_("sessions {value}"), "sku": N_("sku {value}"), "skus": N_("skus {value}"),
    "spend": N_("spend {value}"), "storage_next_month": N_("storage_next_month {value}"),
    "sum_of_amounts": N_("sum_of_amounts {value}"), "terms": N_("terms {value}"), "total": N_("total {value}"),
    "total_amount": N_("total_amount {value}"), "units": N_("units {value}"),
}


def shown_totals(totals: dict) -> str:
    """``lines 6, units 7, item_price 107.94`` in the language of the moment."""
    return _(", ").join(_(PHRASES[key]).format(value=value) if key in PHRASES else f"{key} {value}"
                        for key, value in totals.items())

"""Business Report, Detail Page Sales and Traffic by Child Item -> ``business_report``.

With or without the mobile-app/browser split, US title case or UK sentence case
with en dashes, with or without a SKU column. The report has no dates: the
period comes from ``--period`` or the file name. Key
``period_start..period_end|child asin|sku``. A child ASIN listed under two
parents (it happens when a listing moves) is one record: counts and sales are
added, the percentages recomputed from the sums.
"""

from __future__ import annotations

from sellertui.core.i18n import N_
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import Kind, Output, combine, main_currency, money_total, names, total

COUNTS = ("sessions", "sessions_b2b", "sessions_mobile", "sessions_browser", "page_views", "page_views_b2b",
          "page_views_mobile", "page_views_browser", "units_ordered", "units_ordered_b2b", "total_order_items",
          "total_order_items_b2b")
MONEY = ("ordered_sales_minor", "ordered_sales_b2b_minor")


def _count(field: str, *headers: str, required: bool = False):
    return col(field, *headers, parse="int", required=required, blank=0 if required else None)


class BusinessReport(Kind):
    name = "business-report"
    label = N_("a Business Report by child item")
    family = "business_report"
    collection = "business_report"
    needs_period = True
    signatures = (names("(child) asin", "units ordered", "ordered product sales"),)
    columns = (
        col("parent_asin", "(parent) asin", blank=""),
        col("child_asin", "(child) asin", required=True, blank=REQUIRED),
        col("title", "title", blank=""),
        col("sku", "sku", blank=""),
        _count("sessions", "sessions - total", "sessions", required=True),
        _count("sessions_b2b", "sessions - total - b2b", "sessions - b2b"),
        _count("sessions_mobile", "sessions - mobile app"),
        _count("sessions_browser", "sessions - browser"),
        _count("page_views", "page views - total", "page views", required=True),
        _count("page_views_b2b", "page views - total - b2b", "page views - b2b"),
        _count("page_views_mobile", "page views - mobile app"),
        _count("page_views_browser", "page views - browser"),
        col("buy_box_pct", "featured offer (buy box) percentage", "buy box percentage", parse="percent"),
        _count("units_ordered", "units ordered", required=True),
        _count("units_ordered_b2b", "units ordered - b2b"),
        col("unit_session_pct", "unit session percentage", parse="percent"),
        col("ordered_sales", "ordered product sales", parse="amount", required=True, blank=0),
        col("ordered_sales_b2b", "ordered product sales - b2b", parse="amount"),
        _count("total_order_items", "total order items"),
        _count("total_order_items_b2b", "total order items - b2b"),
    )

    def build(self, frame) -> Output:
        period = frame.period
        n = frame.n
        children, skus = frame.col("child_asin"), frame.col("sku")
        prefix = f"{period.start}..{period.end}"
        currency = frame.locale.currency
        columns = {
            "id": [f"{prefix}|{c}|{s}" for c, s in zip(children, skus)],
            "period_start": [period.start] * n, "period_end": [period.end] * n,
            "parent_asin": frame.col("parent_asin"), "child_asin": children, "sku": skus,
            "title": frame.col("title"),
            **{f: frame.col(f) for f in COUNTS},
            "buy_box_pct": frame.col("buy_box_pct"), "unit_session_pct": frame.col("unit_session_pct"),
            "ordered_sales_minor": frame.money("ordered_sales"),
            "ordered_sales_b2b_minor": frame.money("ordered_sales_b2b"),
            "currency": [currency] * n, "marketplace": [frame.locale.market.code] * n,
        }
        docs, merged = combine(frame.good(frame.records(columns)), (*COUNTS, *MONEY), fold_rates)
        return Output({"business_report": docs}, merged)

    def totals(self, output: Output, frame) -> dict:
        docs = output.records["business_report"]
        currency = main_currency(docs, frame.locale.currency)
        return {"units": total(docs, "units_ordered"), "sales": money_total(docs, "ordered_sales_minor", currency),
                "sessions": total(docs, "sessions")}


def fold_rates(first: dict, later: dict) -> None:
    """Two rows of one child ASIN: the buy-box share weighted by page views, units per session recomputed."""
    views = (first["page_views"] or 0, later["page_views"] or 0)
    if first["buy_box_pct"] is not None and later["buy_box_pct"] is not None and sum(views):
        first["buy_box_pct"] = round((first["buy_box_pct"] * views[0] + later["buy_box_pct"] * views[1])
                                     / sum(views), 2)
    sessions = (first["sessions"] or 0) + (later["sessions"] or 0)
    if first["unit_session_pct"] is not None and sessions:
        units = (first["units_ordered"] or 0) + (later["units_ordered"] or 0)
        first["unit_session_pct"] = round(units / sessions * 100, 2)

"""Products: what each advertised SKU/ASIN's ads cost and brought, from the advertised product reports."""

from __future__ import annotations

from sellertui.domain.ads.filtering import Field
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.ads.base import (
    BreakdownView, counting_notes, metric_columns, metric_fields, metric_rows, percent,
)


class ProductsView(BreakdownView):
    TITLE = "Products"
    KEY = "P"
    EMPTY = ("No advertised product rows in this window. Import an advertised product report (Sponsored Products "
             "or Display) with `sellertui import FILE` or i, or pick another window (w, shift+←/→).")
    FILTER_HELP = "words, or ad:sp|sd sku: asin: campaign: acos:>40 spend:>20 share:>10"
    COLUMNS = [
        Column("sku", "SKU", 14),
        Column("asin", "ASIN", 10),
        Column("ad_product", "Ad", 2),
        Column("campaign_label", "Campaign", 14),  # what tells the same SKU in two campaigns apart
        Column("spend_share", "Share", 6, "right", percent),
        *metric_columns(),
        Column("own_share", "Own", 5, "right", lambda v: "" if v != v else f"{v * 100:.0f}%"),
        Column("campaign", "Campaign (full name)", 30),
        Column("ad_group", "Ad group", 18),
    ]
    FIELDS = {"ad": Field("ad_product"), "sku": Field("sku"), "asin": Field("asin"), "campaign": Field("campaign"),
              "group": Field("ad_group"), "share": Field("spend_share", "percent"), **metric_fields()}
    WORDS = ["sku", "asin", "campaign", "ad_group"]
    NOUN = "products"
    KEYS = ("ad_product", "campaign", "ad_group", "sku", "asin")

    def breakdown(self, service, window):
        return service.products(window)

    def explain(self) -> None:
        from sellertui.core.money import fmt

        r = self.row()
        if r is None:
            return
        rows = [("SKU · ASIN", f"{r['sku'] or '—'} · {r['asin'] or '—'}"), ("Campaign", r["campaign"]),
                ("Ad group", r["ad_group"] or "—"), ("Ad product", r["ad_product"]), *metric_rows(r),
                ("Share of spend", f"its spend / the window's spend = {percent(r['spend_share']) or '—'}")]
        if r["own_sales_minor"] or r["other_sales_minor"]:
            rows.append(("Own · other SKUs", f"{fmt(int(r['own_sales_minor']), r['currency'])} · "
                                             f"{fmt(int(r['other_sales_minor']), r['currency'])} of the attributed "
                                             f"sales ({percent(r['own_share']) or '—'} the advertised SKU's own)"))
        self.app.push_screen(InfoScreen("Advertised product", rows, counting_notes(r["partial"])))

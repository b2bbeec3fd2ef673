"""Products: what each advertised SKU/ASIN's ads cost and brought, from the advertised product reports."""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.domain.ads.filtering import Field
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.ads.base import (
    BreakdownView, counting_notes, metric_columns, metric_fields, metric_rows, percent,
)


class ProductsView(BreakdownView):
    TITLE = N_("Products")
    KEY = "P"
    EMPTY = (N_("No advertised product rows in this window. Import an advertised product "
                "report (Sponsored Products or Display) with `sellertui import FILE` or i, or "
                "pick another window (w, shift+←/→)."))
    FILTER_HELP = N_("words, or ad:sp|sd sku: asin: campaign: acos:>40 spend:>20 share:>10")
    COLUMNS = [
        Column("sku", N_("SKU"), 14),
        Column("asin", N_("ASIN"), 10),
        Column("ad_product", N_("Ad"), 2),
        Column("campaign_label", N_("Campaign"), 14),  # what tells the same SKU in two campaigns apart
        Column("spend_share", N_("Share"), 6, "right", percent),
        *metric_columns(),
        Column("own_share", N_("Own"), 5, "right", lambda v: "" if v != v else f"{v * 100:.0f}%"),
        Column("campaign", N_("Campaign (full name)"), 30),
        Column("ad_group", N_("Ad group"), 18),
    ]
    FIELDS = {"ad": Field("ad_product"), "sku": Field("sku"), "asin": Field("asin"), "campaign": Field("campaign"),
              "group": Field("ad_group"), "share": Field("spend_share", N_("percent")), **metric_fields()}
    WORDS = ["sku", "asin", "campaign", "ad_group"]
    NOUN = N_("products")
    KEYS = ("ad_product", "campaign", "ad_group", "sku", "asin")

    def breakdown(self, service, window):
        return service.products(window)

    def explain(self) -> None:
        from sellertui.core.money import fmt

        r = self.row()
        if r is None:
            return
        rows = [(_("SKU · ASIN"), f"{r['sku'] or '—'} · {r['asin'] or '—'}"), (_("Campaign"), r["campaign"]),
                (_("Ad group"), r["ad_group"] or "—"), (_("Ad product"), r["ad_product"]), *metric_rows(r),
                (_("Share of spend"), _("its spend / the window's spend = {share}").format(
                    share=percent(r["spend_share"]) or "—"))]
        if r["own_sales_minor"] or r["other_sales_minor"]:
            rows.append((_("Own · other SKUs"), _("{own} · {other} of the attributed sales ({share} the advertised "
                                                  "SKU's own)").format(
                own=fmt(int(r["own_sales_minor"]), r["currency"]), other=fmt(int(r["other_sales_minor"]), r["currency"]),
                share=percent(r["own_share"]) or "—")))
        self.app.push_screen(InfoScreen(_("Advertised product"), rows, counting_notes(r["partial"])))

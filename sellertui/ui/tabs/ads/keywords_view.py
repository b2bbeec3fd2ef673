"""Keywords: the window's targets (keywords, product and audience targets) from the targeting reports."""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.domain.ads.filtering import Field
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.ads.base import BreakdownView, counting_notes, metric_columns, metric_fields, metric_rows


class KeywordsView(BreakdownView):
    TITLE = N_("Keywords")
    KEY = "K"
    EMPTY = (N_("No targeting rows in this window. Import a targeting report (Sponsored "
                "Products, Brands or Display) with `sellertui import FILE` or i, or pick "
                "another window (w, shift+←/→)."))
    FILTER_HELP = N_("words, or ad:sp|sb|sd campaign: group: match: clicks:>=10 acos:>40 spend:>20 "
                     "top:<10")
    COLUMNS = [
        Column("targeting", N_("Target"), 26),
        Column("ad_product", N_("Ad"), 2),
        Column("match_type", N_("Match"), 6),
        Column("campaign_label", N_("Campaign"), 14),  # what tells the same target in two campaigns apart
        *metric_columns(),
        Column("top_of_search", N_("Top IS"), 6, "right", lambda v: "" if v != v else f"{v:.1f}%"),
        Column("campaign", N_("Campaign (full name)"), 30),
        Column("ad_group", N_("Ad group"), 18),
        Column("attribution", N_("Attr"), 5),
    ]
    FIELDS = {"ad": Field("ad_product"), "campaign": Field("campaign"), "group": Field("ad_group"),
              "match": Field("match_type"), "target": Field("targeting"), "top": Field("top_of_search", N_("number")),
              **metric_fields()}
    WORDS = ["targeting", "campaign", "ad_group"]
    NOUN = N_("targets")
    KEYS = ("ad_product", "campaign", "ad_group", "match_type", "targeting")

    def breakdown(self, service, window):
        return service.keywords(window)

    def explain(self) -> None:
        r = self.row()
        if r is None:
            return
        rows = [(_("Target"), r["targeting"]), (_("Match type"), r["match_type"]), (_("Campaign"), r["campaign"]),
                (_("Ad group"), r["ad_group"] or "—"), (_("Ad product"), r["ad_product"]), *metric_rows(r)]
        if r["top_of_search"] == r["top_of_search"]:
            rows.append((_("Top-of-search IS"), _("{share}% (Amazon's, weighted by impressions)").format(
                share=f"{r['top_of_search']:.2f}")))
        if r["viewable_impressions"]:
            rows.append((_("Viewable impr."), f"{int(r['viewable_impressions']):,}"))
        if r["new_to_brand_orders"]:
            rows.append((_("New-to-brand"), _("{n} orders").format(n=f"{int(r['new_to_brand_orders']):,}")))
        self.app.push_screen(InfoScreen(_("Target"), rows, counting_notes(r["partial"])))

"""Search terms: every term × campaign × ad group × match type of the window (SP, SB; SD matched targets)."""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.domain.ads.filtering import Field
from sellertui.ui.tabs.ads.base import AdsView, counting_notes, metric_columns, metric_fields, metric_rows, window_line
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column


class TermsView(AdsView):
    TITLE = N_("Terms")
    KEY = "s"
    ROW_KEY = "row_key"
    EMPTY = (N_("No search-term rows in this window. Import a search term report (Sponsored "
                "Products or Brands), a bulk file or a Sponsored Display matched target report "
                "(`sellertui import FILE`), or pick another window (w, shift+←/→)."))
    FILTER_HELP = N_("words, or ad:sp|sb|sd campaign: group: match: clicks:>=10 orders:0 acos:>40 "
                     "spend:>20 asin:yes")
    COLUMNS = [
        Column("term", N_("Search term"), 24),
        Column("ad_product", N_("Ad"), 2),
        Column("match_type", N_("Match"), 6),
        Column("campaign_label", N_("Campaign"), 14),  # what tells the same term in two campaigns apart
        *metric_columns(),
        Column("campaign", N_("Campaign (full name)"), 30),
        Column("ad_group", N_("Ad group"), 18),
        Column("attribution", N_("Attr"), 5),
    ]
    FIELDS = {
        "ad": Field("ad_product"), "campaign": Field("campaign"), "group": Field("ad_group"),
        "match": Field("match_type"), "term": Field("term"), "source": Field("source"), "asin": Field("asin"),
        **metric_fields(),
    }
    WORDS = ["term", "campaign", "ad_group"]

    def compute(self, service, window):
        from sellertui.domain.ads.tables import terms_table

        view = service.terms(window)
        return terms_table(view.terms), view

    def show_summary(self, frame) -> None:
        view = self.extra
        self.summary(window_line(view.window, frame, _("terms"), view.rows, view.partial, view.superseded))

    def explain(self) -> None:
        position = self.table.current_position
        if position is None or self.table.frame is None:
            return
        r = self.table.frame.iloc[position]
        rows = [
            (_("Search term"), r["term"]), (_("Campaign"), r["campaign"]), (_("Ad group"), r["ad_group"]),
            (_("Match type"), r["match_type"]), (_("Targeting"), r["targeting"]), (_("Source"), r["source"]),
            (_("Ad product"), {"SP": _("Sponsored Products"), "SB": _("Sponsored Brands"),
                               "SD": _("Sponsored Display (the matched target is the term)")}.get(r["ad_product"], "")),
            *metric_rows(r),
            (_("Ids"), _("campaign {campaign}, ad group {ad_group}").format(
                campaign=r["campaign_id"] or "—", ad_group=r["ad_group_id"] or "—")),
        ]
        self.app.push_screen(InfoScreen(_("Search term"), rows, counting_notes(r["partial"])))

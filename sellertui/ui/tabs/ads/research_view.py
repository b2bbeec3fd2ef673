"""Research: Brand Analytics search terms, who wins them, the shop's share; a adds a term to the ads."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui.domain.ads.filtering import Field
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.ads.base import AdsView, count, edit_proposal


def share(value) -> str:
    return "" if value is None or value != value else f"{value:.1f}%"


def change(value) -> str:
    if value is None or value != value or not value:
        return ""
    return f"▲{int(value):,}" if value > 0 else f"▼{-int(value):,}"


class ResearchView(AdsView):
    TITLE = N_("Research")
    KEY = "B"
    ROW_KEY = "row_key"
    EMPTY = (N_("No keyword research yet. Import Brand Analytics Top Search Terms or Search "
                "Query Performance reports (`sellertui import FILE` or i)."))
    FILTER_HELP = N_("words, or rank:<10000 volume:>1000 own:<5 top3:>50 ads:exact|searched|none")
    COLUMNS = [
        Column("term", N_("Search term"), 26),
        Column("rank", N_("Rank"), 8, "right", count),
        Column("rank_change", "Δ", 7, "right", change, style=lambda v: "green" if v == v and v and v > 0 else None),
        Column("volume", N_("Volume"), 8, "right", count),
        Column("top_asin", N_("#1 ASIN"), 10),
        Column("top_click_share", N_("#1 clk"), 6, "right", share),
        Column("top3_click_share", N_("Top3 clk"), 8, "right", share),
        Column("top3_conversion_share", N_("Top3 cnv"), 8, "right", share),
        Column("own_impression_share", N_("Own imp"), 7, "right", share),
        Column("own_click_share", N_("Own clk"), 7, "right", share, style=lambda v: "bold" if v == v and v else None),
        Column("own_purchase_share", N_("Own buy"), 7, "right", share),
        Column("in_ads", N_("In ads"), 8, style=lambda v: "dim" if v else "bold yellow"),
        Column("period", N_("Period"), 22),
    ]
    FIELDS = {"term": Field("term"), "rank": Field("rank", N_("number")), "volume": Field("volume", N_("number")),
              "own": Field("own_click_share", N_("number")), "top3": Field("top3_click_share", N_("number")),
              "ads": Field("ads_state"), "asin": Field("top_asin")}
    WORDS = ["term", "top_asin"]
    BINDINGS = [Binding("a", "add_to_ads", N_("Add to ads"), id="ads.research_add")]

    def compute(self, service, window):
        from sellertui.domain.ads.campaigns import catalogue
        from sellertui.domain.ads.research import starting_bid
        from sellertui.domain.ads.tables import row_keys

        frame = service.research(window)
        frame["row_key"] = row_keys(frame, "term", "marketplace")  # a term per marketplace: the cursor follows it
        frame["ads_state"] = frame["in_ads"].replace("", "none")
        terms = service.aggregates(window).terms
        bid = starting_bid(terms, service.rules.floor_minor(service.currency))
        return frame, (window, catalogue(terms), bid, service.currency)

    def show_summary(self, frame) -> None:
        line = Text(_("{n:,} search terms").format(n=len(frame)), style="bold")
        if len(frame):
            fresh = int((frame["in_ads"] == "").sum())
            line.append(_(" · {fresh:,} not in the ads yet (a adds one as an exact keyword) · newest "
                          "period {max}").format(fresh=fresh, max=frame['period_end'].max()))
        self.summary(line)

    def action_add_to_ads(self) -> None:
        from sellertui.domain.ads.research import harvest_proposal

        r = self.row()
        if r is None:
            return
        if r["in_ads"] == "exact":
            self.notify(_("'{term}' is already an exact keyword in this window's ads.").format(term=r['term']), timeout=4)
            return
        window, campaigns, (bid, why), currency = self.extra
        p = harvest_proposal(r["term"], currency, bid, window.as_dict())
        edit_proposal(self, p, campaigns, N_("Approved adding '{term}' to {dest_campaign}: export it with b"),
                      bid_help=_("to start: {why}").format(why=why))

    def explain(self) -> None:
        r = self.row()
        if r is None:
            return
        rows = [(_("Search term"), r["term"]), (_("Period"), r["period"]),
                (_("Search frequency rank"), _("{rank} (1 = the most searched on Amazon)").format(
                    rank=count(r["rank"]) or "—")
                 + (", " + _("{change} since the period before").format(change=change(r["rank_change"]))
                    if change(r["rank_change"]) else "")),
                (_("Query volume"), _("{volume} searches (Search Query Performance)").format(
                    volume=count(r["volume"]) or "—"))]
        rows += [(_("#{i} clicked").format(i=i), _("{asin} · {clicks} of clicks · {purchases} of purchases · {title}")
                  .format(asin=c["asin"], clicks=share(c.get("click_share")), purchases=share(c.get("conversion_share")),
                          title=c.get("title", "")))
                 for i, c in enumerate(r["clicked"], start=1)]
        rows += [(_("Your share"), _("impressions {impressions} · clicks {clicks} · purchases {purchases}").format(
                    impressions=share(r["own_impression_share"]) or "—", clicks=share(r["own_click_share"]) or "—",
                    purchases=share(r["own_purchase_share"]) or "—") + (f" ({r['subjects']})" if r["subjects"] else "")),
                 (_("In the ads"), {"exact": _("an exact keyword already"),
                                    "searched": _("a search term with clicks, not an exact keyword yet")}.get(
                     r["in_ads"], _("not yet: a adds it as an exact keyword")))]
        self.app.push_screen(InfoScreen(_("Keyword research"), rows, [
            _("Your share = your ASINs' impressions, clicks or purchases ÷ the market's, from Search Query "
              "Performance; without it, the click share of your product among Top Search Terms' three.")]))

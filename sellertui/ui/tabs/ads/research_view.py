"""Research: Brand Analytics search terms, who wins them, the shop's share; a adds a term to the ads."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

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
    TITLE = "Research"
    KEY = "B"
    ROW_KEY = "row_key"
    EMPTY = ("No keyword research yet. Import Brand Analytics Top Search Terms or Search Query Performance "
             "reports (`sellertui import FILE` or i).")
    FILTER_HELP = "words, or rank:<10000 volume:>1000 own:<5 top3:>50 ads:exact|searched|none"
    COLUMNS = [
        Column("term", "Search term", 26),
        Column("rank", "Rank", 8, "right", count),
        Column("rank_change", "Δ", 7, "right", change, style=lambda v: "green" if v == v and v and v > 0 else None),
        Column("volume", "Volume", 8, "right", count),
        Column("top_asin", "#1 ASIN", 10),
        Column("top_click_share", "#1 clk", 6, "right", share),
        Column("top3_click_share", "Top3 clk", 8, "right", share),
        Column("top3_conversion_share", "Top3 cnv", 8, "right", share),
        Column("own_impression_share", "Own imp", 7, "right", share),
        Column("own_click_share", "Own clk", 7, "right", share, style=lambda v: "bold" if v == v and v else None),
        Column("own_purchase_share", "Own buy", 7, "right", share),
        Column("in_ads", "In ads", 8, style=lambda v: "dim" if v else "bold yellow"),
        Column("period", "Period", 22),
    ]
    FIELDS = {"term": Field("term"), "rank": Field("rank", "number"), "volume": Field("volume", "number"),
              "own": Field("own_click_share", "number"), "top3": Field("top3_click_share", "number"),
              "ads": Field("ads_state"), "asin": Field("top_asin")}
    WORDS = ["term", "top_asin"]
    BINDINGS = [Binding("a", "add_to_ads", "Add to ads", id="ads.research_add")]

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
        line = Text(f"{len(frame):,} search terms", style="bold")
        if len(frame):
            fresh = int((frame["in_ads"] == "").sum())
            line.append(f" · {fresh:,} not in the ads yet (a adds one as an exact keyword) · newest period "
                        f"{frame['period_end'].max()}")
        self.summary(line)

    def action_add_to_ads(self) -> None:
        from sellertui.domain.ads.research import harvest_proposal

        r = self.row()
        if r is None:
            return
        if r["in_ads"] == "exact":
            self.notify(f"'{r['term']}' is already an exact keyword in this window's ads.", timeout=4)
            return
        window, campaigns, (bid, why), currency = self.extra
        p = harvest_proposal(r["term"], currency, bid, window.as_dict())
        edit_proposal(self, p, campaigns, "Approved adding '{term}' to {dest_campaign}: export it with b",
                      bid_help=f"to start: {why}")

    def explain(self) -> None:
        r = self.row()
        if r is None:
            return
        rows = [("Search term", r["term"]), ("Period", r["period"]),
                ("Search frequency rank", f"{count(r['rank']) or '—'} (1 = the most searched on Amazon)"
                 + (f", {change(r['rank_change'])} since the period before" if change(r["rank_change"]) else "")),
                ("Query volume", f"{count(r['volume']) or '—'} searches (Search Query Performance)")]
        rows += [(f"#{i} clicked", f"{c['asin']} · {share(c.get('click_share'))} of clicks · "
                                   f"{share(c.get('conversion_share'))} of purchases · {c.get('title', '')}")
                 for i, c in enumerate(r["clicked"], start=1)]
        rows += [("Your share", f"impressions {share(r['own_impression_share']) or '—'} · clicks "
                                f"{share(r['own_click_share']) or '—'} · purchases "
                                f"{share(r['own_purchase_share']) or '—'}" + (f" ({r['subjects']})" if r["subjects"]
                                                                             else "")),
                 ("In the ads", {"exact": "an exact keyword already", "searched": "a search term with clicks, not an "
                                 "exact keyword yet"}.get(r["in_ads"], "not yet: a adds it as an exact keyword"))]
        self.app.push_screen(InfoScreen("Keyword research", rows, [
            "Your share = your ASINs' impressions, clicks or purchases ÷ the market's, from Search Query "
            "Performance; without it, the click share of your product among Top Search Terms' three."]))

"""Search terms: every term × campaign × ad group × match type of the window, with its ratios."""

from __future__ import annotations

from rich.text import Text

from sellertui.domain.ads.filtering import Field
from sellertui.ui.tabs.ads.base import AdsView, count, percent
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column


class TermsView(AdsView):
    TITLE = "Terms"
    KEY = "s"
    ROW_KEY = "row_key"
    EMPTY = ("No search-term rows in this window. Import a Sponsored Products search term report or a bulk file "
             "(`sellertui import FILE`), or pick another window (w, shift+←/→).")
    FILTER_HELP = "words, or campaign: group: match: clicks:>=10 orders:0 acos:>40 spend:>20 asin:yes"
    COLUMNS = [
        Column("term", "Search term", 24),
        Column("match_type", "Match", 6),
        Column("campaign_label", "Campaign", 14),  # what tells the same term in two campaigns apart
        Column("impressions", "Impr", 7, "right", count),
        Column("clicks", "Clicks", 6, "right", count),
        Column("ctr", "CTR", 6, "right", lambda v: percent(v) if v == v else "", sort_key="ctr"),
        Column("spend_text", "Spend", 9, "right", sort_key="spend_minor"),
        Column("cpc_text", "CPC", 6, "right", sort_key="cpc_minor"),
        Column("sales_text", "Sales", 9, "right", sort_key="sales_minor"),
        Column("orders", "Ord", 4, "right", count),
        Column("cvr", "CVR", 6, "right", percent),
        Column("acos", "ACoS", 6, "right", percent, style=lambda v: "bold" if v == v and v > 0.5 else None),
        Column("roas", "ROAS", 5, "right", lambda v: "" if v != v else f"{v:.1f}"),
        Column("campaign", "Campaign (full name)", 30),
        Column("ad_group", "Ad group", 18),
        Column("attribution", "Attr", 5),
    ]
    FIELDS = {
        "campaign": Field("campaign"), "group": Field("ad_group"), "match": Field("match_type"),
        "term": Field("term"), "source": Field("source"), "asin": Field("asin"),
        "clicks": Field("clicks", "number"), "orders": Field("orders", "number"),
        "impr": Field("impressions", "number"), "spend": Field("spend_minor", "money"),
        "sales": Field("sales_minor", "money"), "acos": Field("acos", "percent"), "ctr": Field("ctr", "percent"),
        "cvr": Field("cvr", "percent"),
    }
    WORDS = ["term", "campaign", "ad_group"]

    def compute(self, service, window):
        from sellertui.domain.ads.tables import terms_table

        view = service.terms(window)
        return terms_table(view.terms), view

    def show_summary(self, frame) -> None:
        from sellertui.domain.ads.metrics import pct, ratio
        from sellertui.core.money import fmt

        view = self.extra
        line = Text(no_wrap=False)
        line.append(f"{view.window.label}", style="bold")
        if not len(frame):
            self.summary(line)
            return
        currency = str(frame["currency"].mode().iloc[0])
        same = frame[frame["currency"] == currency]
        spend, sales = int(same["spend_minor"].sum()), int(same["sales_minor"].sum())
        clicks, orders = int(same["clicks"].sum()), int(same["orders"].sum())
        line.append(f" · {len(frame):,} terms from {view.rows:,} rows · spend {fmt(spend, currency)} · "
                    f"sales {fmt(sales, currency)} · ACoS {pct(ratio(spend, sales)) or '—'} · {clicks:,} clicks · "
                    f"{orders:,} orders")
        if view.left_out:
            line.append(f"\n{view.left_out:,} rows span past the window's ends and are left out (W: custom window)",
                        style="italic")
        self.summary(line)

    def explain(self) -> None:
        from sellertui.domain.ads.metrics import pct
        from sellertui.core.money import fmt

        position = self.table.current_position
        if position is None or self.table.frame is None:
            return
        r = self.table.frame.iloc[position]
        m = lambda v: fmt(int(v), r["currency"])  # noqa: E731
        rows = [
            ("Search term", r["term"]), ("Campaign", r["campaign"]), ("Ad group", r["ad_group"]),
            ("Match type", r["match_type"]), ("Targeting", r["targeting"]), ("Source", r["source"]),
            ("Days", f"{r['first_day']} – {r['last_day']} ({r['attribution']} attribution)"),
            ("Impressions", f"{r['impressions']:,}"), ("Clicks", f"{r['clicks']:,}"),
            ("CTR", f"clicks / impressions = {pct(r['ctr'], 2) or 'blank (no impressions)'}"),
            ("Spend", m(r["spend_minor"])),
            ("CPC", f"spend / clicks = {fmt(round(r['cpc_minor']), r['currency']) if r['cpc_minor'] == r['cpc_minor'] else 'blank (no clicks)'}"),
            ("Sales", m(r["sales_minor"])), ("Orders", f"{r['orders']:,} ({r['units']:,} units)"),
            ("CVR", f"orders / clicks = {pct(r['cvr']) or 'blank (no clicks)'}"),
            ("ACoS", f"spend / sales = {pct(r['acos']) or 'blank (no sales)'}"),
            ("ROAS", f"sales / spend = {r['roas']:.2f}" if r["roas"] == r["roas"] else "blank (no spend)"),
            ("Ids", f"campaign {r['campaign_id'] or '—'}, ad group {r['ad_group_id'] or '—'}"),
        ]
        self.app.push_screen(InfoScreen("Search term", rows))

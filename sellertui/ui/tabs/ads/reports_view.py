"""Reports: every imported ads report, newest first, and how many of its days newer reports also cover."""

from __future__ import annotations

from rich.text import Text

from sellertui.domain.ads.filtering import Field
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.ads.base import AdsView, count


class ReportsView(AdsView):
    TITLE = "Reports"
    KEY = "I"
    EMPTY = "No ads reports imported yet: i imports one (search terms, targeting, advertised products; SP, SB, SD)."
    FILTER_HELP = "words, or what: layout:daily|summary market: covered:>0"
    COLUMNS = [
        Column("what", "Report", 24),
        Column("marketplace", "Mkt", 3),
        Column("first", "First day", 10),
        Column("last", "Last day", 10),
        Column("days", "Days", 4, "right", count),
        Column("layout", "Layout", 7),
        Column("attribution_days", "Attr", 4, "right", lambda v: f"{v}d" if v == v and v else ""),
        Column("rows", "Rows", 6, "right", count),
        Column("spend_text", "Spend", 10, "right", sort_key="spend_minor"),
        Column("covered", "Newer", 5, "right", lambda v: f"{int(v)}d" if v else "",
               style=lambda v: "yellow" if v else None),
        Column("imported", "Imported", 10),
        Column("file", "File", 30),
    ]
    FIELDS = {"what": Field("what"), "layout": Field("layout"), "market": Field("marketplace"),
              "covered": Field("covered", "number"), "file": Field("file")}
    WORDS = ["what", "file", "label"]

    def compute(self, service, window):
        from sellertui.domain.ads.tables import money_texts

        frame = service.reports()
        frame["spend_text"] = money_texts(frame.assign(currency=frame["currency"].fillna("USD")), "spend_minor")
        frame["imported"] = frame["imported_at"].str.slice(0, 10)
        return frame, None

    def show_summary(self, frame) -> None:
        line = Text(f"{len(frame):,} ads reports", style="bold")
        overlapped = int((frame["covered"] > 0).sum()) if len(frame) else 0
        if overlapped:
            line.append(f" · {overlapped:,} share days with newer ones: there the newer report counts (enter: how)")
        self.summary(line)

    def explain(self) -> None:
        position = self.table.current_position
        if position is None or self.table.frame is None:
            return
        r = self.table.frame.iloc[position]
        rows = [("Report", f"{r['label'] or r['what']}"), ("Marketplace", r["marketplace"] or "—"),
                ("Days", f"{r['first']} – {r['last']} ({r['days']} days, {r['layout']})"),
                ("Attribution", f"{r['attribution_days']}-day"), ("Rows", f"{int(r['rows'] or 0):,}"),
                ("Spend", r["spend_text"]), ("File", r["file"] or "—"), ("First imported", r["imported_at"] or "—"),
                ("Newer reports", f"cover {int(r['covered'])} of its days" if r["covered"] else "cover none of its days")]
        self.app.push_screen(InfoScreen("Ads report", rows, [
            "Every figure counts each search term (or target, or product) once a day: where two reports of the "
            "same kind hold it on the same day, the one whose days end later counts (on the same last day, the one "
            "imported first later). A summary row is spread evenly over its days, to the cent.",
            "Importing the same report again (same kind, marketplace, days, layout and attribution) replaces its "
            "rows with the new download's."]))

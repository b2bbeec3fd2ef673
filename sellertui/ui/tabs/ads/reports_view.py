"""Reports: every imported ads report, newest first, and how many of its days newer reports also cover."""

from __future__ import annotations

from rich.text import Text

from sellertui.core.i18n import N_, _, shown
from sellertui.domain.ads.filtering import Field
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.ads.base import AdsView, count


class ReportsView(AdsView):
    TITLE = N_("Reports")
    KEY = "I"
    EMPTY = N_("No ads reports imported yet: i imports one (search terms, targeting, "
               "advertised products; SP, SB, SD).")
    FILTER_HELP = N_("words, or what: layout:daily|summary market: covered:>0")
    COLUMNS = [
        Column("what", N_("Report"), 24),
        Column("marketplace", N_("Mkt"), 3),
        Column("first", N_("First day"), 10),
        Column("last", N_("Last day"), 10),
        Column("days", N_("Days"), 4, "right", count),
        Column("layout", N_("Layout"), 7, fmt=shown),
        Column("attribution_days", N_("Attr"), 4, "right", lambda v: f"{v}d" if v == v and v else ""),
        Column("rows", N_("Rows"), 6, "right", count),
        Column("spend_text", N_("Spend"), 10, "right", sort_key="spend_minor"),
        Column("covered", N_("Newer"), 5, "right", lambda v: f"{int(v)}d" if v else "",
               style=lambda v: "yellow" if v else None),
        Column("imported", N_("Imported"), 10),
        Column("file", N_("File"), 30),
    ]
    FIELDS = {"what": Field("what"), "layout": Field("layout"), "market": Field("marketplace"),
              "covered": Field("covered", N_("number")), "file": Field("file")}
    WORDS = ["what", "file", "label"]

    def compute(self, service, window):
        from sellertui.domain.ads.tables import money_texts

        frame = service.reports()
        frame["spend_text"] = money_texts(frame.assign(currency=frame["currency"].fillna("USD")), "spend_minor")
        frame["imported"] = frame["imported_at"].str.slice(0, 10)
        return frame, None

    def show_summary(self, frame) -> None:
        line = Text(_("{n:,} ads reports").format(n=len(frame)), style="bold")
        overlapped = int((frame["covered"] > 0).sum()) if len(frame) else 0
        if overlapped:
            line.append(_(" · {overlapped:,} share days with newer ones: there the newer report counts "
                          "(enter: how)").format(overlapped=overlapped))
        self.summary(line)

    def explain(self) -> None:
        position = self.table.current_position
        if position is None or self.table.frame is None:
            return
        r = self.table.frame.iloc[position]
        rows = [(_("Report"), f"{r['label'] or r['what']}"), (_("Marketplace"), r["marketplace"] or "—"),
                (_("Days"), _("{first} – {last} ({days} days, {layout})").format(
                    first=r["first"], last=r["last"], days=r["days"], layout=shown(r["layout"]))),
                (_("Attribution"), _("{days}-day").format(days=r["attribution_days"])), (_("Rows"), f"{int(r['rows'] or 0):,}"),
                (_("Spend"), r["spend_text"]), (_("File"), r["file"] or "—"), (_("First imported"), r["imported_at"] or "—"),
                (_("Newer reports"), _("cover {n} of its days").format(n=int(r["covered"])) if r["covered"]
                 else _("cover none of its days"))]
        self.app.push_screen(InfoScreen(_("Ads report"), rows, [
            _("Every figure counts each search term (or target, or product) once a day: where two reports of the "
              "same kind hold it on the same day, the one whose days end later counts (on the same last day, the one "
              "imported first later). A summary row is spread evenly over its days, to the cent."),
            _("Importing the same report again (same kind, marketplace, days, layout and attribution) replaces its "
              "rows with the new download's.")]))

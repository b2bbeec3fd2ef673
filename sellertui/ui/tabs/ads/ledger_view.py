"""Ledger: every decided term with its date and the numbers at the time; flags, undo."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui.domain.ads.filtering import Field
from sellertui.ui.tabs.ads.base import DECIDED, AdsView, numbers, percent
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column

STATUS_STYLE = {"approved": "bold green", "exported": "", "rejected": "dim"}


class LedgerView(AdsView):
    TITLE = "Ledger"
    KEY = "L"
    EMPTY = "No decisions yet: approve or reject proposals (p) and export them (b)."
    FILTER_HELP = "words, or status:approved|exported|rejected kind: flag:converted by:"
    COLUMNS = [
        Column("day", "Decided", 10),
        Column("status", "Status", 8, style=lambda v: STATUS_STYLE.get(v)),
        Column("action", "Action", 14),
        Column("term", "Term", 20),
        Column("flag", "Since then", 30, style=lambda v: "bold yellow" if v else None),
        *numbers(),
        Column("campaign", "Campaign", 22),
        Column("ad_group", "Ad group", 18),
        Column("change", "Change", 16),
        Column("decided_by", "By", 8),
    ]
    FIELDS = {"status": Field("status"), "kind": Field("kind"), "flag": Field("flag"), "by": Field("decided_by"),
              "campaign": Field("campaign"), "term": Field("term"), "clicks": Field("clicks", "number")}
    WORDS = ["term", "campaign", "ad_group", "action", "flag"]
    BINDINGS = [Binding("u", "undo", "Undo", id="ads.undo")]

    def compute(self, service, window):
        from sellertui.domain.ads.tables import ledger_table

        return ledger_table(service.ledger()), None

    def show_summary(self, frame) -> None:
        counts = {s: int((frame["status"] == s).sum()) for s in ("approved", "exported", "rejected")}
        flagged = int((frame["flag"] != "").sum())
        line = Text(f"{counts['exported']} exported · {counts['approved']} approved (to export) · "
                    f"{counts['rejected']} rejected", style="bold")
        if flagged:
            line.append(f" · {flagged} negated term(s) sold elsewhere since", style="bold yellow")
        line.append(" · u undoes an approval or a rejection")
        self.summary(line)

    def action_undo(self) -> None:
        from sellertui.domain.ads import decisions

        frame = self.table.frame
        if frame is None:
            return
        chosen = [frame.iloc[i] for i in self.positions()]
        undoable = [(r["id"], r["_rev"]) for r in chosen if r["status"] in ("approved", "rejected")]
        if not undoable:
            self.notify("Exported changes live in Amazon: change them back there (or with a new proposal).",
                        timeout=5)
            return
        refs = [(i, int(r)) for i, r in undoable]
        self.save(lambda store: decisions.undo(store, refs), lambda outcome: outcome.summary("Undid"), DECIDED)

    def explain(self) -> None:
        from sellertui.core.money import fmt

        frame = self.table.frame
        position = self.table.current_position
        if frame is None or position is None:
            return
        r = frame.iloc[position]
        m = lambda v: fmt(int(v), r["currency"])  # noqa: E731
        rows = [("Decided", f"{r['decided_at']} by {r['decided_by']}"), ("Status", r["status"]),
                ("Change", f"{r['action']} '{r['term']}' in {r['campaign']} › {r['ad_group']}"),
                ("Numbers then", f"{r['impressions']:,} impressions, {r['clicks']:,} clicks, {m(r['spend_minor'])} "
                                 f"spend, {r['orders']} orders, {m(r['sales_minor'])} sales, "
                                 f"ACoS {percent(r['acos']) or 'blank'}, target {percent(r['target_acos'])}")]
        if r["exported_at"]:
            rows.append(("Exported", f"{r['exported_at']} to {r['export_file']}"))
        if r["flag"]:
            rows.append(("Since then", r["flag"]))
        self.app.push_screen(InfoScreen("Ledger entry", rows, [r["reason"] or ""]))

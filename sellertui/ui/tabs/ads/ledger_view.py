"""Ledger: every decided term with its date and the numbers at the time; flags, undo."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _, shown
from sellertui.domain.ads.filtering import Field
from sellertui.ui.tabs.ads.base import DECIDED, AdsView, numbers, percent
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column

STATUS_STYLE = {"approved": "bold green", "exported": "", "rejected": "dim", "applied": "", "failed": "bold red",
                "undone": "dim"}
BY_API = ("applied", "failed")  # sent through the Ads API: taken back by the reverse change
AMAZON = Column("amazon", N_("Amazon"), 22, style=lambda v: "bold red" if v.startswith(("refused", "not")) else None)


class LedgerView(AdsView):
    TITLE = N_("Ledger")
    KEY = "L"
    EMPTY = N_("No decisions yet: approve or reject proposals (p) and export them (b).")
    FILTER_HELP = N_("words, or status:approved|exported|applied|failed|rejected kind: "
                     "flag:converted by:")
    COLUMNS = [
        Column("day", N_("Decided"), 10),
        Column("status", N_("Status"), 8, fmt=shown, style=lambda v: STATUS_STYLE.get(v)),
        Column("action", N_("Action"), 14, fmt=shown),
        Column("term", N_("Term"), 20),
        Column("flag", N_("Since then"), 30, style=lambda v: "bold yellow" if v else None),
        *numbers(),
        Column("campaign", N_("Campaign"), 22),
        Column("ad_group", N_("Ad group"), 18),
        Column("change", N_("Change"), 16),
        Column("decided_by", N_("By"), 8),
    ]
    FIELDS = {"status": Field("status"), "kind": Field("kind"), "flag": Field("flag"), "by": Field("decided_by"),
              "campaign": Field("campaign"), "term": Field("term"), "clicks": Field("clicks", N_("number"))}
    WORDS = ["term", "campaign", "ad_group", "action", "flag"]
    BINDINGS = [Binding("u", "undo", N_("Undo"), id="ads.undo"),  # U: named in the summary once something was sent
                Binding("U", "take_back", N_("Take back by API"), show=False, id="ads.take_back")]

    def compute(self, service, window):
        from sellertui.domain.ads.tables import ledger_table

        return ledger_table(service.ledger()), None

    def show_loaded(self, loaded) -> None:
        frame = loaded[1]
        sent = frame is not None and bool((frame["amazon"] != "").any())
        self.table.columns = [*self.COLUMNS[:4], AMAZON, *self.COLUMNS[4:]] if sent else self.COLUMNS
        super().show_loaded(loaded)  # what Amazon made of each change, once any went through the Ads API

    def show_summary(self, frame) -> None:
        counts = {s: int((frame["status"] == s).sum()) for s in ("approved", "exported", "rejected")}
        flagged = int((frame["flag"] != "").sum())
        line = Text(_("{exported} exported · {approved} approved (to export) · {rejected} rejected")
                        .format(exported=counts['exported'], approved=counts['approved'], rejected=counts['rejected']), style="bold")
        sent = {s: int((frame["status"] == s).sum()) for s in BY_API}
        if sent["applied"]:
            line.append(_(" · {applied} applied by API").format(applied=sent['applied']), style="bold")
        if sent["failed"]:
            line.append(_(" · {failed} refused in part by Amazon (i: why)").format(failed=sent['failed']), style="bold red")
        if flagged:
            line.append(_(" · {flagged} negated term(s) sold elsewhere since").format(flagged=flagged), style="bold yellow")
        line.append(" · " + _("u undoes an approval or a rejection")
                    + (" · " + _("U takes one back by API") if sum(sent.values()) else ""))
        self.summary(line)

    def action_undo(self) -> None:
        from sellertui.domain.ads import decisions

        frame = self.table.frame
        if frame is None:
            return
        chosen = [frame.iloc[i] for i in self.positions()]
        undoable = [(r["id"], r["_rev"]) for r in chosen if r["status"] in ("approved", "rejected")]
        if not undoable:
            by_api = any(r["status"] in BY_API for r in chosen)
            self.notify(_("Sent through the Ads API: U takes it back by the reverse change (a dry run "
                          "first).") if by_api
                        else _("Exported changes live in Amazon: change them back there (or with a new "
                               "proposal)."),
                        timeout=5)
            return
        refs = [(i, int(r)) for i, r in undoable]
        self.save(lambda store: decisions.undo(store, refs), lambda outcome: outcome.summary(_("Undid {n}")), DECIDED)

    def action_take_back(self) -> None:
        frame = self.table.frame
        if frame is None:
            return
        by_api = [frame.iloc[i]["id"] for i in self.positions() if frame.iloc[i]["status"] in BY_API]
        if not by_api:
            self.notify(_("U takes back changes applied through the Ads API (status applied or failed): "
                          "pick one."),
                        timeout=5)
            return
        self.area.take_back(by_api)  # the reverse change, after its dry run

    def explain(self) -> None:
        from sellertui.core.money import fmt

        frame = self.table.frame
        position = self.table.current_position
        if frame is None or position is None:
            return
        r = frame.iloc[position]
        m = lambda v: fmt(int(v), r["currency"])  # noqa: E731
        rows = [(_("Decided"), _("{when} by {who}").format(when=r["decided_at"], who=r["decided_by"])),
                (_("Status"), shown(r["status"])),
                (_("Change"), _("{action} '{term}' in {campaign} › {ad_group}").format(
                    action=shown(r["action"]), term=r["term"], campaign=r["campaign"], ad_group=r["ad_group"])),
                (_("Numbers then"), _("{impressions} impressions, {clicks} clicks, {spend} spend, {orders} orders, "
                                      "{sales} sales, ACoS {acos}, target {target}").format(
                    impressions=f"{r['impressions']:,}", clicks=f"{r['clicks']:,}", spend=m(r["spend_minor"]),
                    orders=r["orders"], sales=m(r["sales_minor"]), acos=percent(r["acos"]) or _("blank"),
                    target=percent(r["target_acos"])))]
        if r["exported_at"]:
            rows.append((_("Exported"), _("{when} to {file}").format(when=r["exported_at"], file=r["export_file"])))
        if r["applied_at"] or r["status"] in BY_API:
            rows.append((_("Ads API"), r["applied_at"] and _("applied {when}").format(when=r["applied_at"])
                         or _("refused in part")))
        for entry in r["api"] if isinstance(r["api"], list) else []:
            outcome = _("Amazon refused it: {error}").format(error=entry["error"]) \
                if entry.get("error") and not entry.get("id") else \
                f"id {entry.get('id')}" + (_(" (taken back)") if entry.get("reverted_at") else "")
            rows.append(("  " + _("sent"), f"{entry.get('what')}: {outcome}"))
        if r["undone_at"]:
            rows.append((_("Taken back"), str(r["undone_at"])))
        if r["flag"]:
            rows.append((_("Since then"), r["flag"]))
        self.app.push_screen(InfoScreen(_("Ledger entry"), rows, [r["reason"] or ""]))

"""Proposals: what the rules suggest, each with its reason; approve, edit, reject, undo."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from sellertui.core.i18n import N_, _, shown
from sellertui.domain.ads.filtering import Field
from sellertui.ui.tabs.ads.base import DECIDED, AdsView, edit_proposal, numbers
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.safe import plain, text
from sellertui.ui.kit.table import Column


class ProposalsView(AdsView):
    TITLE = N_("Proposals")
    KEY = "p"
    ROW_KEY = "row_key"
    EMPTY = N_("No proposals for this window: nothing crosses a threshold (S shows them), or "
               "all are decided.")
    FILTER_HELP = N_("words, or kind:negate|harvest|bid status:approved rule:spend campaign: "
                     "clicks:>=20 acos:>50")
    DEFAULT_CSS = """
    ProposalsView > #proposals-why { height: auto; max-height: 4; padding: 0 1; background: $panel; }
    """
    COLUMNS = [
        Column("mark", "", 1, style=lambda v: "bold green" if v == "✓" else None),
        Column("action", N_("Action"), 15, fmt=shown),
        Column("term", N_("Term"), 19),  # with the campaign's label, ACoS stays on screen at 80 columns
        Column("campaign_label", N_("Campaign"), 12),  # what tells the same term in two campaigns apart
        *numbers(),
        Column("change", N_("Change"), 14),
        Column("campaign", N_("Campaign (full name)"), 30),
        Column("ad_group", N_("Ad group"), 18),
        Column("rules", N_("Rules"), 22),
    ]
    FIELDS = {
        "kind": Field("kind"), "status": Field("status"), "rule": Field("rules"), "action": Field("action"),
        "campaign": Field("campaign"), "group": Field("ad_group"), "term": Field("term"), "match": Field("match_type"),
        "clicks": Field("clicks", N_("number")), "orders": Field("orders", N_("number")),
        "spend": Field("spend_minor", N_("money")), "acos": Field("acos", N_("percent")),
    }
    WORDS = ["term", "campaign", "ad_group", "action"]
    BINDINGS = [
        Binding("a", "approve", N_("Approve"), id="ads.approve"),
        Binding("x", "reject", N_("Reject"), id="ads.reject"),
        Binding("e", "edit", N_("Edit"), id="ads.edit"),
        Binding("u", "undo", N_("Undo"), id="ads.undo"),
    ]

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Static(id="proposals-why")

    def compute(self, service, window):
        from sellertui.domain.ads.tables import proposals_table

        found = service.proposals(window)
        return proposals_table(found.proposals), found

    def show_summary(self, frame) -> None:
        found = self.extra
        kinds = {k: int((frame["kind"] == k).sum()) for k in ("negate", "harvest", "bid")}
        waiting = int((frame["status"] == "approved").sum())
        line = Text(f"{found.window.label}", style="bold", no_wrap=False)
        line.append(_(" · {n} proposals: {negate} negate, {harvest} harvest, {bid} bid · ")
                        .format(n=len(frame), negate=kinds['negate'], harvest=kinds['harvest'], bid=kinds['bid']))
        line.append(_("{waiting} approved, waiting for export (b)").format(waiting=waiting), style="bold green" if waiting else "")
        self.summary(line)

    def on_frame_table_row_highlighted(self, event) -> None:
        why = self.query_one("#proposals-why", Static)
        p = self.proposal(event.position)
        if p is None:
            why.update("")
            return
        line = text(p.reason)
        if p.status == "approved":
            line = Text.assemble((_("approved by {who}").format(who=plain(p.action_id and self._by(p))), "green"),
                                 (" · ", "green"), line)
        elif p.rejected_before:
            line = Text.assemble((_("rejected before, at other numbers") + " · ", "yellow"), line)
        why.update(line)

    def _by(self, p) -> str:
        record = next((r for r in self.extra.records if r.get("id") == p.action_id), {})
        return _("{who} on {day}").format(who=record.get("decided_by", "?"), day=str(record.get("decided_at", ""))[:10])

    def proposal(self, position: int | None):
        if position is None or self.extra is None or position >= len(self.extra.proposals):
            return None
        return self.extra.proposals[position]

    def chosen(self) -> list:
        return [self.extra.proposals[i] for i in self.positions()] if self.extra else []

    # -- decisions -------------------------------------------------------------------
    def action_approve(self) -> None:
        picked = self.chosen()
        if not picked:
            self.notify(_("Nothing to approve here: pick proposals (space marks several)."), timeout=4)
            return
        waiting = [p for p in picked if p.status != "approved"]
        if not waiting:
            p = picked[0]
            said = (_("Already approved by {who}: {action} '{term}'; u undoes it.").format(
                who=self._by(p), action=shown(p.action), term=p.term) if len(picked) == 1
                    else _("All {n} marked proposals are approved already.").format(n=len(picked)))
            self.notify(said, timeout=4)
        else:
            self._decide("approve", waiting)
        if not self.table.marked:
            self._next_waiting()  # on to the next one to review (the reload keeps the cursor on it)

    def _next_waiting(self) -> None:
        """Move the cursor down to the next proposal not approved yet (it stays put when there is none)."""
        table = self.table
        for row in range(table.cursor_row + 1, len(table.order)):
            p = self.proposal(int(table.order[row]))
            if p is not None and p.status != "approved":
                table.cursor_row = row
                return

    def action_reject(self) -> None:
        chosen = self.chosen()
        if not chosen:
            return
        self._decide("reject", chosen)

    def action_undo(self) -> None:
        chosen = [p for p in self.chosen() if p.status == "approved"]
        if not chosen:
            self.notify(_("Only approvals not yet exported can be undone (✓ rows)."), timeout=4)
            return
        self._decide("undo", chosen)

    def _decide(self, what: str, chosen: list) -> None:
        from sellertui.domain.ads import decisions

        refs = [(p.action_id, p.action_rev) for p in chosen]
        write, verb = {
            "approve": (lambda store: decisions.approve(store, chosen), _("Approved {n}")),
            "reject": (lambda store: decisions.reject(store, chosen), _("Rejected (hidden until their numbers change) {n}")),
            "undo": (lambda store: decisions.undo(store, refs), _("Undid {n}")),
        }[what]
        self.save(write, lambda outcome: outcome.summary(verb), DECIDED)

    def action_edit(self) -> None:
        p = self.proposal(self.table.current_position)
        if p is not None:
            edit_proposal(self, p, self.extra.campaigns, N_("Approved {kind} '{term}' with your changes"))

    def explain(self) -> None:
        p = self.proposal(self.table.current_position)
        if p is not None:
            self.app.push_screen(InfoScreen(_("Why: {action} '{term}'").format(action=shown(p.action), term=p.term), [], [p.reason, *p.working]))


"""The events view: the marketplace calendar (deal events and holidays) with deadlines and FBA cut-offs."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.binding import Binding

from sellertui.domain.promotions import deadlines, events as rules
from sellertui.domain.query import parse, words_mask
from sellertui.ui.kit.dialogs import ConfirmScreen, InfoScreen, fact_panel
from sellertui.ui.tabs.promotions.board_view import BoardView
from sellertui.ui.kit.table import Column, FrameTable


COLUMNS = [
    Column("name", "Event", 26),
    Column("marketplace", "Mkt", 3),
    Column("start", "Start", 10),
    Column("end", "End", 10),
    Column("peak_text", "Peak", 4),
    Column("deadline", "Deals by", 10),
    Column("deadline_left", "", 12, style=lambda v: "bold yellow" if v else None, sort_key="deadline"),
    Column("inventory_by", "At FBA by", 10),
    Column("kind_label", "Kind", 10, sort_key="kind"),
    Column("note", "Note", 60),
]


def frame_of(board):
    import pandas as pd

    rows = []
    today = board.today.isoformat()
    for e in board.events:
        deadline = e.get("deadline") or ""
        left = ""
        if deadline and deadline >= today:
            days_left = deadlines.days_left(date.fromisoformat(deadline), board.now, e.get("marketplace") or "US")
            left = deadlines.describe(days_left) if days_left <= board.settings.deadline_warn_days else ""
        rows.append({
            "id": e["id"], "name": e.get("name", ""), "marketplace": e.get("marketplace", ""),
            "start": e.get("start", ""), "end": e.get("end", ""), "peak_text": "peak" if e.get("peak") else "",
            "deadline": deadline, "deadline_left": left, "inventory_by": e.get("inventory_by") or "",
            "kind": e.get("kind", ""), "kind_label": rules.KINDS.get(e.get("kind"), e.get("kind", "")),
            "note": ("estimate: " if e.get("estimate") else "") + (e.get("note") or ""),
            "past": e.get("end", "") < today,
            "haystack": " ".join([e.get("name", ""), e.get("note", ""), e.get("marketplace", ""),
                                  e.get("start", "")]).lower(),
        })
    columns = ["id", "name", "marketplace", "start", "end", "peak_text", "deadline", "deadline_left", "inventory_by",
               "kind", "kind_label", "note", "past", "haystack"]
    frame = pd.DataFrame(rows, columns=columns)
    # what is still to come first, soonest first; then the past, newest first
    coming = frame[~frame["past"].astype(bool)].sort_values(["start", "name"], kind="stable")
    past = frame[frame["past"].astype(bool)].sort_values(["start", "name"], ascending=False, kind="stable")
    return pd.concat([coming, past]).reset_index(drop=True)


class EventsView(BoardView):
    TITLE = "Events"
    KEY = "v"
    COLUMNS = COLUMNS
    frame_of = staticmethod(frame_of)
    EMPTY = "No events: n adds one (Prime Day, a holiday, a shop anniversary)."
    FILTER_HELP = "words · kind:event|holiday · year:2026 · market:US · peak:yes"
    BINDINGS = [
        Binding("n", "new_event", "New event", id="promotions.new_event"),
        Binding("e", "edit_event", "Edit event", id="promotions.edit_event"),
        Binding("d", "delete_event", "Delete event", id="promotions.delete_event"),
    ]

    def show_summary(self, frame) -> None:
        coming = frame[~frame["past"].astype(bool)]
        line = Text(f"{len(frame)} events", style="bold")
        line.append(f" · {len(coming)} to come")
        soon = coming[coming["deadline_left"] != ""]
        if len(soon):
            line.append(f" · {len(soon)} deal deadline(s) within {self.board.settings.deadline_warn_days} days",
                        style="bold yellow")
        line.append(" · later years: estimates until Amazon announces them", style="dim")
        self.summary(line)

    def filter(self, frame, query_text: str):
        query = parse(query_text, {"kind", "year", "market", "peak"})
        if query.empty:
            return None
        mask = words_mask(frame, query.words)
        terms = {k: v.lower() for k, v in query.terms.items()}
        if "kind" in terms:
            mask &= frame["kind"].str.startswith(terms["kind"]).to_numpy()
        if "year" in terms:
            mask &= frame["start"].str.startswith(terms["year"]).to_numpy()
        if "market" in terms:
            mask &= (frame["marketplace"].str.lower() == terms["market"]).to_numpy()
        if "peak" in terms:
            mask &= ((frame["peak_text"] != "") == (terms["peak"] in ("yes", "true", "1", "peak"))).to_numpy()
        return mask.nonzero()[0]

    def event_at(self, position: int | None) -> dict | None:
        event_id = self.table.value("id", position) if self.table.frame is not None else None
        return None if event_id is None or self.board is None else \
            next((e for e in self.board.events if e["id"] == event_id), None)

    def current_event(self) -> dict | None:
        return self.event_at(None)

    def describe(self, e: dict) -> tuple[list[tuple[str, str]], list[str]]:
        rows = [("Marketplace", e.get("marketplace", "")), ("Dates", f"{e['start']} to {e['end']}"),
                ("Kind", rules.KINDS.get(e.get("kind"), "")), ("Peak fees", "yes" if e.get("peak") else "no"),
                ("Deal deadline", e.get("deadline") or "—"), ("Stock at FBA by", e.get("inventory_by") or "—")]
        lines = [("Estimate: " if e.get("estimate") else "") + (e.get("note") or "")]
        if self.board is not None:
            mine = [p for p in self.board.promotions if self.board.event_of(p) is e]
            lines += [f"Promotion: {p.get('name')} ({p.get('status')}, {p['start']} to {p.get('end')})" for p in mine]
        return rows, lines

    def detail(self, position: int):
        e = self.event_at(position)
        if e is None:
            return ""
        return fact_panel(e.get("name", ""), *self.describe(e))

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        e = self.current_event()
        if e is not None:
            rows, lines = self.describe(e)
            self.app.push_screen(InfoScreen(e.get("name", "Event"), rows, lines))

    # -- editing ------------------------------------------------------------------------
    def action_new_event(self) -> None:
        from sellertui.ui.tabs.promotions.forms import event_form

        def done(values: dict | None) -> None:
            if values is not None:
                self.area.save(lambda store: rules.create(store, values), lambda e: f"Added {e['name']}",
                               frozenset({"events"}))

        self.app.push_screen(event_form(None, self.ctx.settings), done)

    def action_edit_event(self) -> None:
        from sellertui.ui.tabs.promotions.forms import event_form

        e = self.current_event()
        if e is None:
            return
        event_id, rev = e["id"], e.get("_rev")

        def done(values: dict | None) -> None:
            if values is not None:
                self.area.save(lambda store: rules.update(store, event_id, values, expect_rev=rev),
                               lambda saved: f"Saved {saved['name']}", frozenset({"events"}))

        self.app.push_screen(event_form(e, self.ctx.settings), done)

    def action_delete_event(self) -> None:
        e = self.current_event()
        if e is None:
            return
        event_id, rev = e["id"], e.get("_rev")
        seeded = e.get("source") == "seed"
        question = f"{'Hide' if seeded else 'Delete'} the event “{e.get('name')}” ({e.get('start')})?"
        if seeded:
            question += " It came with sellertui's calendar, so it stays hidden rather than coming back."

        def done(yes: bool | None) -> None:
            if yes:
                self.area.save(lambda store: rules.remove(store, event_id, expect_rev=rev),
                               lambda how: f"{e.get('name')}: {how}", frozenset({"events"}))

        self.app.push_screen(ConfirmScreen(question), done)

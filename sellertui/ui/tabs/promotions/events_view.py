"""The events view: the marketplace calendar (deal events and holidays) with deadlines and FBA cut-offs."""

from __future__ import annotations

from rich.text import Text
from textual import on

from sellertui.core.i18n import N_, _, shown
from sellertui.domain.promotions import events as rules
from sellertui.domain.promotions.tables import events_frame
from sellertui.domain.query import parse, words_mask
from sellertui.ui.kit.dialogs import InfoScreen, fact_panel
from sellertui.ui.kit.records_view import RecordsView, record_bindings
from sellertui.ui.kit.table import Column, FrameTable
from sellertui.ui.tabs.promotions.board_view import BoardView

COLUMNS = [
    Column("name", N_("Event"), 26),
    Column("marketplace", N_("Mkt"), 3),
    Column("start", N_("Start"), 10),
    Column("end", N_("End"), 10),
    Column("peak_text", N_("Peak"), 4),
    Column("deadline", N_("Deals by"), 10),
    Column("deadline_left", "", 12, style=lambda v: "bold yellow" if v else None, sort_key="deadline"),
    Column("inventory_by", N_("At FBA by"), 10),
    Column("kind_label", N_("Kind"), 10, sort_key="kind"),
    Column("note", N_("Note"), 60),
]


class EventsView(BoardView, RecordsView):
    TITLE = N_("Events")
    KEY = "v"
    TODAY_KEY = "event:{id}"
    TODAY_DONE = frozenset({"events"})
    COLUMNS = COLUMNS
    NOUN = N_("event")
    CHANGES = frozenset({"events"})
    frame_of = staticmethod(events_frame)
    EMPTY = N_("No events: n adds one (Prime Day, a holiday, a shop anniversary).")
    FILTER_HELP = N_("words · kind:event|holiday · year:2026 · market:US · peak:yes")
    BINDINGS = [
        *record_bindings("promotions", "event", "event"),
    ]

    def show_loaded(self, loaded) -> None:
        self.keep_records(loaded[0].events)
        super().show_loaded(loaded)

    def show_summary(self, frame) -> None:
        coming = frame[~frame["past"].astype(bool)]
        line = Text(_("{n} events").format(n=len(frame)), style="bold")
        line.append(_(" · {n} to come").format(n=len(coming)))
        soon = coming[coming["deadline_left"] != ""]
        if len(soon):
            line.append(_(" · {n} deal deadline(s) within {deadline_warn_days} days")
                            .format(n=len(soon), deadline_warn_days=self.board.settings.deadline_warn_days),
                        style="bold yellow")
        line.append(_(" · later years: estimates until Amazon announces them"), style="dim")
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

    def describe(self, e: dict) -> tuple[list[tuple[str, str]], list[str]]:
        rows = [(_("Marketplace"), e.get("marketplace", "")), (_("Dates"), f"{e['start']} to {e['end']}"),
                (_("Kind"), shown(rules.KINDS.get(e.get("kind"), ""))), (_("Peak fees"), _("yes") if e.get("peak") else _("no")),
                (_("Deal deadline"), e.get("deadline") or "—"), (_("Stock at FBA by"), e.get("inventory_by") or "—")]
        note = rules.note_text(e.get("note"))
        lines = [_("Estimate: {note}").format(note=note) if e.get("estimate") else note]
        if self.board is not None:
            mine = [p for p in self.board.promotions if self.board.event_of(p) is e]
            lines += [_("Promotion: {name} ({status}, {start} to {end})").format(
                name=p.get("name"), status=shown(p.get("status")), start=p["start"], end=p.get("end")) for p in mine]
        return rows, lines

    def detail(self, position: int):
        e = self.records.get(str(self.table.value("id", position)))
        if e is None:
            return ""
        return fact_panel(e.get("name", ""), *self.describe(e))

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        e = self.chosen()
        if e is not None:
            rows, lines = self.describe(e)
            self.app.push_screen(InfoScreen(e.get("name", "Event"), rows, lines))

    # -- editing: RecordsView asks, saves in a worker and refreshes -----------------------
    def record_form(self, record: dict | None):
        from sellertui.ui.tabs.promotions.forms import event_form

        return event_form(record, self.ctx.settings)

    def create(self, store, values: dict) -> dict:
        return rules.create(store, values)

    def update(self, store, record: dict, values: dict) -> dict:
        return rules.update(store, record["id"], values, expect_rev=record.get("_rev"))

    def delete(self, store, record: dict) -> str:
        return rules.remove(store, record["id"], expect_rev=record.get("_rev"))

    def saved_note(self, record: dict | None, values: dict, result: dict) -> str:
        return f"{'Added' if record is None else 'Saved'} {result['name']}"

    def deleted_note(self, record: dict, result: str) -> str:
        return f"{record.get('name')}: {result}"

    def delete_question(self, record: dict) -> str:
        seeded = record.get("source") == "seed"
        question = (_("Hide the event “{name}” ({start})?") if seeded else _("Delete the event “{name}” ({start})?")
                    ).format(name=record.get("name"), start=record.get("start"))
        if seeded:
            question += " " + _("It came with sellertui's calendar, so it stays hidden rather than coming back.")
        return question

"""The fee table view: Amazon's promotion fees per type and marketplace, effective-dated and editable."""

from __future__ import annotations

from rich.text import Text
from textual import on

from sellertui.core.i18n import N_, _, label, shown
from sellertui.core.money import fmt
from sellertui.domain.promotions import fee_table
from sellertui.domain.promotions.fees import TYPES
from sellertui.domain.promotions.tables import fees_frame
from sellertui.domain.query import parse, words_mask
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.records_view import RecordsView, record_bindings
from sellertui.ui.kit.table import Column, FrameTable
from sellertui.ui.tabs.promotions.board_view import BoardView

COLUMNS = [
    Column("type_label", N_("Type"), 10, sort_key="type"),
    Column("marketplace", N_("Mkt"), 3),
    Column("from", N_("From"), 10),
    Column("applies", N_("Applies"), 8),
    Column("in_force", N_("Now"), 3, style=lambda v: "bold green" if v else None),
    Column("fixed", N_("Fixed"), 9, "right"),
    Column("per_day", N_("Per day"), 8, "right"),
    Column("sales_pct", N_("% sales"), 7, "right", lambda v: f"{v:g}%" if v else ""),
    Column("cap", N_("Cap"), 10, "right"),
    Column("per_redemption", N_("Per use"), 7, "right"),
    Column("note", N_("Note"), 60),
]


class FeesView(BoardView, RecordsView):
    TITLE = N_("Fees")
    KEY = "f"
    COLUMNS = COLUMNS
    NOUN = N_("fee entry")
    CHANGES = frozenset({"promo_fees"})
    frame_of = staticmethod(fees_frame)
    EMPTY = N_("No fee entries: n adds one.")
    FILTER_HELP = N_("words · type:coupon · market:US · now:yes")
    BINDINGS = [
        *record_bindings("promotions", "fee", "fee entry"),
    ]

    def show_loaded(self, loaded) -> None:
        # the seeded schedule has no ids until the tab stores it: such entries are not editable
        self.keep_records(e for e in loaded[0].schedule if e.get("id"))
        super().show_loaded(loaded)

    def show_summary(self, frame) -> None:
        line = Text(_("{n} fee entries").format(n=len(frame)), style="bold")
        line.append(_(" · ✓ in force today · a promotion pays the latest entry started by its start"), style="dim")
        self.summary(line)

    def filter(self, frame, query_text: str):
        query = parse(query_text, {"type", "market", "now"})
        if query.empty:
            return None
        mask = words_mask(frame, query.words)
        terms = {k: v.lower() for k, v in query.terms.items()}
        if "type" in terms:
            mask &= frame["haystack"].str.contains(terms["type"], regex=False).to_numpy()
        if "market" in terms:
            mask &= (frame["marketplace"].str.lower() == terms["market"]).to_numpy()
        if "now" in terms:
            mask &= ((frame["in_force"] != "") == (terms["now"] in ("yes", "true", "1"))).to_numpy()
        return mask.nonzero()[0]

    def detail(self, position: int):
        entry = self.records.get(str(self.table.value("id", position)))
        if entry is None:
            return ""
        return Text("\n".join(self.describe(entry)))

    @staticmethod
    def describe(entry: dict) -> list[str]:
        ccy = entry.get("currency", "USD")
        parts = []
        if entry.get("fixed_minor"):
            parts.append(fmt(entry["fixed_minor"], ccy))
        if entry.get("per_day_minor"):
            parts.append(_("{amount} × days").format(amount=fmt(entry["per_day_minor"], ccy)))
        if entry.get("sales_pct"):
            cap = entry.get("variable_cap_minor")
            parts.append(_("{pct}% of sales").format(pct=f"{entry['sales_pct']:g}")
                         + (" " + _("(capped at {cap})").format(cap=fmt(cap, ccy)) if cap is not None else ""))
        if entry.get("per_redemption_minor"):
            parts.append(_("{amount} × redemptions").format(amount=fmt(entry["per_redemption_minor"], ccy)))
        return [_("{type}, {marketplace}, from {day} ({peak})").format(
                    type=label(TYPES, entry["type"]), marketplace=entry.get("marketplace", "US"),
                    day=entry.get("from"), peak=shown(fee_table.peak_label(entry.get("peak")))), shown(entry.get("note", "")), "",
                _("fee = {parts}").format(parts=" + ".join(parts) or _("nothing"))]

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        entry = self.chosen()
        if entry is not None:
            self.app.push_screen(InfoScreen(_("Fee entry"), [], self.describe(entry)))

    # -- editing: RecordsView asks, saves in a worker and refreshes -----------------------
    def record_form(self, record: dict | None):
        from sellertui.ui.tabs.promotions.forms import fee_form

        return fee_form(record, self.ctx.settings)

    def create(self, store, values: dict) -> dict:
        return fee_table.create(store, values)

    def update(self, store, record: dict, values: dict) -> dict:
        return fee_table.update(store, record["id"], values, expect_rev=record.get("_rev"))

    def delete(self, store, record: dict) -> None:
        return fee_table.delete(store, record["id"], expect_rev=record.get("_rev"))

    def delete_question(self, record: dict) -> str:
        return _("Delete the {type} fee entry from {day}?").format(type=shown(TYPES.get(record["type"], "")), day=record.get("from"))

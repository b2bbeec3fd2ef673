"""The fee table view: Amazon's promotion fees per type and marketplace, effective-dated and editable."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding

from sellertui.core.money import fmt
from sellertui.domain.promotions import fee_table
from sellertui.domain.promotions.fees import TYPES, pick
from sellertui.domain.query import parse, words_mask
from sellertui.ui.kit.dialogs import ConfirmScreen, InfoScreen
from sellertui.ui.tabs.promotions.board_view import BoardView
from sellertui.ui.tabs.promotions.list_view import SHORT_TYPE
from sellertui.ui.kit.table import Column, FrameTable

COLUMNS = [
    Column("type_label", "Type", 10, sort_key="type"),
    Column("marketplace", "Mkt", 3),
    Column("from", "From", 10),
    Column("applies", "Applies", 8),
    Column("in_force", "Now", 3, style=lambda v: "bold green" if v else None),
    Column("fixed", "Fixed", 9, "right"),
    Column("per_day", "Per day", 8, "right"),
    Column("sales_pct", "% sales", 7, "right", lambda v: f"{v:g}%" if v else ""),
    Column("cap", "Cap", 10, "right"),
    Column("per_redemption", "Per use", 7, "right"),
    Column("note", "Note", 60),
]


def frame_of(board):
    import pandas as pd

    today = board.today.isoformat()
    rows = []
    for e in board.schedule:
        ccy = e.get("currency", "USD")
        money = lambda key: fmt(e[key], ccy) if e.get(key) else ""  # noqa: E731
        in_force = any(pick(board.schedule, e["type"], e.get("marketplace", "US"), today, peak) is e
                       for peak in (True, False))
        rows.append({
            "id": e.get("id", ""), "type": e["type"], "type_label": SHORT_TYPE.get(e["type"], e["type"]),
            "marketplace": e.get("marketplace", "US"), "from": e.get("from", ""),
            "applies": fee_table.peak_label(e.get("peak")), "in_force": "✓" if in_force else "",
            "fixed": money("fixed_minor"), "per_day": money("per_day_minor"),
            "sales_pct": float(e.get("sales_pct") or 0), "cap": money("variable_cap_minor"),
            "per_redemption": money("per_redemption_minor"), "note": e.get("note", ""),
            "haystack": " ".join([e["type"], TYPES.get(e["type"], ""), e.get("marketplace", ""),
                                  e.get("note", "")]).lower(),
        })
    columns = ["id", "type", "type_label", "marketplace", "from", "applies", "in_force", "fixed", "per_day",
               "sales_pct", "cap", "per_redemption", "note", "haystack"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["type", "marketplace", "from", "applies"], kind="stable").reset_index(drop=True)


class FeesView(BoardView):
    TITLE = "Fees"
    KEY = "f"
    COLUMNS = COLUMNS
    frame_of = staticmethod(frame_of)
    EMPTY = "No fee entries: n adds one."
    FILTER_HELP = "words · type:coupon · market:US · now:yes"
    BINDINGS = [
        Binding("n", "new_fee", "New fee entry", id="promotions.new_fee"),
        Binding("e", "edit_fee", "Edit fee entry", id="promotions.edit_fee"),
        Binding("d", "delete_fee", "Delete fee entry", id="promotions.delete_fee"),
    ]

    def show_summary(self, frame) -> None:
        line = Text(f"{len(frame)} fee entries", style="bold")
        line.append(" · ✓ in force today · a promotion pays the latest entry started by its start", style="dim")
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

    def entry_at(self, position: int | None) -> dict | None:
        entry_id = self.table.value("id", position) if self.table.frame is not None else None
        return None if not entry_id or self.board is None else \
            next((e for e in self.board.schedule if e.get("id") == entry_id), None)

    def detail(self, position: int):
        entry = self.entry_at(position)
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
            parts.append(f"{fmt(entry['per_day_minor'], ccy)} × days")
        if entry.get("sales_pct"):
            cap = entry.get("variable_cap_minor")
            parts.append(f"{entry['sales_pct']:g}% of sales" + (f" (capped at {fmt(cap, ccy)})" if cap is not None
                                                                 else ""))
        if entry.get("per_redemption_minor"):
            parts.append(f"{fmt(entry['per_redemption_minor'], ccy)} × redemptions")
        return [f"{TYPES.get(entry['type'], entry['type'])}, {entry.get('marketplace', 'US')}, from "
                f"{entry.get('from')} ({fee_table.peak_label(entry.get('peak'))})", entry.get("note", ""), "",
                "fee = " + (" + ".join(parts) or "nothing")]

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        entry = self.entry_at(None)
        if entry is not None:
            self.app.push_screen(InfoScreen("Fee entry", [], self.describe(entry)))

    # -- editing ------------------------------------------------------------------------
    def action_new_fee(self) -> None:
        from sellertui.ui.tabs.promotions.forms import fee_form

        def done(values: dict | None) -> None:
            if values is not None:
                self.area.save(lambda store: fee_table.create(store, values), "Added the fee entry",
                               frozenset({"promo_fees"}))

        self.app.push_screen(fee_form(None, self.ctx.settings), done)

    def action_edit_fee(self) -> None:
        from sellertui.ui.tabs.promotions.forms import fee_form

        entry = self.entry_at(None)
        if entry is None:
            return
        entry_id, rev = entry["id"], entry.get("_rev")

        def done(values: dict | None) -> None:
            if values is not None:
                self.area.save(lambda store: fee_table.update(store, entry_id, values, expect_rev=rev),
                               "Saved the fee entry", frozenset({"promo_fees"}))

        self.app.push_screen(fee_form(entry, self.ctx.settings), done)

    def action_delete_fee(self) -> None:
        entry = self.entry_at(None)
        if entry is None:
            return
        entry_id, rev = entry["id"], entry.get("_rev")

        def done(yes: bool | None) -> None:
            if yes:
                self.area.save(lambda store: fee_table.delete(store, entry_id, expect_rev=rev),
                               "Deleted the fee entry", frozenset({"promo_fees"}))

        self.app.push_screen(ConfirmScreen(f"Delete the {TYPES.get(entry['type'], '')} fee entry from "
                                           f"{entry.get('from')}?"), done)

"""The list view: every promotion with its dates, discount, fee, deadline, checks and lift."""

from __future__ import annotations

from rich.text import Text
from textual import on

from sellertui.core.i18n import N_, _
from sellertui.core.money import fmt
from sellertui.domain.promotions.tables import RANK, promotions_frame
from sellertui.domain.query import parse, words_mask
from sellertui.ui.tabs.promotions.actions import PROMOTION_BINDINGS, PromotionKeys
from sellertui.ui.tabs.promotions.board_view import BoardView
from sellertui.ui.kit.table import Column, FrameTable

STATUS_STYLE = {"idea": "italic", "submitted": "cyan", "approved": "blue", "running": "bold green",
                "ended": "dim", "cancelled": "dim strike"}


def _checks_style(value: str) -> str | None:
    return "bold red" if "✗" in value else "yellow" if "!" in value else "green" if value else None


COLUMNS = [
    Column("name", N_("Promotion"), 30),
    Column("status", N_("Status"), 10, fmt=lambda v: _(v) if v else "", style=STATUS_STYLE.get,
           sort_key="rank"),
    Column("checks", N_("Checks"), 7, style=_checks_style, sort_key="fails"),
    Column("type_label", N_("Type"), 10, sort_key="type"),
    Column("start", N_("Start"), 10),
    Column("days", N_("Days"), 4, "right"),
    Column("discount", N_("Off"), 4, "right", lambda v: f"{v:g}%"),
    Column("fee", N_("Fee"), 10, "right", sort_key="fee_minor"),
    Column("submit_by", N_("Submit by"), 10),
    Column("lift", N_("Lift"), 6, "right", lambda v: f"{v:+.0%}"),
    Column("event", N_("Event"), 22),
    Column("skus_text", N_("SKUs"), 40),
]


class PromotionListView(PromotionKeys, BoardView):
    TITLE = N_("List")
    KEY = "l"
    TODAY_KEY = "promotion:{id}"
    TODAY_DONE = frozenset({"promotions"})
    COLUMNS = COLUMNS
    frame_of = staticmethod(promotions_frame)
    EMPTY = N_("No promotions yet: n plans one (deals, coupons, Prime Exclusive, % off, BOGO).")
    FILTER_HELP = N_("words · status:idea|live|… · type:coupon · sku:… · event:prime · check:fail|warn")
    BINDINGS = PROMOTION_BINDINGS

    def show_summary(self, frame) -> None:
        line = Text()
        line.append(_("{n} promotions").format(n=len(frame)), style="bold")
        live = frame[frame["rank"] <= RANK["idea"]]
        line.append(_(" · {n} planned or running").format(n=len(live)))
        failing = int((live["fails"] < 0).sum())
        if failing:
            line.append(_(" · {failing} failing a check").format(failing=failing), style="bold red")
        planned_fees = live["fee_minor"].dropna()
        if len(planned_fees):
            line.append(_(" · fees ahead {sum}")
                            .format(sum=fmt(int(planned_fees.sum()), self.ctx.settings.home_currency)))
        self.summary(line)

    def filter(self, frame, query_text: str):
        query = parse(query_text, {"status", "type", "sku", "event", "check"})
        if query.empty:
            return None
        mask = words_mask(frame, query.words)
        terms = {k: v.lower() for k, v in query.terms.items()}
        if terms.get("status") == "live":
            mask &= (frame["rank"] <= RANK["idea"]).to_numpy()
        elif "status" in terms:
            mask &= frame["status"].str.startswith(terms["status"]).to_numpy()
        if "type" in terms:
            mask &= (frame["type"].str.contains(terms["type"], regex=False)
                     | frame["type_label"].str.lower().str.contains(terms["type"], regex=False)).to_numpy()
        if "sku" in terms:
            mask &= frame["skus_text"].str.lower().str.contains(terms["sku"], regex=False).to_numpy()
        if "event" in terms:
            mask &= frame["event"].str.lower().str.contains(terms["event"], regex=False).to_numpy()
        if "check" in terms:
            mask &= frame["check_levels"].str.contains(terms["check"], regex=False).to_numpy()
        return mask.nonzero()[0]

    def detail(self, position: int):
        from sellertui.ui.tabs.promotions.detail import panel

        promo = self.board.by_id(self.table.value("id", position)) if self.board else None
        return panel(self.board, promo) if promo is not None else ""

    def current_promotion(self) -> dict | None:
        promo_id = self.current_value("id")
        return None if promo_id is None or self.board is None else self.board.by_id(promo_id)

    def pick_promotion(self, then) -> None:
        promo = self.current_promotion()
        if promo is None:
            self.notify(_("No promotion here yet: n plans one."), timeout=3)
            return
        then(promo)

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        promo = self.current_promotion()
        if promo is not None:
            self.area.act("working", promo)

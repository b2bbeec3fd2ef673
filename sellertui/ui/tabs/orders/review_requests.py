"""Request a Review: orders due one (5–30 days after delivery), approved in a batch, then sent by the sync."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui.domain.reviews import requests as rules
from sellertui.domain.reviews.request_list import DUE, FILTER_HELP, filter_rows, request_rows, rows_frame
from sellertui.domain.reviews.settings import ReviewSettings
from sellertui.ui.kit.dialogs import ConfirmScreen, DetailScreen, fact_panel
from sellertui.ui.kit.messages import Saved
from sellertui.ui.kit.settings_form import SettingsSaved, edit_section, saved_note
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView

STATE_STYLE = {DUE: "bold", rules.APPROVED: "yellow", rules.SENDING: "yellow", rules.SENT: "green",
               rules.REFUSED: "red"}
LABELS = {"respond_days": N_("Answer negatives in (days)"), "removal_days": N_("Removal window (days)"),
          "request_from_days": N_("Ask from (days)"), "request_until_days": N_("Ask until (days)"),
          "transit_days": N_("FBM transit (days)"), "fba_transit_days": N_("FBA transit (days)"),
          "daily_rule": N_("Daily rule (true/false)")}


class ReviewRequestsView(TableView):
    TITLE = N_("Review requests")
    KEY = "Q"
    EMPTY = N_("No order is due a review request (5–30 days after delivery, not returned or "
               "refunded, not asked).")
    FILTER_HELP = FILTER_HELP
    COLUMNS = [
        Column("state", N_("State"), 9, style=lambda v: STATE_STYLE.get(v), sort_key="rank"),
        Column("closes", N_("Closes"), 10),
        Column("order_id", N_("Order"), 19),
        Column("delivered", N_("Delivered"), 11, fmt=lambda v, row: f"{v}{'~' if row('estimated') else ''}",
               needs=("estimated",)),
        Column("channel", N_("Via"), 3),
        Column("buyer", N_("Buyer"), 16),
        Column("when", N_("When"), 16),
        Column("by", N_("By"), 10),
        Column("skus", N_("SKU"), 18),
        Column("reason", N_("Amazon's answer"), 40, style=lambda v: "red" if v else None),
    ]
    BINDINGS = [
        Binding("a", "approve", N_("Approve"), id="reviews.approve"),
        Binding("A", "approve_all", N_("Approve all"), id="reviews.approve_all"),
        Binding("d", "withdraw", N_("Withdraw"), id="reviews.withdraw"),
        Binding("S", "settings", N_("Rules"), id="reviews.settings"),
    ]
    rows: list[dict] = []

    def on_mount(self) -> None:
        self.table.sort_by = ("rank", False)

    def load(self):
        self.rows = request_rows(self.shop)
        self.daily_rule = ReviewSettings.of(self.shop).daily_rule
        return rows_frame(self.rows)

    def filter(self, frame, text: str):
        return filter_rows(frame, text)

    def show_summary(self, frame) -> None:
        counts = {s: sum(1 for r in self.rows if r["state"] == s) for s in (DUE, *rules.WAITING, rules.SENT,
                                                                             rules.REFUSED)}
        line = Text()
        line.append(_("{due} order(s) due a request").format(due=counts[DUE]), style="bold")
        waiting = counts[rules.APPROVED] + counts[rules.SENDING]
        if waiting:
            line.append(_(" · {waiting} approved, sent with the next sync (R)").format(waiting=waiting), style="yellow")
        line.append(_(" · {sent} sent · {refused} refused")
                        .format(sent=counts[rules.SENT], refused=counts[rules.REFUSED]))
        line.append(" · " + (_("daily rule on: each sync asks for every order due") if self.daily_rule
                             else _("daily rule off")),
                    style="bold green" if self.daily_rule else None)
        line.append(_(" · space mark, a approve, A all, d withdraw, S rules · ~ delivery estimated"))
        self.summary(line)

    def action_open(self) -> None:
        """The request (or the order due one) as facts: its state, dates, buyer, who asked and Amazon's answer."""
        row = self.current_row()
        if not row:
            return
        delivered = _("{day} (estimated)").format(day=row.get("delivered", "")) if row.get("estimated") \
            else f"{row.get('delivered', '')}"
        facts = [(_("State"), row.get("state", "")), (_("Order"), row.get("order_id", "")),
                 (_("Via"), row.get("channel", "")), (_("Delivered"), delivered),
                 (_("Window closes"), row.get("closes", "")), (_("Buyer"), row.get("buyer", "")),
                 (_("SKU"), row.get("skus", "")), (_("When"), row.get("when", "")), (_("By"), row.get("by", ""))]
        lines = [_("Amazon's answer: {reason}").format(reason=row["reason"]) if row.get("reason") else "",
                 _("Due: a asks for it (with the next sync); Amazon allows one request per order.")
                 if row.get("state") == DUE else ""]
        self.app.push_screen(DetailScreen(_("Review request · {order_id}").format(order_id=row.get('order_id', '')),
                                          fact_panel(row.get("order_id", ""), [(k, str(v)) for k, v in facts if v],
                                                     lines)))

    # -- approving: what will be sent is shown first ------------------------------------------
    def _due(self, positions) -> list[str]:
        return [self.table.value("order_id", p) for p in positions if self.table.value("state", p) == DUE]

    def action_approve(self) -> None:
        positions = self.table.selected_positions()
        self._confirm(self._due(positions))

    def action_approve_all(self) -> None:
        self._confirm([r["order_id"] for r in self.rows if r["state"] == DUE])

    def _confirm(self, order_ids: list[str]) -> None:
        if not order_ids:
            self.notify(_("Nothing to approve: only orders in state due are asked."), severity="warning")
            return
        shown = ", ".join(order_ids[:6])
        if len(order_ids) > 6:
            shown = _("{orders} and {n} more").format(orders=shown, n=len(order_ids) - 6)
        question = _("Ask Amazon to request a review and seller feedback (productReviewAndSellerFeedback) for "
                     "{n} order(s): {shown}? They go out with the next sync (R); Amazon allows one "
                     "request per order.").format(n=len(order_ids), shown=shown)
        self.app.push_screen(ConfirmScreen(question), lambda yes: yes and self._approve(order_ids))

    def _approve(self, order_ids: list[str]) -> None:
        wanted = set(order_ids)

        def write(store) -> int:
            return rules.approve(store, [c for c in rules.candidates(self.shop) if c.order_id in wanted])

        self.save(write, lambda n: _("Approved {n} review request(s): they go out with the next sync (R).").format(n=n),
                  {"review_requests"})

    def on_saved(self, saved: Saved) -> None:
        self.table.marked.clear()

    def action_withdraw(self) -> None:
        row = self.current_row()
        if not row:
            return
        if row["state"] != rules.APPROVED:
            self.notify(_("Only an approved request not yet sent can be withdrawn."), severity="warning")
            return
        order_id = row["order_id"]
        self.save(lambda store: rules.withdraw(store, order_id), _("Withdrew the request of {order_id}.")
                                                                     .format(order_id=order_id),
                  {"review_requests"})

    def action_settings(self) -> None:
        edit_section(self, "reviews", labels={k: _(v) for k, v in LABELS.items()})

    def on_settings_saved(self, message: SettingsSaved) -> None:
        self.notify(saved_note(message.changed, _("the lists were read again")))
        self.reload()

"""Request a Review: orders due one (5–30 days after delivery), approved in a batch, then sent by the sync."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

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
LABELS = {"respond_days": "Answer negatives in (days)", "removal_days": "Removal window (days)",
          "request_from_days": "Ask from (days)", "request_until_days": "Ask until (days)",
          "transit_days": "FBM transit (days)", "fba_transit_days": "FBA transit (days)",
          "daily_rule": "Daily rule (true/false)"}


class ReviewRequestsView(TableView):
    TITLE = "Review requests"
    KEY = "Q"
    EMPTY = "No order is due a review request (5–30 days after delivery, not returned or refunded, not asked)."
    FILTER_HELP = FILTER_HELP
    COLUMNS = [
        Column("state", "State", 9, style=lambda v: STATE_STYLE.get(v), sort_key="rank"),
        Column("closes", "Closes", 10),
        Column("order_id", "Order", 19),
        Column("delivered", "Delivered", 11, fmt=lambda v, row: f"{v}{'~' if row('estimated') else ''}",
               needs=("estimated",)),
        Column("channel", "Via", 3),
        Column("buyer", "Buyer", 16),
        Column("when", "When", 16),
        Column("by", "By", 10),
        Column("skus", "SKU", 18),
        Column("reason", "Amazon's answer", 40, style=lambda v: "red" if v else None),
    ]
    BINDINGS = [
        Binding("a", "approve", "Approve", id="reviews.approve"),
        Binding("A", "approve_all", "Approve all", id="reviews.approve_all"),
        Binding("d", "withdraw", "Withdraw", id="reviews.withdraw"),
        Binding("S", "settings", "Rules", id="reviews.settings"),
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
        line.append(f"{counts[DUE]} order(s) due a request", style="bold")
        waiting = counts[rules.APPROVED] + counts[rules.SENDING]
        if waiting:
            line.append(f" · {waiting} approved, sent with the next sync (R)", style="yellow")
        line.append(f" · {counts[rules.SENT]} sent · {counts[rules.REFUSED]} refused")
        line.append(" · daily rule " + ("on: each sync asks for every order due" if self.daily_rule else "off"),
                    style="bold green" if self.daily_rule else None)
        line.append(" · space mark, a approve, A all, d withdraw, S rules · ~ delivery estimated")
        self.summary(line)

    def action_open(self) -> None:
        """The request (or the order due one) as facts: its state, dates, buyer, who asked and Amazon's answer."""
        row = self.current_row()
        if not row:
            return
        delivered = f"{row.get('delivered', '')}{' (estimated)' if row.get('estimated') else ''}"
        facts = [("State", row.get("state", "")), ("Order", row.get("order_id", "")), ("Via", row.get("channel", "")),
                 ("Delivered", delivered), ("Window closes", row.get("closes", "")), ("Buyer", row.get("buyer", "")),
                 ("SKU", row.get("skus", "")), ("When", row.get("when", "")), ("By", row.get("by", ""))]
        lines = [f"Amazon's answer: {row['reason']}" if row.get("reason") else "",
                 "Due: a asks for it (with the next sync); Amazon allows one request per order."
                 if row.get("state") == DUE else ""]
        self.app.push_screen(DetailScreen(f"Review request · {row.get('order_id', '')}",
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
            self.notify("Nothing to approve: only orders in state due are asked.", severity="warning")
            return
        shown = ", ".join(order_ids[:6]) + (f" and {len(order_ids) - 6} more" if len(order_ids) > 6 else "")
        question = (f"Ask Amazon to request a review and seller feedback (productReviewAndSellerFeedback) for "
                    f"{len(order_ids)} order(s): {shown}? They go out with the next sync (R); Amazon allows one "
                    "request per order.")
        self.app.push_screen(ConfirmScreen(question), lambda yes: yes and self._approve(order_ids))

    def _approve(self, order_ids: list[str]) -> None:
        wanted = set(order_ids)

        def write(store) -> int:
            return rules.approve(store, [c for c in rules.candidates(self.shop) if c.order_id in wanted])

        self.save(write, lambda n: f"Approved {n} review request(s): they go out with the next sync (R).",
                  {"review_requests"})

    def on_saved(self, saved: Saved) -> None:
        self.table.marked.clear()

    def action_withdraw(self) -> None:
        row = self.current_row()
        if not row:
            return
        if row["state"] != rules.APPROVED:
            self.notify("Only an approved request not yet sent can be withdrawn.", severity="warning")
            return
        order_id = row["order_id"]
        self.save(lambda store: rules.withdraw(store, order_id), f"Withdrew the request of {order_id}.",
                  {"review_requests"})

    def action_settings(self) -> None:
        edit_section(self, "reviews", labels=LABELS)

    def on_settings_saved(self, message: SettingsSaved) -> None:
        self.notify(saved_note(message.changed, "the lists were read again"))
        self.reload()

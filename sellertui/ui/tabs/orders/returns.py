"""Return and refund cases: FBA ones to see, FBM ones to move along before their refund deadline."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from sellertui.core.i18n import N_, _, shown
from sellertui import clock
from sellertui.domain.orders import returns
from sellertui.domain.orders.return_list import OPEN, case_facts, filter_cases, moment_text, return_cases
from sellertui.ui.kit.cells import money_cell
from sellertui.ui.kit.dialogs import DetailScreen, fact_grid
from sellertui.ui.kit.safe import text
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.orders.forms import order_id_form, received_form, refund_form, return_form


def _deadline_style(value) -> str | None:
    if not value:
        return None
    today = clock.today().isoformat()
    return "bold red" if value < today else "bold yellow" if value == today else None


class ReturnsView(TableView):
    TITLE = N_("Returns")
    KEY = "f"
    TODAY_KEY = "refund:{id}"
    TODAY_DONE = frozenset({"returns"})
    EMPTY = N_("No returns: import a returns report (i) or n to open a case by hand.")
    FILTER_HELP = N_("words, or status: channel:fbm|fba reason:")
    DETAIL_WIDTH = 0
    COLUMNS = [
        Column("requested", N_("Requested"), 10, sort_key="requested_at"),
        Column("order_id", N_("Order"), 19),
        Column("channel", N_("Via"), 3),
        Column("status", N_("Status"), 12, fmt=shown, style=lambda v: "bold" if v in OPEN else "dim"),
        Column("refund_by", N_("Refund by"), 10, style=_deadline_style),
        Column("sku", N_("SKU"), 18),
        Column("quantity", N_("Qty"), 3, "right"),
        Column("reason", N_("Reason"), 18),
        Column("refund_minor", N_("Refund"), 9, "right", fmt=money_cell(), needs=("currency",)),
    ]
    BINDINGS = [
        Binding("n", "new", N_("New case"), id="returns.new"),
        Binding("greater_than_sign", "advance", N_("Next step"), id="returns.advance"),
    ]

    class OrderLinesFound(Message, bubble=False):
        """The lines of the order a new case is for were read (empty: no such shipped order)."""

        def __init__(self, order_id: str, lines: list[dict]) -> None:
            self.order_id = order_id
            self.lines = lines
            super().__init__()

    class RefundDefaultFound(Message, bubble=False):
        """What the case's items sold for was read: ask how much to refund."""

        def __init__(self, case: dict, default_minor: int) -> None:
            self.case = case
            self.default_minor = default_minor
            super().__init__()

    class CaseRead(Message, bubble=False):
        """The case chosen with enter was read as stored, with its history."""

        def __init__(self, case: dict) -> None:
            self.case = case
            super().__init__()

    def on_mount(self) -> None:
        self.table.sort_by = ("rank", False)

    def load(self):
        return return_cases(self.shop.store)

    def filter(self, frame, text_: str):
        return filter_cases(frame, text_)

    def show_summary(self, frame) -> None:
        fbm_open = frame[(frame["channel"] == "FBM") & frame["status"].isin(list(OPEN))] if len(frame) else frame
        to_refund = fbm_open[fbm_open["status"] == "received"] if len(fbm_open) else fbm_open
        late = int((to_refund["refund_by"] < clock.today().isoformat()).sum()) if len(to_refund) else 0
        line = Text()
        line.append(_("{n} open FBM cases").format(n=len(fbm_open)), style="bold")
        line.append(_(" · {n} to refund").format(n=len(to_refund)))
        if late:
            line.append(_(" · {late} past the 2-business-day deadline").format(late=late), style="bold red")
        line.append(_(" · FBA returns are Amazon's (shown, not moved)"))
        self.summary(line)

    # -- actions ---------------------------------------------------------------------
    def action_new(self) -> None:
        self.app.push_screen(order_id_form(), lambda v: v and self._find_lines(v["order_id"]))

    @work(thread=True, exclusive=True, group="return-lines", exit_on_error=False)
    def _find_lines(self, order_id: str) -> None:
        self.post_message(self.OrderLinesFound(order_id, returns.returnable_lines(self.shop.store, order_id)))

    def on_returns_view_order_lines_found(self, found: OrderLinesFound) -> None:
        order_id, lines = found.order_id, found.lines
        if not lines:
            self.notify(_("No shipped order {order_id} in the store.").format(order_id=order_id), severity="error")
            return

        def done(values: dict | None) -> None:
            if values:
                line = next(l for l in lines if l["sku"] == values["sku"])
                self.save(lambda store: returns.open_case(
                    store, returns.new_case(line, values["quantity"], values["reason"], values["note"])),
                          _("Return opened for order {order_id}.").format(order_id=order_id), {"returns"})

        self.app.push_screen(return_form(order_id, lines), done)

    def action_advance(self) -> None:
        case = self.current_row()
        if not case:
            return
        if case.get("channel") != "FBM":
            self.notify(_("FBA returns are handled by Amazon; sellertui only shows them."), severity="warning")
            return
        step = returns.next_status(case)
        if step is None:
            self.notify(_("This case is closed."), severity="warning")
        elif step == "received":
            self.app.push_screen(received_form(), lambda v: v and self._advance(case, step, received_at=v["received_at"]))
        elif step == "refunded":
            self._find_refund_default(case)
        else:
            self._advance(case, step)

    @work(thread=True, exclusive=True, group="refund-default", exit_on_error=False)
    def _find_refund_default(self, case: dict) -> None:
        self.post_message(self.RefundDefaultFound(case, returns.refund_default(self.shop.store, case)))

    def on_returns_view_refund_default_found(self, found: RefundDefaultFound) -> None:
        case = found.case
        self.app.push_screen(refund_form(found.default_minor, case.get("currency") or "USD"), lambda v: v and self._advance(
            case, "refunded", refund_minor=v["amount"], refund_reason=v["reason"]))

    def _advance(self, case: dict, step: str, **details) -> None:
        self.save(lambda store: returns.advance(store, case, step, **details),
                  _("Return {order_id}: {step}.").format(order_id=case['order_id'], step=step), {"returns"})

    def action_open(self) -> None:
        case = self.current_row()
        if case:
            self._read_case(case)

    @work(thread=True, exclusive=True, group="return-case", exit_on_error=False)
    def _read_case(self, case: dict) -> None:
        self.post_message(self.CaseRead(returns.stored_case(self.shop.store, case["id"]) or case))

    def on_returns_view_case_read(self, read: CaseRead) -> None:
        full = read.case
        history = [text(f"{moment_text(h.get('at', ''))}  {h.get('by', '')}: {h.get('what', '')}")
                   for h in full.get("history") or []]
        body = Group(fact_grid(case_facts(full)), *([Text(_("\nHistory"), style="bold"), *history] if history else []))
        self.app.push_screen(DetailScreen(_("Return · order {order_id}").format(order_id=full['order_id']), body))

"""Return and refund cases: FBA ones to see, FBM ones to move along before their refund deadline."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import work
from textual.binding import Binding

from sellertui import clock
from sellertui.domain.orders import returns
from sellertui.domain.query import parse
from sellertui.ui.kit.cells import money_cell
from sellertui.ui.tabs.orders.forms import order_id_form, received_form, refund_form, return_form
from sellertui.ui.kit.safe import text
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView

FIELDS = ["id", "order_id", "sku", "channel", "status", "reason", "quantity", "requested_at", "received_at",
          "refunded_at", "refund_minor", "currency", "_rev"]


def _deadline_style(value) -> str | None:
    if not value:
        return None
    today = clock.today().isoformat()
    return "bold red" if value < today else "bold yellow" if value == today else None


def _rank(case: dict, refund_by: str) -> str:
    """Open FBM cases first, by refund deadline; then everything else, newest first."""
    if case.get("channel") == "FBM" and case.get("status") in ("requested", "authorised", "received"):
        return f"0|{refund_by or '9999-99-99'}|{case.get('requested_at') or ''}"
    day = int((case.get("requested_at") or "0")[:10].replace("-", "") or 0)
    return f"1|{99_999_999 - day:08d}"


class ReturnsView(TableView):
    TITLE = "Returns"
    KEY = "f"
    EMPTY = "No returns: import a returns report (i) or n to open a case by hand."
    FILTER_HELP = "words, or status: channel:fbm|fba reason:"
    DETAIL_WIDTH = 0
    COLUMNS = [
        Column("requested", "Requested", 10, sort_key="requested_at"),
        Column("order_id", "Order", 19),
        Column("channel", "Via", 3),
        Column("status", "Status", 12, style=lambda v: "bold" if v in ("requested", "authorised", "received") else "dim"),
        Column("refund_by", "Refund by", 10, style=_deadline_style),
        Column("sku", "SKU", 18),
        Column("quantity", "Qty", 3, "right"),
        Column("reason", "Reason", 18),
        Column("refund_minor", "Refund", 9, "right", fmt=money_cell(), needs=("currency",)),
    ]
    BINDINGS = [
        Binding("n", "new", "New case", id="returns.new"),
        Binding("greater_than_sign", "advance", "Next step", id="returns.advance"),
    ]

    def on_mount(self) -> None:
        self.table.sort_by = ("rank", False)

    def load(self):
        import pandas as pd

        cases = self.ctx.store()["returns"].all()
        frame = pd.DataFrame({f: [c.get(f) for c in cases] for f in FIELDS})
        frame["requested"] = frame["requested_at"].fillna("").str.slice(0, 10)
        frame["refund_by"] = [(d.isoformat() if (d := returns.refund_deadline(c)) else "") for c in cases]
        frame["rank"] = [_rank(c, by) for c, by in zip(cases, frame["refund_by"])]
        return frame

    def filter(self, frame, text_: str):
        import numpy as np

        query = parse(text_, {"status", "channel", "reason"})
        if query.empty:
            return None
        mask = np.ones(len(frame), dtype=bool)
        hay = (frame["order_id"].fillna("") + " " + frame["sku"].fillna("") + " " + frame["reason"].fillna("")).str.lower()
        for word in query.words:
            mask &= hay.str.contains(word, regex=False).to_numpy()
        for name, value in query.terms.items():
            mask &= frame[name].fillna("").str.lower().str.startswith(value.lower()).to_numpy()
        return np.flatnonzero(mask)

    def show_summary(self, frame) -> None:
        fbm_open = frame[(frame["channel"] == "FBM") & frame["status"].isin(["requested", "authorised", "received"])] if len(frame) else frame
        to_refund = fbm_open[fbm_open["status"] == "received"] if len(fbm_open) else fbm_open
        late = int((to_refund["refund_by"] < clock.today().isoformat()).sum()) if len(to_refund) else 0
        line = Text()
        line.append(f"{len(fbm_open)} open FBM cases", style="bold")
        line.append(f" · {len(to_refund)} to refund")
        if late:
            line.append(f" · {late} past the 2-business-day deadline", style="bold red")
        line.append(" · FBA returns are Amazon's (shown for information) · > next step, n new")
        self.summary(line)

    def _case(self) -> dict | None:
        position = self.table.current_position
        return None if position is None else self.table.row(position)

    # -- actions ---------------------------------------------------------------------
    def action_new(self) -> None:
        self.app.push_screen(order_id_form(), lambda v: v and self._lines_for(v["order_id"]))

    @work(thread=True, exclusive=True, group="returns-write", exit_on_error=False)
    def _lines_for(self, order_id: str) -> None:
        lines = self.ctx.store()["orders"].find(lambda d: d.get("order_id") == order_id and d.get("quantity"))
        if not lines:
            self.app.call_from_thread(self.notify, f"No shipped order {order_id} in the store.", severity="error")
            return
        self.app.call_from_thread(self._ask_case, order_id, lines)

    def _ask_case(self, order_id: str, lines: list[dict]) -> None:
        def done(values: dict | None) -> None:
            if values:
                line = next(l for l in lines if l["sku"] == values["sku"])
                self._open_case(line, values)

        self.app.push_screen(return_form(order_id, lines), done)

    @work(thread=True, exclusive=True, group="returns-write", exit_on_error=False)
    def _open_case(self, line: dict, values: dict) -> None:
        case = returns.new_case(line, values["quantity"], values["reason"], values["note"])
        returns.open_case(self.ctx.store(), case)
        self.app.call_from_thread(self._changed, f"Return opened for order {line['order_id']}.")

    def action_advance(self) -> None:
        case = self._case()
        if not case:
            return
        if case.get("channel") != "FBM":
            self.notify("FBA returns are handled by Amazon; sellertui only shows them.", severity="warning")
            return
        step = returns.next_status(case)
        if step is None:
            self.notify("This case is closed.", severity="warning")
        elif step == "received":
            self.app.push_screen(received_form(), lambda v: v and self._advance(case, step, received_at=v["received_at"]))
        elif step == "refunded":
            default = self._refund_default(case)
            self.app.push_screen(refund_form(default, case.get("currency") or "USD"), lambda v: v and self._advance(
                case, step, refund_minor=v["amount"], refund_reason=v["reason"]))
        else:
            self._advance(case, step)

    def _refund_default(self, case: dict) -> int:
        line = self.ctx.store()["orders"].get(f"{case['order_id']}/{case['sku']}")
        if not line or not line.get("quantity"):
            return 0
        return (line.get("item_price_minor") or 0) // line["quantity"] * int(case.get("quantity") or 1)

    @work(thread=True, exclusive=True, group="returns-write", exit_on_error=False)
    def _advance(self, case: dict, step: str, **details) -> None:
        returns.advance(self.ctx.store(), case, step, **details)
        self.app.call_from_thread(self._changed, f"Return {case['order_id']}: {step}.")

    def _changed(self, note: str) -> None:
        self.notify(note, timeout=3)
        self.app.broadcast_change(frozenset({"returns"}), external=False)

    def action_open(self) -> None:
        case = self._case()
        if not case:
            return
        full = self.ctx.store()["returns"].get(case["id"]) or case
        rows = [(k.replace("_", " "), v) for k, v in full.items() if not k.startswith("_") and k not in ("history",) and v not in (None, "")]
        from sellertui.ui.kit.dialogs import DetailScreen

        history = [text(f"{h.get('at', '')[:16].replace('T', ' ')}  {h.get('by', '')}: {h.get('what', '')}") for h in full.get("history") or []]
        body = Group(*[text(f"{label}: {value}") for label, value in rows], *( [Text("\nHistory", style="bold")] + history if history else []))
        self.app.push_screen(DetailScreen(f"Return · order {case['order_id']}", body))

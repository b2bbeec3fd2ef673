"""Buyer messages against their 24-hour deadline, with reply templates and response metrics."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import work
from textual.binding import Binding

from sellertui import clock
from sellertui.domain.orders import messages, notes, templates
from sellertui.domain.query import parse
from sellertui.ui.tabs.orders.common import note_detail
from sellertui.ui.tabs.orders.forms import message_form, replied_form
from sellertui.ui.kit.safe import plain, text
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView

FRAME_VERSION = 1
FIELDS = ["id", "received_at", "status", "buyer_name", "buyer_id", "order_id", "sku", "text", "replied_at", "_rev"]


def build_messages(docs: list[dict]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({name: [d.get(name) for d in docs] for name in FIELDS})


def _left(received_at, row) -> str:
    return messages.describe_left(messages.time_left({"status": row("status"), "received_at": received_at}))


def _left_style(received_at, row) -> str | None:
    left = messages.time_left({"status": row("status"), "received_at": received_at})
    if left is None:
        return "dim"
    hours = left.total_seconds() / 3600
    return "bold red" if hours < 0 else "bold yellow" if hours < 4 else None


class MessagesView(TableView):
    TITLE = "Messages"
    KEY = "m"
    EMPTY = "No buyer messages logged: n logs one (paste it in)."
    FILTER_HELP = "words, or status:awaiting|replied|no buyer: order: sku:"
    DETAIL_WIDTH = 42
    DETAIL_FROM = 110  # the side panel shows from this terminal width
    COLUMNS = [
        Column("received_at", "Time left", 15, fmt=_left, style=_left_style, needs=("status",), sort_key="rank"),
        Column("when", "Received", 16, sort_key="received_at"),
        Column("status", "Status", 8, fmt=lambda v: {"no_response_needed": "no reply"}.get(v, v)),
        Column("buyer_name", "Buyer", 16),
        Column("order_id", "Order", 19),
        Column("preview", "Message", 60),
    ]
    BINDINGS = [
        Binding("n", "new", "Log message", id="messages.new"),
        Binding("p", "replied", "Replied", id="messages.replied"),
        Binding("x", "no_reply", "No reply needed", id="messages.no_reply"),
        Binding("t", "template", "Reply template", id="messages.template"),
        Binding("N", "product_notes", "Notes", id="messages.notes"),
    ]

    def on_mount(self) -> None:
        self.table.sort_by = ("rank", False)
        self.set_interval(30, self.table.redraw)  # the countdowns move

    def load(self):
        import numpy as np
        import pandas as pd

        frame = self.ctx.frames().frame("messages", build_messages, version=FRAME_VERSION)
        now = clock.now()
        if len(frame):
            received = pd.to_datetime(frame["received_at"], utc=True)
            awaiting = (frame["status"] == "awaiting").to_numpy()
            age = (pd.Timestamp(now).tz_convert("UTC") - received).dt.total_seconds().to_numpy()
            # awaiting first, oldest (most urgent) first; then the rest, newest first
            frame["rank"] = np.where(awaiting, -1e12 - age, -received.astype("int64").to_numpy() / 1e9)
            frame["when"] = received.dt.tz_convert(now.tzinfo).dt.strftime("%Y-%m-%d %H:%M")
            frame["preview"] = frame["text"].fillna("").str.replace(r"\s+", " ", regex=True).str.slice(0, 200)
        else:
            frame = frame.assign(rank=[], when=[], preview=[])
        self._metrics = [messages.response_metrics(self._records(frame), days) for days in (7, 30, 90)]
        return frame

    @staticmethod
    def _records(frame) -> list[dict]:
        return frame[["received_at", "status", "replied_at"]].to_dict("records") if len(frame) else []

    def filter(self, frame, text: str):
        import numpy as np

        query = parse(text, {"status", "buyer", "order", "sku"})
        if query.empty:
            return None
        mask = np.ones(len(frame), dtype=bool)
        hay = (frame["buyer_name"].fillna("") + " " + frame["order_id"].fillna("") + " " + frame["text"].fillna("")).str.lower()
        for word in query.words:
            mask &= hay.str.contains(word, regex=False).to_numpy()
        for name, value in query.terms.items():
            column = {"buyer": "buyer_name", "order": "order_id"}.get(name, name)
            mask &= frame[column].fillna("").str.lower().str.startswith(value.lower()).to_numpy()
        return np.flatnonzero(mask)

    def show_summary(self, frame) -> None:
        awaiting = frame[frame["status"] == "awaiting"] if len(frame) else frame
        overdue = sum(1 for r in awaiting["received_at"] if messages.time_left({"status": "awaiting", "received_at": r}).total_seconds() < 0) if len(awaiting) else 0
        line = Text()
        line.append(f"{len(awaiting)} awaiting a reply", style="bold")
        if overdue:
            line.append(f" · {overdue} overdue", style="bold red")
        line.append("\nReplies")
        for m in self._metrics:
            average = f"{m.average_hours:.1f} h" if m.average_hours is not None else "—"
            rate = f"{m.late_rate:.0%}" if m.late_rate is not None else "—"
            line.append(f" · {m.days}d: avg {average}, {m.late} of {m.due} late ({rate})")
        self.summary(line)


    def _message(self, position: int | None = None) -> dict | None:
        position = self.table.current_position if position is None else position
        if position is None:
            return None
        return self.table.row(position)

    def detail(self, position: int):
        message = self._message(position)
        if message is None:
            return ""
        note = notes.note_for(self.ctx.store(), message.get("sku"))
        return message_detail(message, note)

    # -- actions ------------------------------------------------------------------------
    def action_new(self) -> None:
        self.app.push_screen(message_form(), lambda v: v and self._log(v))

    @work(thread=True, exclusive=True, group="message-write", exit_on_error=False)
    def _log(self, values: dict) -> None:
        store = self.ctx.store()
        order = None
        if values["order_id"]:
            order = next((o for o in store["orders"].find(lambda d: d.get("order_id") == values["order_id"])), None)
            if order is None:
                self.app.call_from_thread(self.notify, f"No order {values['order_id']} in the store: logged without it.",
                                          severity="warning")
        message = messages.new_message(values["text"], values["received_at"], order, values["buyer_name"])
        if order is None:
            message["order_id"] = values["order_id"] or None
        messages.log_message(store, message)
        self.app.call_from_thread(self._changed, "Message logged; the 24-hour clock is running.")

    def _changed(self, note: str) -> None:
        self.notify(note, timeout=3)
        self.app.broadcast_change(frozenset({"messages"}), external=False)

    def action_replied(self) -> None:
        message = self._message()
        if message:
            self.app.push_screen(replied_form(), lambda v: v and self._set(message, "replied", v["replied_at"]))

    def action_no_reply(self) -> None:
        message = self._message()
        if message:
            self._set(message, "no_response_needed", None)

    @work(thread=True, exclusive=True, group="message-write", exit_on_error=False)
    def _set(self, message: dict, status: str, replied_at) -> None:
        messages.set_status(self.ctx.store(), message, status, replied_at)
        self.app.call_from_thread(self._changed, f"Marked {messages.STATUS_LABELS[status]}.")

    def action_template(self) -> None:
        message = self._message()
        if message:
            self._pick_template(message)

    @work(thread=True, exclusive=True, group="message-template", exit_on_error=False)
    def _pick_template(self, message: dict) -> None:
        store = self.ctx.store()
        order = next(iter(store["orders"].find(lambda d: d.get("order_id") == message.get("order_id")))) \
            if message.get("order_id") else None
        choices = templates.all_templates(store)
        self.app.call_from_thread(self._choose_template, message, order, choices)

    def _choose_template(self, message: dict, order: dict | None, choices: list[dict]) -> None:
        from sellertui.ui.kit.forms import Field, FormScreen

        form = FormScreen("Reply with a template", [Field("template", "Template", kind="choice",
                                                          choices=[(t["name"], t["id"]) for t in choices])],
                          submit_label="Fill and copy")

        def chosen(values: dict | None) -> None:
            if not values:
                return
            template = next(t for t in choices if t["id"] == values["template"])
            filled, missing = templates.fill(template["text"], templates.template_values(message, order))
            self.app.copy_to_clipboard(filled)
            from sellertui.ui.kit.dialogs import InfoScreen

            extra = [f"Not filled (no value): {', '.join(missing)}"] if missing else []
            self.app.push_screen(InfoScreen(f"Copied to the clipboard · {template['name']}",
                                            paragraphs=[filled, *extra]))

        self.app.push_screen(form, chosen)

    def action_open(self) -> None:
        message = self._message()
        if message:
            from sellertui.ui.kit.dialogs import DetailScreen

            note = notes.note_for(self.ctx.store(), message.get("sku"))
            self.app.push_screen(DetailScreen(f"Message from {message.get('buyer_name') or 'a buyer'}",
                                              message_detail(message, note)))

    def action_product_notes(self) -> None:
        message = self._message()
        if message and message.get("sku"):
            self.area.edit_product_note(message["sku"])
        elif message:
            self.notify("This message is not about an order with a SKU.", severity="warning")


def message_detail(message: dict, note: dict | None) -> Group:
    head = Text()
    head.append(plain(message.get("buyer_name") or "a buyer"), style="bold")
    left = messages.describe_left(messages.time_left(message))
    if left:
        head.append(f"  {left}", style="bold red" if left.startswith("overdue") else "bold yellow")
    parts = [head, text(f"received {str(message.get('received_at', ''))[:16].replace('T', ' ')} · "
                        f"order {message.get('order_id') or '—'} · {message.get('sku') or ''}", "dim"),
             Text(""), text(message.get("text") or "")]
    if message.get("replied_at"):
        parts.append(text(f"\nreplied {str(message['replied_at'])[:16].replace('T', ' ')}", "green"))
    parts.extend(note_detail(note))
    return Group(*parts)

"""Buyer messages against their 24-hour deadline, with reply templates and response metrics."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from sellertui.core.i18n import N_, _, shown
from sellertui import clock
from sellertui.domain import fields
from sellertui.domain.orders import messages, templates
from sellertui.domain.orders.message_list import MessageList, filter_messages, message_list
from sellertui.ui.kit.dialogs import DetailScreen, PickScreen
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.kit.messages import Saved
from sellertui.ui.kit.safe import plain, text
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.orders.common import note_detail
from sellertui.ui.tabs.orders.forms import message_form, replied_form


def _left(received_at, row) -> str:
    return messages.describe_left(messages.time_left({"status": row("status"), "received_at": received_at}))


def _left_style(received_at, row) -> str | None:
    left = messages.time_left({"status": row("status"), "received_at": received_at})
    if left is None:
        return "dim"
    hours = left.total_seconds() / 3600
    return "bold red" if hours < 0 else "bold yellow" if hours < 4 else None


class MessagesView(TableView):
    TITLE = N_("Messages")
    KEY = "m"
    TODAY_KEY = "message:{id}"
    TODAY_DONE = frozenset({"messages"})
    EMPTY = N_("No buyer messages logged: n logs one (paste it in).")
    FILTER_HELP = N_("words, or status:awaiting|replied|no buyer: order: sku:")
    DETAIL_WIDTH = 42
    DETAIL_FROM = 110  # the side panel shows from this terminal width
    COLUMNS = [
        Column("received_at", N_("Time left"), 15, fmt=_left, style=_left_style, needs=("status",), sort_key="rank"),
        Column("when", N_("Received"), 16, sort_key="received_at"),
        Column("status", N_("Status"), 8, fmt=lambda v: _("no reply") if v == "no_response_needed" else shown(v)),
        Column("buyer_name", N_("Buyer"), 16),
        Column("order_id", N_("Order"), 19),
        Column("preview", N_("Message"), 60),
    ]
    BINDINGS = [
        # short for the footer at 80 columns; the tooltip is the palette's and ?'s name
        Binding("n", "new", N_("Log"), tooltip=N_("Log message"), id="messages.new"),
        Binding("p", "replied", N_("Replied"), id="messages.replied"),
        Binding("x", "no_reply", N_("No reply"), tooltip=N_("No reply needed"), id="messages.no_reply"),
        Binding("t", "template", N_("Template"), tooltip=N_("Reply template"), id="messages.template"),
        Binding("N", "product_notes", N_("Notes"), id="messages.notes"),
    ]
    listing = MessageList(None, [])

    class TemplatesRead(Message, bubble=False):
        """The state of the order a message is about, the variables' values and the templates (that state's
        first) were read: let the user pick one."""

        def __init__(self, message: dict, state: str | None, values: dict, choices: list[dict]) -> None:
            self.message = message
            self.state = state
            self.values = values
            self.choices = choices
            super().__init__()

    def on_mount(self) -> None:
        self.table.sort_by = ("rank", False)
        self.set_interval(30, self.table.redraw)  # the countdowns move

    def load(self) -> MessageList:
        return message_list(self.shop)

    def show_loaded(self, listing: MessageList) -> None:
        self.listing = listing
        super().show_loaded(listing.frame)

    def filter(self, frame, text: str):
        return filter_messages(frame, text)

    def show_summary(self, frame) -> None:
        awaiting = frame[frame["status"] == "awaiting"] if len(frame) else frame
        overdue = sum(1 for r in awaiting["received_at"] if messages.time_left({"status": "awaiting", "received_at": r}).total_seconds() < 0) if len(awaiting) else 0
        line = Text()
        line.append(_("{n} awaiting a reply").format(n=len(awaiting)), style="bold")
        if overdue:
            line.append(_(" · {overdue} overdue").format(overdue=overdue), style="bold red")
        line.append(_("\nReplies"))
        for m in self.listing.metrics:
            average = f"{m.average_hours:.1f} h" if m.average_hours is not None else "—"
            rate = f"{m.late_rate:.0%}" if m.late_rate is not None else "—"
            line.append(_(" · {days}d: avg {average}, {late} of {due} late ({rate})")
                            .format(days=m.days, average=average, late=m.late, due=m.due, rate=rate))
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
        return message_detail(message, self.listing.note_for(message.get("sku")))

    # -- actions ------------------------------------------------------------------------
    def action_new(self) -> None:
        self.app.push_screen(message_form(), lambda v: v and self._log(v))

    def _log(self, values: dict) -> None:
        self.save(lambda store: messages.log_about_order(store, values["text"], values["received_at"], values["order_id"],
                                                         values["buyer_name"]),
                  _("Message logged; the 24-hour clock is running."), {"messages"})

    def on_saved(self, saved: Saved) -> None:
        # a message about an order the store does not hold is logged all the same: say so
        result = saved.result
        if isinstance(result, messages.Logged) and result.unknown_order:
            self.notify(_("No order {order_id} in the store: logged without it.")
                            .format(order_id=result.message['order_id']), severity="warning")

    def action_replied(self) -> None:
        message = self._message()
        if message:
            self.app.push_screen(replied_form(), lambda v: v and self._set(message, "replied", v["replied_at"]))

    def action_no_reply(self) -> None:
        message = self._message()
        if message:
            self._set(message, "no_response_needed", None)

    def _set(self, message: dict, status: str, replied_at) -> None:
        self.save(lambda store: messages.set_status(store, message, status, replied_at),
                  _("Marked {status}.").format(status=_(messages.STATUS_LABELS[status])), {"messages"})

    def action_template(self) -> None:
        message = self._message()
        if message:
            self._read_templates(message)

    @work(thread=True, exclusive=True, group="message-template", exit_on_error=False)
    def _read_templates(self, message: dict) -> None:
        state, values, choices = templates.reply_context(self.shop.store, message, clock.today())
        self.post_message(self.TemplatesRead(message, state, values, choices))

    def on_messages_view_templates_read(self, read: TemplatesRead) -> None:
        """Pick a template (the order's state first), see it filled, change it if need be, then copy it."""
        state, values, choices = read.state, read.values, read.choices
        by_id = {t["id"]: t for t in choices}
        lead = (_("Order {order}: {state}.").format(order=values["order_id"], state=_(templates.STATES[state])) if state
                else _("No order in the store for this message: only the buyer's name can be filled."))
        options = [(Text.assemble((plain(t["name"]), "bold" if (t.get("when") or "any") in (state, "any") else ""),
                                  ("  " + _("for {state}").format(state=_(templates.STATES.get(t.get("when") or "any", "any order"))),
                                   "dim")),
                    t["id"]) for t in choices]

        def picked(template_id: str | None) -> None:
            if template_id is None:
                return
            template = by_id[template_id]
            filled, missing = templates.fill(template["text"], values)
            note = _("Not filled (no value): {names}").format(names=", ".join("{" + m + "}" for m in missing)) \
                if missing else _("Every variable filled: read it, change what you like, ctrl+s copies it.")
            form = FormScreen(_("Reply · {name}").format(name=template['name']), [
                Field("text", _("Reply"), lambda t: fields.text(t, required=True, max_length=10_000), value=filled,
                      kind="multiline", help=note)], submit_label=_("Copy"))
            self.app.push_screen(form, lambda v: v and self._copy(v["text"], template["name"]))

        self.app.push_screen(PickScreen(_("Reply with a template"), options, lead=lead,
                                        hint=_("enter fills it in · T in Orders edits the templates · esc closes")),
                             picked)

    def _copy(self, reply: str, name: str) -> None:
        self.app.copy_to_clipboard(reply)
        self.notify(_("Copied “{name}” (OSC 52: works over SSH; in tmux set set-clipboard on).").format(name=name), timeout=4)

    def action_open(self) -> None:
        message = self._message()
        if message:
            self.app.push_screen(DetailScreen(_("Message from {buyer_name}")
                                                  .format(buyer_name=message.get("buyer_name") or _("a buyer")),
                                              message_detail(message, self.listing.note_for(message.get("sku")))))

    def action_product_notes(self) -> None:
        message = self._message()
        if message and message.get("sku"):
            self.area.edit_product_note(message["sku"])
        elif message:
            self.notify(_("This message is not about an order with a SKU."), severity="warning")


def message_detail(message: dict, note: dict | None) -> Group:
    head = Text()
    head.append(plain(message.get("buyer_name") or _("a buyer")), style="bold")
    time_left = messages.time_left(message)
    left = messages.describe_left(time_left)
    if left:
        head.append(f"  {left}", style="bold red" if time_left.total_seconds() < 0 else "bold yellow")
    received = _("received {when} · order {order} · {sku}").format(
        when=str(message.get("received_at", ""))[:16].replace("T", " "), order=message.get("order_id") or "—",
        sku=message.get("sku") or "")
    parts = [head, text(received, "dim"),
             Text(""), text(message.get("text") or "")]
    if message.get("replied_at"):
        parts.append(text("\n" + _("replied {when}").format(when=str(message["replied_at"])[:16].replace("T", " ")), "green"))
    parts.extend(note_detail(note))
    return Group(*parts)

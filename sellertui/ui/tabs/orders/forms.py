"""The Orders tab's forms: ship, address, message, reply, return, refund, buyer, product notes."""

from __future__ import annotations

from sellertui.core.i18n import _
from sellertui.domain import fields
from sellertui.domain.orders import postage, returns
from sellertui.domain.orders.addresses import FIELDS as ADDRESS_FIELDS, LABELS, check_address
from sellertui.domain.orders.shipping import CARRIERS, check_tracking
from sellertui.ui.kit.forms import Field, FormScreen


def tracking_field(index: int) -> str:
    """The form field of the index-th order's tracking number (ids cannot hold order ids' dashes and digits first)."""
    return f"tracking_{index}"


def ship_form(order_ids: list[str], default_method: str) -> FormScreen:
    tracking = [Field(tracking_field(i), _("Tracking {oid}").format(oid=oid[-7:]), help=_("order {oid}").format(oid=oid)) for i, oid in enumerate(order_ids)]

    def check(values: dict) -> dict[str, str]:
        problems = {}
        seen: dict[str, str] = {}
        for i, oid in enumerate(order_ids):
            number = values[tracking_field(i)]
            problem = check_tracking(values["carrier"], number)
            if problem:
                problems[tracking_field(i)] = problem
            elif number.replace(" ", "").upper() in seen:
                problems[tracking_field(i)] = _("same number as order {order}").format(
                    order=seen[number.replace(" ", "").upper()])
            seen[number.replace(" ", "").upper()] = oid
        return problems

    return FormScreen(
        _("Mark {n} order(s) shipped").format(n=len(order_ids)),
        [
            Field("carrier", _("Carrier"), kind="choice", choices=[(c, c) for c in CARRIERS], value="USPS"),
            Field("ship_date", _("Ship date"), lambda t: fields.day(t).isoformat(), value="today"),
            Field("method", _("Ship method"), lambda t: fields.text(t, required=True, max_length=60), value=default_method),
            *tracking,
        ],
        check=check,
        submit_label=_("Mark shipped"),
        focus=tracking_field(0),  # carrier, date and method have defaults: the tracking number is what to type
    )


def address_form(order_id: str, address: dict) -> FormScreen:
    form_fields = [
        Field(name, _(LABELS[name]), lambda t: t.strip(), value=str(address.get(name) or ""),
              help=_("two-letter code: US, UK, CA, DE, FR, JP, CN…") if name == "country" else "")
        for name in ADDRESS_FIELDS
    ]
    return FormScreen(_("Shipping address · order {order_id}").format(order_id=order_id), form_fields, check=check_address)


def message_form() -> FormScreen:
    return FormScreen(
        _("Log a buyer message"),
        [
            Field("order_id", _("Order id"), lambda t: t.strip(), placeholder=_("111-1234567-1234567 (optional)")),
            Field("buyer_name", _("Buyer"), lambda t: fields.text(t, max_length=120), placeholder=_("if there is no order")),
            Field("received_at", _("Received"), fields.moment, value="now", help=_("2026-11-21 14:30, or now")),
            Field("text", _("Message"), lambda t: fields.text(t, required=True, max_length=10_000), kind="multiline",
                  help=_("paste the buyer's message")),
        ],
        check=lambda v: {} if v["order_id"] or v["buyer_name"] else {"buyer_name": _("an order id or a buyer name")},
    )


def replied_form() -> FormScreen:
    return FormScreen(_("Mark replied"), [Field("replied_at", _("Replied at"), fields.moment, value="now")])


def return_form(order_id: str, lines: list[dict]) -> FormScreen:
    return FormScreen(
        _("New return · order {order_id}").format(order_id=order_id),
        [
            Field("sku", _("SKU"), kind="choice", choices=[(l["sku"], l["sku"]) for l in lines],
                  value=lines[0]["sku"] if len(lines) == 1 else ""),
            Field("quantity", _("Quantity"), lambda t: fields.integer(t, low=1), value="1"),
            Field("reason", _("Reason"), kind="choice", choices=[(_(returns.REASON_WORDS[r]), r) for r in returns.REASONS]),
            Field("note", _("Note"), lambda t: fields.text(t, max_length=500)),
        ],
    )


def received_form() -> FormScreen:
    return FormScreen(_("Item received back"), [Field("received_at", _("Received"), fields.moment, value="now")])


def refund_form(default_minor: int, currency: str) -> FormScreen:
    return FormScreen(
        _("Refund"),
        [
            Field("amount", _("Amount ({currency})").format(currency=currency), lambda t: fields.money(t, currency), value=f"{default_minor / 100:.2f}"),
            Field("reason", _("Reason"), lambda t: fields.text(t, required=True, max_length=200)),
        ],
        check=lambda v: {"amount": _("must be above zero")} if v["amount"] <= 0 else {},
    )


def order_id_form() -> FormScreen:
    return FormScreen(_("New return"), [Field("order_id", _("Order id"), lambda t: fields.text(t, required=True))])


def tags_form(tags: list[str]) -> FormScreen:
    return FormScreen(_("Buyer tags"), [Field("tags", _("Tags"), lambda t: t, value=", ".join(tags),
                                           help=_("comma-separated, e.g. repeat, vip, wholesale"))])


def buyer_notes_form(notes: str) -> FormScreen:
    return FormScreen(_("Buyer notes"), [Field("notes", _("Notes"), lambda t: fields.text(t, max_length=2000),
                                            value=notes, kind="multiline")])


def blacklist_form(name: str) -> FormScreen:
    return FormScreen(_("Blacklist {name}").format(name=name), [Field("reason", _("Why"), lambda t: fields.text(t, required=True, max_length=500),
                                                  help=_("kept in the buyer's notes"))], submit_label=_("Blacklist"))


def product_note_form(sku: str, note: dict | None) -> FormScreen:
    note = note or {}
    return FormScreen(
        _("Product notes · {sku}").format(sku=sku),
        [
            Field("selling_points", _("Selling points"), lambda t: fields.text(t, max_length=5000),
                  value=note.get("selling_points", ""), kind="multiline"),
            Field("answers", _("Answers to FAQs"), lambda t: fields.text(t, max_length=5000),
                  value=note.get("answers", ""), kind="multiline"),
        ],
    )


def postage_form(order_id: str, left_minor: int, charged_minor: int, currency: str) -> FormScreen:
    return FormScreen(
        _("Refund postage · order {order_id}").format(order_id=order_id),
        [
            Field("amount", _("Amount ({currency})").format(currency=currency), lambda t: fields.money(t, currency), value=f"{left_minor / 100:.2f}",
                  help=_("shipping charged {charged_minor:.2f}, {left_minor:.2f} left to refund")
                           .format(charged_minor=charged_minor / 100, left_minor=left_minor / 100)),
            Field("reason", _("Reason"), kind="choice", choices=[(_(r), r) for r in postage.REASONS]),
            Field("note", _("Note"), lambda t: fields.text(t, max_length=300), help=_("needed when the reason is other")),
        ],
        check=lambda v: {"amount": _("must be above zero")} if v["amount"] <= 0
        else {"amount": _("at most {left_minor:.2f}").format(left_minor=left_minor / 100)} if v["amount"] > left_minor
        else {"note": _("say why")} if v["reason"] == "other" and not v["note"] else {},
        submit_label=_("Refund"),
    )


def delivered_form(order_id: str, shipped: str, recorded: str) -> FormScreen:
    """The day the buyer got the order (the carrier's tracking page says it), checked as it is typed."""
    from sellertui import clock

    def check(values: dict) -> dict[str, str]:
        day = values["day"]
        if day > clock.today():
            return {"day": _("in the future")}
        if day.isoformat() < shipped:
            return {"day": _("before it shipped ({shipped})").format(shipped=shipped)}
        return {}

    return FormScreen(
        _("Delivered · order {order_id}").format(order_id=order_id),
        [Field("day", _("Delivered on"), fields.day, value=recorded or "today",
               help=(_("shipped {shipped}; recorded before: {recorded} · review requests count from this day")
                     if recorded else _("shipped {shipped} · review requests count from this day")).format(
                   shipped=shipped, recorded=recorded)),
         Field("note", _("Note"), lambda t: fields.text(t, max_length=300),
               help=_("how you know (tracking, the buyer)"))],
        check=check,
        submit_label=_("Record"),
    )

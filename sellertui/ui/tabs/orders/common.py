"""Pieces the Orders views share: order details and product notes."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from sellertui.core.i18n import N_, _
from sellertui.core.money import fmt
from sellertui.domain.orders.line_money import discount_of, sales_of
from sellertui.domain.orders.tracking import tracking_link
from sellertui.ui.kit.safe import plain, text

STATUS_STYLE = {"Unshipped": "bold yellow", "Pending": "cyan", "Cancelled": "dim", "Shipping": "green"}
# Amazon's order statuses, shown translated
ORDER_STATUSES = (N_("Pending"), N_("Unshipped"), N_("Shipping"), N_("Shipped"), N_("Cancelled"),
                  N_("PartiallyShipped"), N_("Canceled"))


def order_detail(lines: list[dict], note: dict | None = None, buyer: dict | None = None) -> Group:
    """Everything about one order: items, money, shipping, history, and the product notes."""
    first = lines[0]
    ccy = first.get("currency") or "USD"
    parts: list = []
    head = Text()
    head.append(plain(first["order_id"]), style="bold")
    head.append(f"  {first.get('channel', '')} · {plain(first.get('status', ''))}")
    if buyer and buyer.get("blacklisted"):
        head.append(_("  ⚑ blacklisted buyer"), style="bold red")
    parts.append(head)
    placed = _("placed {when} UTC · {channel}").format(when=first.get("purchase_date", "")[:16].replace("T", " "),
                                                       channel=first.get("sales_channel") or "")
    parts.append(text(placed, "dim"))

    items = Table.grid(padding=(0, 1))
    items.add_column()
    items.add_column(justify="right")
    items.add_column(justify="right")
    total = 0
    for line in lines:
        price = line.get("item_price_minor")
        items.add_row(text(f"{line.get('sku')}  {line.get('product', '')}"), text(f"×{line.get('quantity', 0)}"),
                      text(fmt(price, ccy) if price is not None else "—"))
        total += sales_of(line)
    parts += [Text(_("\nItems"), style="bold underline"), items]
    money = Table.grid(padding=(0, 1))
    money.add_column()
    money.add_column(justify="right")
    for label, key in ((N_("item tax"), "item_tax_minor"), (N_("shipping"), "shipping_price_minor"),
                       (N_("promotion discount"), "promo_discount_minor")):
        amount = sum(discount_of(l) if key == "promo_discount_minor" else l.get(key) or 0 for l in lines)
        if amount:
            money.add_row(_(label), fmt(amount, ccy))
    money.add_row(Text(_("total (excl. tax)"), style="bold"), Text(fmt(total, ccy), style="bold"))
    parts += [Text(_("\nMoney"), style="bold underline"), money]

    ship = Text()
    address = first.get("address")
    if address:
        ship.append(plain(", ".join(str(address.get(k)) for k in ("name", "line1", "line2", "city", "state", "postal_code", "country") if address.get(k))))
        ship.append("\n")
    else:
        ship.append(plain(", ".join(str(first.get(k)) for k in ("ship_city", "ship_state", "ship_postal_code", "ship_country") if first.get(k))) + "\n")
    if first.get("ship_by"):
        ship.append(_("ship by {day} · {service}").format(day=first["ship_by"],
                                                          service=plain(first.get("ship_service_level") or "")) + "\n")
    shipment = first.get("shipment")
    if shipment:
        ship.append(plain(_("shipped {day} with {carrier} · {tracking}").format(
            day=shipment.get("ship_date"), carrier=shipment.get("carrier"), tracking=shipment.get("tracking"))))
        link = tracking_link(shipment.get("carrier"), shipment.get("tracking"))
        if link and first.get("channel") == "FBM":
            ship.append("\n")
            ship.append(plain(link), style=f"link {link}")
    delivered = next((str(l["delivered_at"])[:10] for l in lines if l.get("delivered_at")), "")
    if delivered:
        ship.append(("" if ship.plain.endswith("\n") or not ship.plain else "\n")
                    + _("delivered on {day}").format(day=plain(delivered)), style="green")
    parts += [Text(_("\nShipping"), style="bold underline"), ship]

    history = [h for line in lines[:1] for h in line.get("history") or []]
    if history:
        parts.append(Text(_("\nHistory"), style="bold underline"))
        for h in history:
            parts.append(text(f"{h.get('at', '')[:16].replace('T', ' ')}  {h.get('by', '')}: {h.get('what', '')}"))
    parts.extend(note_detail(note))
    return Group(*parts)


def note_detail(note: dict | None) -> list:
    if not note:
        return []
    parts: list = [Text(_("\nProduct notes · {sku}").format(sku=plain(note.get('sku'))), style="bold underline")]
    if note.get("selling_points"):
        parts.append(text(note["selling_points"]))
    if note.get("answers"):
        parts.append(text(note["answers"], "italic"))
    return parts

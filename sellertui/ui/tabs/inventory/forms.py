"""The Inventory forms: a SKU, a stock correction, a purchase order, a receipt, the thresholds.

Each builds a ``FormScreen`` from the domain's parsers, so every refusal
(negative stock, a lead time of 0 or over 365 days, a case pack of 0, an
unknown SKU on a PO line) is shown under its field before anything is saved.
"""

from __future__ import annotations

from functools import partial

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.config import Settings
from sellertui.domain import fields
from sellertui.domain.economics import cost_currency, cost_entry_on
from sellertui.domain.fields import FieldError
from sellertui.domain.inventory import products as product_rules, purchase_orders as po_rules
from sellertui.domain.inventory.seasonal import format_factors, parse_factors
from sellertui.domain.inventory.settings import LABELS as SETTING_LABELS, check_section
from sellertui.domain.inventory.stock import FIELDS as STOCK_FIELDS, parse_units, units
from sellertui.core.money import fmt
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.kit.settings_form import settings_form


def _money_text(minor: int | None, currency: str) -> str:
    return "" if minor is None else fmt(minor, currency, symbol=False, grouping=False)


def _new_sku(known: set[str], text: str) -> str:
    sku = product_rules.parse_sku(text)
    if sku in known:
        raise FieldError(_("this SKU already exists: edit it instead (e)"))
    return sku


def product_form(product: dict | None, currency: str, known_skus: set[str]) -> FormScreen:
    """Add a SKU (``product`` None) or edit one. A changed landed cost is added from its date."""
    p = product or {}
    currency = p.get("currency", currency)
    lead = p.get("lead_time") or {}
    today = clock.today()
    entry = cost_entry_on(p, today) if p.get("costs") else None
    current = None if entry is None else int(entry["landed_minor"])
    own = cost_currency({"currency": currency}, entry)  # a new SKU's: the shop's home currency
    since = max((c["from"] for c in p.get("costs") or [] if c.get("from", "") <= today.isoformat()), default="")
    cost_help = (_("now {current} since {since}; a different amount is added from the date below, "
                   "older orders keep the old cost").format(current=fmt(current, own), since=since)
                 if current is not None else
                 _("per unit, landed (product + freight + duties + prep); leave blank if not known yet")) \
        + _("; another currency: 45.50 CNY")
    form_fields = []
    if product is None:
        form_fields.append(Field("sku", _("SKU"), partial(_new_sku, known_skus), help=_("as in Seller Central")))
    form_fields += [
        Field("title", _("Title"), lambda t: fields.text(t, required=True, max_length=500), value=p.get("title", "")),
        Field("asin", _("ASIN"), product_rules.parse_asin, value=p.get("asin", "")),
        Field("price_minor", _("Price ({currency})").format(currency=currency), lambda t: fields.money(t, currency),
              value=_money_text(p.get("price_minor"), currency)),
        Field("supplier", _("Supplier"), lambda t: fields.text(t, max_length=200), value=p.get("supplier", "")),
        Field("production_days", _("Production days"), product_rules.parse_days,
              value=str(lead.get("production_days", 30)),
              help=_("lead time = production + freight + FBA receiving: 1 to 365 days in all")),
        Field("freight_days", _("Freight days"), product_rules.parse_days, value=str(lead.get("freight_days", 30))),
        Field("receiving_days", _("FBA receiving days"), product_rules.parse_days,
              value=str(lead.get("receiving_days", 5)), help=_("2–6 days, 2+ weeks at peak")),
        Field("safety_days", _("Safety days"), product_rules.parse_days, value=str(p.get("safety_days", 14))),
        Field("hold_days", _("Days of stock to hold"), partial(product_rules.parse_days, low=1, high=730),
              value=str(p.get("hold_days", 60)), help=_("how many days of sales each order should cover")),
        Field("moq", _("Minimum order"), lambda t: fields.integer(t or "0", low=0, high=10_000_000),
              value=str(p.get("moq", 0)), help=_("units; 0 = no minimum")),
        Field("case_pack", _("Case pack"), product_rules.parse_case_pack, value=str(p.get("case_pack", 1)),
              help=_("units per carton; orders are rounded up to whole cartons")),
        Field("cost_minor", _("Landed cost ({currency})").format(currency=own), partial(product_rules.parse_cost, currency=own),
              value=_money_text(current, own), help=cost_help),
        Field("cost_from", _("Cost applies from"), fields.day, value=today.isoformat()),
        Field("cost_note", _("Cost note"), lambda t: fields.text(t, max_length=200), placeholder=_("e.g. supplier +8%")),
        Field("seasonal", _("Seasonal factors"), parse_factors, value=format_factors(p.get("seasonal")),
              placeholder="11:1.8 12:1.6", help=_("month:factor for this SKU (replaces the shop-wide factor)")),
    ]
    title = _("New SKU") if product is None else _("Edit {id}").format(id=p.get('id', ''))
    return FormScreen(title, form_fields, check=product_rules.check_product)


def stock_form(product: dict) -> FormScreen:
    stock = product.get("stock") or {}
    form_fields = [Field(name, _(label), parse_units, value=str(units(stock, name))) for name, label in STOCK_FIELDS]
    form_fields.append(Field("reason", _("Reason"), lambda t: fields.text(t, required=True, max_length=300),
                             placeholder=_("e.g. 3PL count: 3 boxes damaged"), help=_("kept in the SKU's stock history")))
    return FormScreen(_("Stock of {id}").format(id=product['id']), form_fields)


def purchase_order_form(po: dict | None, catalogue: dict[str, dict], currency: str,
                        suppliers: list[str]) -> FormScreen:
    p = po or {}
    currency = p.get("currency", currency)
    costs = po_rules.default_costs(catalogue, currency, clock.today())
    known = ", ".join(suppliers[:4]) + (" …" if len(suppliers) > 4 else "")
    form_fields = [
        Field("supplier", _("Supplier"), lambda t: fields.text(t, required=True, max_length=200),
              value=p.get("supplier", ""), help=_("known: {known}").format(known=known) if suppliers else ""),
        Field("expected_on", _("Expected arrival"), lambda t: fields.day(t) if t.strip() else None,
              value=p.get("expected_on") or "", placeholder=_("2027-01-15 or +60")),
        Field("lines", _("Lines"), partial(po_rules.parse_lines, known_skus=catalogue, currency=currency,
                                        default_costs=costs),
              value=po_rules.format_lines(p.get("lines") or [], currency), kind="multiline",
              help=_("one per line: SKU QTY [UNIT COST]; no cost: the SKU's landed cost")),
        Field("shipping_minor", _("Shipping ({currency})").format(currency=currency), lambda t: fields.money(t or "0", currency),
              value=_money_text(p.get("shipping_minor", 0), currency)),
        Field("notes", _("Notes"), lambda t: fields.text(t, max_length=1000), value=p.get("notes", ""),
              kind="multiline"),
    ]
    title = _("New purchase order") if po is None else _("Edit PO {id}").format(id=p['id'])
    return FormScreen(title, form_fields)


def receipt_form(po: dict) -> tuple[FormScreen, list[str]]:
    """A field per line still due (prefilled with what is due); returns the form and the SKUs in field order."""
    open_lines = [line for line in po.get("lines") or [] if po_rules.remaining(line)]
    skus = [line["sku"] for line in open_lines]
    form_fields = [
        Field(f"line{i}", line["sku"][:20], parse_units, value=str(po_rules.remaining(line)),
              help=_("ordered {qty:,}, received {received_qty:,}")
                       .format(qty=line['qty'], received_qty=int(line.get('received_qty') or 0)))
        for i, line in enumerate(open_lines)
    ]
    form_fields += [
        Field("on", _("Received on"), _past_day, value=clock.today().isoformat()),
        Field("to", _("Goes to"), kind="choice", value="fbm",
              choices=[(_(label), key) for key, label in po_rules.DESTINATIONS.items()]),
    ]

    def check(values: dict) -> dict[str, str]:
        quantities = {sku: values[f"line{i}"] for i, sku in enumerate(skus)}
        errors = po_rules.check_receipt(po, quantities)
        return {(f"line{skus.index(k)}" if k in skus else k): v for k, v in errors.items()}

    return FormScreen(_("Receive PO {id} from {supplier}").format(id=po['id'], supplier=po.get('supplier', '')), form_fields, check=check,
                      submit_label=_("Receive")), skus


def _past_day(text: str):
    day = fields.day(text)
    if day > clock.today():
        raise FieldError(_("cannot be in the future"))
    return day


def thresholds_form(settings: Settings) -> FormScreen:
    form = settings_form(settings, "inventory", {k: _(v) for k, v in SETTING_LABELS.items()}, check=check_section)
    for f in form.fields:
        if f.name == "seasonal_months":  # blank is allowed here: no shop-wide factor
            f.parse = lambda t: format_factors(parse_factors(t))
            f.help = _("month:factor for every SKU, e.g. 11:1.8 12:1.6 (a SKU's own factor wins)")
    return form

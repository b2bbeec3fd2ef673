"""The Promotions forms: a promotion, an event, a fee table entry. Dates are typed; ctrl+o opens a calendar."""

from __future__ import annotations

from datetime import date

from sellertui.core.i18n import _, shown
from sellertui import clock
from sellertui.domain import fields
from sellertui.core.markets import market
from sellertui.core.money import fmt
from sellertui.domain.promotions import events as event_rules
from sellertui.domain.promotions import fee_table
from sellertui.domain.promotions.fees import TYPES
from sellertui.domain.promotions.records import STATUSES, check, parse_discount, parse_skus
from sellertui.ui.kit.forms import Field
from sellertui.ui.tabs.promotions.datepicker import HINT, DateFormScreen

NO_EVENT = "none"


def _money_text(minor: int | None, currency: str) -> str:
    return "" if minor is None else fmt(minor, currency, symbol=False, grouping=False)


def _marketplace(text: str) -> str:
    try:
        return market(text.strip() or "US").code
    except ValueError as exc:
        raise fields.FieldError(str(exc)) from None


def _optional_day(text: str) -> date | None:
    return fields.day(text) if text.strip() else None


def _event_choices(events: list[dict], today: date, current: str) -> list[tuple[str, str]]:
    """Deal events from a year ago to next year (and the current one), by start."""
    low, high = date(today.year - 1, 1, 1).isoformat(), date(today.year + 2, 1, 1).isoformat()
    shown = [e for e in events if e.get("kind") == "event" and low <= e.get("start", "") < high or e["id"] == current]
    return [(_("(none)"), NO_EVENT)] + [(_("{name} {year} ({start} to {end})").format(
        name=e["name"], year=e["start"][:4], start=e["start"], end=e["end"]), e["id"])
                                      for e in shown]


def promotion_form(promo: dict | None, catalogue: dict[str, dict], events: list[dict], settings,
                   title: str = "") -> DateFormScreen:
    """New (``promo`` None), edit, or duplicate (a record without an id) a promotion."""
    p = promo or {}
    currency = p.get("currency") or settings.home_currency
    today = clock.today()
    by_id = {e["id"]: e for e in events}
    current_event = p.get("event_id") or next(
        (e["id"] for e in events if e.get("name") == p.get("event") and p.get("start", "")[:4] == e["start"][:4]), "")

    def parse_event(value: str) -> dict:
        event = by_id.get(value)
        return {"id": event["id"] if event else "", "name": event["name"] if event else ""}

    sample = ", ".join(list(catalogue)[:2])
    form_fields = [
        Field("name", _("Name"), lambda t: fields.text(t, required=True, max_length=120), p.get("name", ""),
              placeholder=_("Black Friday Lightning – Cutting Board")),
        Field("type", _("Type"), value=p.get("type", "coupon"), kind="choice",
              choices=[(_(label), key) for key, label in TYPES.items()]),
        Field("skus", _("SKUs"), lambda t: parse_skus(t, catalogue), ", ".join(p.get("skus") or []),
              help=_("comma-separated SKUs from the catalogue, e.g. {sample}").format(sample=sample)),
        Field("start", _("Start"), fields.day, p.get("start", ""), placeholder="2026-11-27",
              help=_("a date, today, +14 · {HINT}").format(HINT=HINT)),
        Field("end", _("End"), fields.day, p.get("end", ""), placeholder="2026-11-27", help=_("inclusive · {HINT}")
                                                                                             .format(HINT=HINT)),
        Field("discount_pct", _("Discount %"), parse_discount, f"{p['discount_pct']:g}" if p.get("discount_pct") else "",
              help=_("off the list price; event minimums: Lightning 20, Best Deal and Prime "
                     "Exclusive 15, coupon 5")),
        Field("expected_units", _("Expected units"), lambda t: fields.integer(t or "0", low=0, high=10_000_000),
              str(p.get("expected_units") or ""), help=_("over all its SKUs: the fee per unit and the stock check")),
        Field("budget_minor", _("Budget ({currency})").format(currency=currency), lambda t: fields.money(t or "0", currency),
              _money_text(p.get("budget_minor"), currency) if p.get("budget_minor") else "",
              help=_("coupons: what Amazon may spend on redemptions")),
        Field("status", _("Status"), value=p.get("status", "idea"), kind="choice",
              choices=[(s, s) for s in STATUSES]),
        Field("event", _("Event"), parse_event, current_event or NO_EVENT, kind="choice",
              choices=_event_choices(events, today, current_event),
              help=_("its deadline, peak fees and minimum discount; a deal in an event's days is in "
                     "it anyway")),
        Field("marketplace", _("Marketplace"), _marketplace, p.get("marketplace") or settings.marketplace),
        Field("notes", _("Notes"), lambda t: fields.text(t, max_length=2000), p.get("notes", ""), kind="multiline"),
    ]
    heading = title or (_("New promotion") if not promo else _("Edit {name}").format(name=p.get("name", "")))
    return DateFormScreen(heading, form_fields, check=check, date_fields=("start", "end"), events=events)


def event_form(event: dict | None, settings) -> DateFormScreen:
    e = event or {}
    form_fields = [
        Field("name", _("Name"), lambda t: fields.text(t, required=True, max_length=80), e.get("name", ""),
              placeholder=_("Prime Day")),
        Field("marketplace", _("Marketplace"), _marketplace, e.get("marketplace") or settings.marketplace),
        Field("kind", _("Kind"), value=e.get("kind", "event"), kind="choice",
              choices=[(shown(label), key) for key, label in event_rules.KINDS.items()]),
        Field("start", _("Start"), fields.day, e.get("start", ""), help=HINT),
        Field("end", _("End"), fields.day, e.get("end", ""), help=_("inclusive · {HINT}").format(HINT=HINT)),
        Field("peak", _("Peak fees"), value="yes" if e.get("peak") else "no", kind="choice",
              choices=[(_("yes: peak-event deal fees apply"), "yes"), (_("no"), "no")],
              parse=lambda v: v == "yes"),
        Field("deadline", _("Deal deadline"), _optional_day, e.get("deadline") or "",
              help=_("last day to submit deals; blank if none · {HINT}").format(HINT=HINT)),
        Field("inventory_by", _("Stock at FBA by"), _optional_day, e.get("inventory_by") or "",
              help=_("Amazon's inventory cut-off; blank if none · {HINT}").format(HINT=HINT)),
        Field("note", _("Note"), lambda t: fields.text(t, max_length=400), e.get("note", "")),
    ]
    return DateFormScreen(_("New event") if not event else _("Edit {name}").format(name=e.get("name", "")), form_fields,
                          check=event_rules.check, date_fields=("start", "end", "deadline", "inventory_by"))


def fee_form(entry: dict | None, settings) -> DateFormScreen:
    e = entry or {}
    currency = e.get("currency") or settings.home_currency

    def money(text: str) -> int:
        return fields.money(text or "0", currency)

    def cap(text: str) -> int | None:
        return fields.money(text, currency) if text.strip() else None

    def pct(text: str) -> float:
        return fields.number(text or "0", low=0, high=100)

    form_fields = [
        Field("type", _("Type"), value=e.get("type", "coupon"), kind="choice",
              choices=[(_(label), key) for key, label in TYPES.items()]),
        Field("marketplace", _("Marketplace"), _marketplace, e.get("marketplace") or settings.marketplace),
        Field("currency", _("Currency"), lambda t: fields.text(t, required=True, max_length=3).upper(), currency),
        Field("from", _("From"), fields.day, e.get("from") or clock.today().isoformat(),
              help=_("the first day it applies; the latest entry started wins · {HINT}").format(HINT=HINT)),
        Field("peak", _("Applies to"), value=fee_table.peak_label(e.get("peak")), kind="choice",
              choices=[(_("every promotion"), "any"), (_("peak events only"), "peak"),
                       (_("outside peak events"), "off-peak")],
              parse=lambda v: fee_table.PEAK_CHOICES[v]),
        Field("fixed_minor", _("Fixed"), money, _money_text(e.get("fixed_minor"), currency), help=_("per promotion")),
        Field("per_day_minor", _("Per day"), money, _money_text(e.get("per_day_minor"), currency)),
        Field("sales_pct", _("% of sales"), pct, f"{e.get('sales_pct') or 0:g}", help=_("of the promotion's sales")),
        Field("variable_cap_minor", _("Cap on the %"), cap, _money_text(e.get("variable_cap_minor"), currency),
              help=_("blank: no cap")),
        Field("per_redemption_minor", _("Per redemption"), money, _money_text(e.get("per_redemption_minor"), currency)),
        Field("note", _("Note"), lambda t: fields.text(t, max_length=200), e.get("note", "")),
    ]

    def checked(values: dict) -> dict[str, str]:
        if len(values["currency"]) != 3 or not values["currency"].isalpha():
            return {"currency": _("a 3-letter code like USD")}
        return fee_table.check(values)

    return DateFormScreen(_("New fee entry") if not entry else _("Edit fee: {type}").format(type=shown(TYPES.get(e.get("type"), ""))),
                          form_fields, check=checked, date_fields=("from",))

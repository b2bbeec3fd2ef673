"""Adding and editing SKUs: listing, supplier, lead time, order rules and effective-dated landed cost.

Record shape: see ``sellertui.demo.catalog``. A changed landed cost is *added*
from its date (``costs [{from, landed_minor, currency, note}]``), never written
over the old one, so past orders keep the cost that was in force when they sold
(``sellertui.domain.economics.cost_on``); giving the same date as an existing
entry corrects that entry. A cost is in its own currency (a supplier in China
quotes yuan for a dollar listing): typed as ``56.80 CNY``; without a code it is
in the currency of the cost in force, else the listing's.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, NamedTuple

from sellertui.core.i18n import _, ngettext
from sellertui import clock
from sellertui.domain.economics import cost_currency, cost_entry_on
from sellertui.core.errors import UserError
from sellertui.domain.fields import FieldError, money

SKU_MAX = 40  # Amazon's limit for a seller SKU
ASIN = re.compile(r"^[A-Z0-9]{10}$")
MAX_LEAD_DAYS = 365
LEAD_PARTS = ("production_days", "freight_days", "receiving_days")


class ProductError(UserError):
    pass


class LandedCost(NamedTuple):
    minor: int
    currency: str


def parse_cost(text: str, currency: str) -> LandedCost | None:
    """A landed cost typed as ``6.40`` (in ``currency``) or ``45.50 CNY``; None when blank."""
    words = text.split()
    if not words:
        return None
    if len(words) > 1 or (words[0][-3:].isalpha() and len(words[0]) > 3):
        code = words[-1][-3:] if len(words) == 1 else words[-1]
        amount = words[0][:-3] if len(words) == 1 else " ".join(words[:-1])
        if len(code) != 3 or not code.isalpha() or not code.isascii():
            raise FieldError(_("an amount, then a 3-letter currency code if not {currency}: 45.50 CNY").format(
                currency=currency))
        currency = code.upper()
    else:
        amount = words[0]
    return LandedCost(money(amount, currency), currency)


def _cost(values: dict[str, Any], currency: str) -> LandedCost | None:
    """The cost a form or the CLI gave: a ``LandedCost``, or minor units (in ``cost_currency`` or ``currency``)."""
    given = values.get("cost_minor")
    if given is None or isinstance(given, LandedCost):
        return given
    return LandedCost(int(given), str(values.get("cost_currency") or currency).upper())


def parse_sku(text: str) -> str:
    sku = text.strip()
    if not sku:
        raise FieldError(_("required"))
    if len(sku) > SKU_MAX:
        raise FieldError(_("at most {SKU_MAX} characters (Amazon's limit)").format(SKU_MAX=SKU_MAX))
    if any(c.isspace() or ord(c) < 32 for c in sku):
        raise FieldError(_("no spaces or control characters"))
    return sku


def parse_asin(text: str) -> str:
    asin = text.strip().upper()
    if asin and not ASIN.match(asin):
        raise FieldError(_("10 letters and digits, like B07XJ8C8F5 (or leave it blank)"))
    return asin


def parse_case_pack(text: str) -> int:
    try:
        value = int(text.strip().replace(",", ""))
    except ValueError:
        raise FieldError(_("a whole number of units per carton, like 24")) from None
    if value <= 0:
        raise FieldError(_("a case pack of 0 units cannot be ordered: at least 1 (1 = no cartons)"))
    if value > 100_000:
        raise FieldError(_("at most 100,000 units per carton"))
    return value


def parse_days(text: str, low: int = 0, high: int = MAX_LEAD_DAYS) -> int:
    try:
        value = int(text.strip() or "0")
    except ValueError:
        raise FieldError(_("a whole number of days, like 30")) from None
    if value < low:
        raise FieldError(_("cannot be negative") if low == 0
                         else ngettext("at least {low} day", "at least {low} days", low).format(low=low))
    if value > high:
        raise FieldError(_("at most {high} days").format(high=high))
    return value


def check_product(values: dict[str, Any]) -> dict[str, str]:
    """Rules across fields: the lead time as a whole must be 1 to 365 days."""
    lead = sum(values.get(part, 0) for part in LEAD_PARTS)
    if lead <= 0:
        return {"production_days": _("the lead time (production + freight + receiving) cannot be 0 days")}
    if lead > MAX_LEAD_DAYS:
        return {"production_days": _("the lead time (production + freight + receiving) is {lead} days; "
                                     "at most {max}").format(lead=lead, max=MAX_LEAD_DAYS)}
    return {}


def _own(cost: LandedCost, listing: str) -> str | None:
    """The currency kept on a cost entry: none when it is the listing's (the entry's default)."""
    return None if cost.currency == listing.upper() else cost.currency


def with_cost(costs: list[dict], day: date, landed_minor: int, note: str = "", currency: str | None = None) -> list[dict]:
    """The cost history with a cost from ``day`` (replacing an entry of that same day), oldest first."""
    when = day.isoformat()
    kept = [dict(c) for c in costs or [] if c.get("from") != when]
    entry = {"from": when, "landed_minor": int(landed_minor), "note": note.strip()}
    if currency:
        entry["currency"] = currency.upper()
    kept.append(entry)
    return sorted(kept, key=lambda c: c.get("from", ""))


def _common(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": values["title"],
        "asin": values.get("asin", ""),
        "price_minor": values["price_minor"],
        "supplier": values.get("supplier", ""),
        "lead_time": {part: values[part] for part in LEAD_PARTS},
        "safety_days": values["safety_days"],
        "hold_days": values["hold_days"],
        "moq": values["moq"],
        "case_pack": values["case_pack"],
        "seasonal": values.get("seasonal") or {},
    }


def new_product(values: dict[str, Any], currency: str, marketplace: str) -> dict:
    errors = check_product(values)
    if errors:
        raise ProductError(next(iter(errors.values())))
    record = {"id": values["sku"], "sku": values["sku"], "marketplace": marketplace, "currency": currency,
              **_common(values), "costs": [], "stock": {}, "stock_history": [], "created_at": clock.stamp()}
    cost = _cost(values, currency)
    if cost is not None:
        record["costs"] = with_cost([], values.get("cost_from") or clock.today(), cost.minor,
                                    values.get("cost_note") or "first cost", _own(cost, currency))
    return record


def product_changes(existing: dict, values: dict[str, Any]) -> dict:
    """What an edit changes; a landed cost that differs from the one in force is added from its date."""
    errors = check_product(values)
    if errors:
        raise ProductError(next(iter(errors.values())))
    changes = {k: v for k, v in _common(values).items() if existing.get(k) != v}
    day = values.get("cost_from") or clock.today()
    entry = cost_entry_on(existing, day)
    cost = _cost(values, cost_currency(existing, entry))
    was = None if entry is None else LandedCost(int(entry["landed_minor"]), cost_currency(existing, entry))
    if cost is not None and (cost != was or not existing.get("costs")):
        changes["costs"] = with_cost(existing.get("costs") or [], day, cost.minor, values.get("cost_note") or "",
                                     _own(cost, existing.get("currency") or "USD"))
    return changes


def add_product(store, values: dict[str, Any], currency: str, marketplace: str) -> dict:
    record = new_product(values, currency, marketplace)
    with store.transaction(f"new SKU {record['sku']}") as tx:
        if tx["products"].get(record["id"]) is not None:
            raise ProductError(_("SKU {sku} already exists: edit it instead").format(sku=record['sku']))
        return tx["products"].insert(record)


def edit_product(store, sku: str, values: dict[str, Any], expect_rev: int | None) -> dict | None:
    """Save an edit; None when nothing changed."""
    with store.transaction(f"SKU {sku} edited") as tx:
        existing = tx["products"].get(sku)
        if existing is None:
            raise ProductError(_("SKU {sku} no longer exists").format(sku=sku))
        changes = product_changes(existing, values)
        if not changes:
            return None
        return tx["products"].update(sku, changes, expect_rev=expect_rev)

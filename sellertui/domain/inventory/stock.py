"""A SKU's stock: the fields, their totals, and changes made by hand with a reason.

``product["stock"]`` holds the Manage FBA Inventory report's numbers (the
importers write them) plus the seller's own warehouse (``fbm``). Every change
made in sellertui (by hand, or by receiving a purchase order) appends to
``product["stock_history"]``: ``{at, by, field, old, new, reason, sellable}``,
where ``sellable`` is FBA available + own warehouse after the change, so the
velocity can find the days the SKU was out of stock.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sellertui.core.i18n import N_, _, label
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.domain.fields import FieldError

# (field, label), in the order forms and tables show them
FIELDS: tuple[tuple[str, str], ...] = (
    ("fba_available", N_("FBA available")),
    ("inbound_working", N_("Inbound working")),
    ("inbound_shipped", N_("Inbound shipped")),
    ("inbound_receiving", N_("Inbound receiving")),
    ("reserved", N_("Reserved")),
    ("unsellable", N_("Unsellable")),
    ("fbm", N_("Own warehouse")),
)
LABELS = dict(FIELDS)
INBOUND = ("inbound_working", "inbound_shipped", "inbound_receiving")
MAX_UNITS = 10_000_000


class StockError(UserError):
    pass


def units(stock: dict | None, name: str) -> int:
    value = (stock or {}).get(name)
    return int(value) if isinstance(value, (int, float)) and value == value else 0


def sellable(stock: dict | None) -> int:
    """Units a buyer can be sent today: FBA available + own warehouse."""
    return units(stock, "fba_available") + units(stock, "fbm")


def inbound(stock: dict | None) -> int:
    """Units on their way into FBA (working + shipped + receiving)."""
    return sum(units(stock, f) for f in INBOUND)


def parse_units(text: str) -> int:
    """A stock count typed in a form: a whole number, never negative."""
    try:
        value = int(text.strip().replace(",", "") or "0")
    except ValueError:
        raise FieldError(_("a whole number of units, like 120")) from None
    if value < 0:
        raise FieldError(_("stock cannot be negative"))
    if value > MAX_UNITS:
        raise FieldError(_("at most {MAX_UNITS:,} units").format(MAX_UNITS=MAX_UNITS))
    return value


def check_units(name: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise StockError(_("{field} must be a whole number of units").format(field=label(LABELS, name)))
    if value < 0:
        raise StockError(_("{field} cannot be negative").format(field=label(LABELS, name)))
    if value > MAX_UNITS:
        raise StockError(_("{field}: at most {n} units").format(field=label(LABELS, name), n=f"{MAX_UNITS:,}"))
    return value


def stock_changes(product: dict, new_values: dict[str, int], reason: str, by: str,
                  at: str | None = None) -> dict | None:
    """The product fields to write for a stock change (``stock`` and ``stock_history``); None if nothing changed."""
    reason = " ".join(reason.split())
    if not reason:
        raise StockError(_("say why the stock changed (it is kept in the SKU's history)"))
    old = dict(product.get("stock") or {})
    new = dict(old)
    entries = []
    at = at or clock.stamp()
    for name, value in new_values.items():
        if name not in LABELS:
            raise StockError(_("unknown stock field {name!r}").format(name=name))
        check_units(name, value)
        if units(old, name) != value:
            new[name] = value
            entries.append({"at": at, "by": by, "field": name, "old": units(old, name), "new": value,
                            "reason": reason})
    if not entries:
        return None
    new["updated_at"] = at
    after = sellable(new)
    for entry in entries:
        entry["sellable"] = after
    return {"stock": new, "stock_history": list(product.get("stock_history") or []) + entries}


def add_units(product: dict, name: str, count: int, reason: str, by: str, at: str | None = None) -> dict | None:
    """Changes that add ``count`` units to one stock field (receiving a purchase order)."""
    stock = product.get("stock") or {}
    return stock_changes(product, {name: units(stock, name) + count}, reason, by, at)


def adjust_stock(store, sku: str, new_values: dict[str, int], reason: str, by: str,
                 expect_rev: int | None = None) -> dict:
    """Set stock fields by hand; the old and new numbers and the reason go to the SKU's history."""
    with store.transaction(f"stock of {sku} changed by hand: {reason.strip()}") as tx:
        product = tx["products"].get(sku)
        if product is None:
            raise StockError(_("no SKU {sku!r}").format(sku=sku))
        changes = stock_changes(product, new_values, reason, by)
        if changes is None:
            raise StockError(_("nothing changed"))
        return tx["products"].update(sku, changes, expect_rev=expect_rev)


def out_of_stock_spans(product: dict, today: date) -> list[tuple[date, date]]:
    """Stock-outs recorded in the history: [(first day out, first day back in)).

    A span still open at the end closes on the day the stock was last updated
    (an import may have restocked it without a history entry), or stays open
    until today when the SKU is still out.
    """
    entries = sorted((e for e in product.get("stock_history") or [] if "sellable" in e and e.get("at")),
                     key=lambda e: e["at"])
    spans: list[tuple[date, date]] = []
    out_since: date | None = None
    for entry in entries:
        day = date.fromisoformat(entry["at"][:10])
        if entry["sellable"] <= 0 and out_since is None:
            out_since = day
        elif entry["sellable"] > 0 and out_since is not None:
            spans.append((out_since, day))
            out_since = None
    if out_since is not None:
        end = today
        if sellable(product.get("stock")) > 0:
            updated = str((product.get("stock") or {}).get("updated_at") or "")[:10]
            end = max(out_since, date.fromisoformat(updated)) if updated else out_since
        spans.append((out_since, end))
    return [(a, b) for a, b in spans if b > a]

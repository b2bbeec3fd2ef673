"""Shipping addresses: required fields and postal-code shapes, per country.

Checks what can be checked offline: that the fields a carrier needs are there,
and that the postal code has the shape of its country's codes.
"""

from __future__ import annotations

import re

from sellertui import clock
from sellertui.core.i18n import N_, _
from sellertui.core.errors import UserError

POSTAL = {
    "US": (r"\d{5}(-\d{4})?", N_("5 digits, or 5+4 like 98101-1234")),
    "UK": (r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", N_("like SW1A 1AA")),
    "CA": (r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d", N_("like K1A 0B1")),
    "DE": (r"\d{5}", N_("5 digits")),
    "FR": (r"\d{5}", N_("5 digits")),
    "JP": (r"\d{3}-?\d{4}", N_("like 100-0001")),
    "CN": (r"\d{6}", N_("6 digits")),
}
US_STATES = set(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP AA AE AP".split()
)
CA_PROVINCES = set("AB BC MB NB NL NS NT NU ON PE QC SK YT".split())
FIELDS = ("name", "line1", "line2", "city", "state", "postal_code", "country", "phone")
# the form's labels (translated there); the order's history keeps them in English, as data
LABELS = {"name": N_("Name"), "line1": N_("Address line 1"), "line2": N_("Address line 2"), "city": N_("City"),
          "state": N_("State / region"), "postal_code": N_("Postal code"), "country": N_("Country"),
          "phone": N_("Phone")}


def country_code(value: str) -> str:
    code = (value or "").strip().upper()
    return "UK" if code == "GB" else code


def check_address(address: dict) -> dict[str, str]:
    """Problems by field (empty when the address looks shippable)."""
    problems: dict[str, str] = {}
    for name in ("name", "line1", "city", "postal_code", "country"):
        if not str(address.get(name) or "").strip():
            problems[name] = _("required")
    country = country_code(address.get("country", ""))
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        problems["country"] = _("a two-letter country code, like US or DE")
    state = str(address.get("state") or "").strip().upper()
    if country in ("US", "CA", "CN") and not state:
        problems["state"] = _("required in {country}").format(country=country)
    elif country == "US" and state not in US_STATES:
        problems["state"] = _("a two-letter US state code, like WA")
    elif country == "CA" and state not in CA_PROVINCES:
        problems["state"] = _("a two-letter province code, like ON")
    postal = str(address.get("postal_code") or "").strip().upper()
    if postal and country in POSTAL:
        pattern, shape = POSTAL[country]
        if not re.fullmatch(pattern, postal):
            problems["postal_code"] = _("not a {country} postal code ({shape})").format(country=country, shape=_(shape))
    for name in FIELDS:
        if len(str(address.get(name) or "")) > 120:
            problems[name] = _("at most 120 characters")
    return problems


def change_address(store, order_id: str, partition: str, new: dict, expect_revs: dict[str, int] | None = None) -> dict:
    """Replace the address on every line of an FBM order; the history says what changed."""
    problems = check_address(new)
    if problems:
        field, reason = next(iter(problems.items()))
        raise UserError(f"{LABELS[field]}: {reason}")
    cleaned = {k: str(new.get(k) or "").strip() for k in FIELDS}
    cleaned["country"] = country_code(cleaned["country"])
    if cleaned["country"] in ("US", "CA", "UK"):
        cleaned["state"] = cleaned["state"].upper()
        cleaned["postal_code"] = cleaned["postal_code"].upper()
    with store.transaction(f"changed the shipping address of order {order_id}") as tx:
        orders = tx["orders"]
        lines = [d for d in orders.docs(partition).values() if d.get("order_id") == order_id]
        if not lines:
            raise UserError(_("order {order_id} not found").format(order_id=order_id))
        if any(l.get("status") == "Shipped" for l in lines):
            raise UserError(_("order {order_id} has already shipped; its address can no longer change")
                                .format(order_id=order_id))
        old = lines[0].get("address") or {}
        changes = [f"{LABELS[k]} {old.get(k) or '—'!r} → {cleaned[k] or '—'!r}" for k in FIELDS if (old.get(k) or "") != cleaned[k]]
        if not changes:
            return old
        for line in lines:
            history = list(line.get("history") or [])
            history.append({"at": clock.stamp(), "by": store.user, "what": "address: " + "; ".join(changes)})
            orders.update(line["id"], {"address": cleaned, "ship_city": cleaned["city"], "ship_state": cleaned["state"],
                                       "ship_postal_code": cleaned["postal_code"], "ship_country": cleaned["country"],
                                       "history": history},
                          expect_rev=(expect_revs or {}).get(line["id"]), partition=partition)
    return cleaned

"""Editing the promotion fee table (collection ``promo_fees``): entries checked before they are saved.

An entry: type, marketplace, currency, from (the first day it applies), peak
(True: peak events only, False: outside them, None: both), fixed_minor,
per_day_minor, sales_pct, variable_cap_minor (None: no cap),
per_redemption_minor, note. ``fees.pick`` chooses the entry in force.
"""

from __future__ import annotations

from datetime import date

from sellertui.core.i18n import N_, _, shown
from sellertui.core.errors import UserError
from sellertui.domain.promotions.fees import TYPES

# the form's values and the table's labels (marked: shown translated; the form passes the English key)
PEAK_CHOICES = {N_("any"): None, N_("peak"): True, N_("off-peak"): False}


def peak_label(peak: bool | None) -> str:
    return next(label for label, value in PEAK_CHOICES.items() if value is peak)


def check(values: dict) -> dict[str, str]:
    errors: dict[str, str] = {}
    if values.get("type") not in TYPES:
        errors["type"] = _("choose a promotion type")
    pct = values.get("sales_pct") or 0
    if not 0 <= pct <= 100:
        errors["sales_pct"] = _("between 0 and 100")
    cap = values.get("variable_cap_minor")
    if cap is not None and not pct:
        errors["variable_cap_minor"] = _("a cap needs a share of sales to cap")
    if not any(values.get(k) for k in ("fixed_minor", "per_day_minor", "sales_pct", "per_redemption_minor")):
        if not (values.get("note") or "").strip():
            errors["note"] = _("an entry without any fee: say why (e.g. 'no fee outside events')")
    return errors


def _record(values: dict) -> dict:
    start = values["from"]
    return {"type": values["type"], "marketplace": values["marketplace"], "currency": values["currency"],
            "from": start.isoformat() if isinstance(start, date) else str(start)[:10], "peak": values["peak"],
            "fixed_minor": values.get("fixed_minor") or 0, "per_day_minor": values.get("per_day_minor") or 0,
            "sales_pct": float(values.get("sales_pct") or 0), "variable_cap_minor": values.get("variable_cap_minor"),
            "per_redemption_minor": values.get("per_redemption_minor") or 0, "note": values.get("note", "")}


def _refuse(values: dict) -> None:
    errors = check(values)
    if errors:
        raise UserError(_("; ").join(f"{k}: {v}" for k, v in errors.items()))


def _clash(tx, record: dict, own_id: str | None) -> None:
    for entry in tx["promo_fees"].rows():
        if entry["id"] != own_id and all(entry.get(k) == record[k] for k in ("type", "marketplace", "from", "peak")):
            raise UserError(_("the table already has a {TYPES} entry for {marketplace} from {from_} "
                              "({peak}): edit that one")
                                .format(TYPES=shown(TYPES[record['type']]), marketplace=record['marketplace'], from_=record['from'], peak=shown(peak_label(record['peak']))))


def create(store, values: dict) -> dict:
    _refuse(values)
    record = _record(values)
    with store.transaction(f"added a {TYPES[record['type']]} fee from {record['from']}") as tx:
        _clash(tx, record, None)
        return tx["promo_fees"].insert(record)


def update(store, entry_id: str, values: dict, expect_rev: int | None = None) -> dict:
    _refuse(values)
    record = _record(values)
    with store.transaction(f"edited the {TYPES[record['type']]} fee from {record['from']}") as tx:
        _clash(tx, record, entry_id)
        return tx["promo_fees"].update(entry_id, record, expect_rev=expect_rev)


def delete(store, entry_id: str, expect_rev: int | None = None) -> None:
    with store.transaction("deleted a promotion fee entry") as tx:
        tx["promo_fees"].delete(entry_id, expect_rev=expect_rev)

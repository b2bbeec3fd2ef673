"""Promotion records: what a valid one is, and creating, editing, duplicating and cancelling them.

Record (collection ``promotions``, uid ids): name, type (see ``fees.TYPES``),
skus [..], start, end (ISO dates, inclusive), discount_pct, expected_units,
budget_minor, currency, status (idea → submitted → approved → running → ended,
or cancelled), event (the event's name, "" for none), event_id, marketplace,
notes, history [{at, by, what}].
"""

from __future__ import annotations

from datetime import date, timedelta

from sellertui.core.i18n import N_, _, ngettext, shown, stored_pattern
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.domain.fields import FieldError
from sellertui.domain.promotions.fees import TYPES

# marked for translation where a status is shown; the stored value stays English
STATUSES = (N_("idea"), N_("submitted"), N_("approved"), N_("running"), N_("ended"), N_("cancelled"))
NEXT = {"idea": "submitted", "submitted": "approved", "approved": "running", "running": "ended"}
PLANNED = ("idea", "submitted", "approved")
LIVE = ("idea", "submitted", "approved", "running")  # statuses whose checks still matter
# how long each type may run (Lightning Deals are a slot of hours, coupons 1–90 days)
MAX_DAYS = {"lightning_deal": 1, "best_deal": 14, "coupon": 90, "prime_exclusive": 31, "percent_off": 90,
            "bogo": 90}


class PromotionError(UserError):
    pass


def parse_skus(text: str, catalogue: set[str] | dict) -> list[str]:
    """'A, B c' -> ['A', 'B', 'C'...] as typed (comma or space separated); every SKU must be known."""
    wanted = [s for s in text.replace(",", " ").split() if s]
    if not wanted:
        raise FieldError(_("at least one SKU"))
    by_upper = {str(s).upper(): str(s) for s in catalogue}
    found, unknown = [], []
    for sku in wanted:
        real = sku if sku in catalogue else by_upper.get(sku.upper())
        if real is None:
            unknown.append(sku)
        elif real not in found:
            found.append(real)
    if unknown:
        raise FieldError(ngettext("unknown SKU: {unknown} (not in the catalogue: add it in Inventory)",
                                  "unknown SKUs: {unknown} (not in the catalogue: add it in Inventory)",
                                  len(unknown)).format(unknown=", ".join(unknown[:5])))
    return found


def parse_discount(text: str) -> float:
    """'25' or '25%' -> 25.0; refuses 0 and 100 or more."""
    cleaned = text.strip().rstrip("%").strip()
    try:
        value = float(cleaned)
    except ValueError:
        raise FieldError(_("a percentage, like 20")) from None
    if value != value or value <= 0:
        raise FieldError(_("a discount above 0%"))
    if value >= 100:
        raise FieldError(_("less than 100% (that would give it away)"))
    return round(value, 2)


def check(values: dict) -> dict[str, str]:
    """Rules across fields: {field: reason}. Dates are ``date`` objects here."""
    errors: dict[str, str] = {}
    start, end, kind = values.get("start"), values.get("end"), values.get("type")
    if start and end:
        if end < start:
            errors["end"] = _("on or after the start ({start})").format(start=start.isoformat())
        elif kind in MAX_DAYS and (end - start).days + 1 > MAX_DAYS[kind]:
            limit = MAX_DAYS[kind]
            errors["end"] = (_("a {type} runs within one day (a 4–12 hour slot)") if limit == 1
                             else _("a {type} runs at most {limit} days")).format(type=shown(TYPES[kind]), limit=limit)
    return errors


def validate(record: dict, catalogue: set[str] | dict) -> None:
    """The same rules as the form, for records from the CLI or scripts."""
    if record.get("type") not in TYPES:
        raise PromotionError(_("type must be one of {TYPES}").format(TYPES=', '.join(TYPES)))
    if record.get("status") not in STATUSES:
        raise PromotionError(_("status must be one of {STATUSES}").format(STATUSES=', '.join(STATUSES)))
    if not str(record.get("name") or "").strip():
        raise PromotionError(_("a promotion needs a name"))
    try:
        parse_skus(" ".join(record.get("skus") or []), catalogue)
        parse_discount(str(record.get("discount_pct")))
        start, end = date.fromisoformat(record["start"]), date.fromisoformat(record["end"])
    except FieldError as exc:
        raise PromotionError(str(exc)) from None
    except (KeyError, TypeError, ValueError):
        raise PromotionError(_("start and end must be dates like 2026-11-27")) from None
    errors = check({"start": start, "end": end, "type": record["type"]})
    if errors:
        raise PromotionError(_("; ").join(f"{k}: {v}" for k, v in errors.items()))


def from_form(values: dict, currency: str) -> dict:
    """The record fields from the form's parsed values."""
    return {
        "name": values["name"], "type": values["type"], "skus": list(values["skus"]),
        "start": values["start"].isoformat(), "end": values["end"].isoformat(),
        "discount_pct": values["discount_pct"], "expected_units": values["expected_units"],
        "budget_minor": values["budget_minor"], "currency": currency, "status": values["status"],
        "event": values.get("event_name", ""), "event_id": values.get("event_id") or "",
        "marketplace": values["marketplace"], "notes": values.get("notes", ""),
    }


# A history entry is stored in English (old stores' entries too) and translated when shown: each template
# once, with its status and reason as values.
HISTORY = {
    "created": N_("created as {status}"),
    "edited": N_("edited"),
    "edited_now": N_("edited; now {status}"),
    "now": N_("now {status}"),
    "cancelled": N_("cancelled"),
    "cancelled_why": N_("cancelled: {reason}"),
}
_HISTORY_READ = [(stored_pattern(template, status=r"\w+"), template) for template in HISTORY.values()]


CANCELLED = N_("Cancelled: {reason}")
_CANCELLED = stored_pattern(CANCELLED)


def notes_text(notes: str | None) -> str:
    """A promotion's notes as shown: the line a cancellation added in the current language, the user's as written."""
    lines = []
    for line in (notes or "").split("\n"):
        found = _CANCELLED.fullmatch(line)
        lines.append(_(CANCELLED).format(reason=found["reason"]) if found else line)
    return "\n".join(lines)


def history_text(what: str) -> str:
    """A stored history entry in the current language (one written some other way shows as stored)."""
    for pattern, template in _HISTORY_READ:
        found = pattern.fullmatch(what or "")
        if found:
            value = next(iter(found.groupdict().values()), "")
            return _(template).format(status=shown(value) if value in STATUSES else value, reason=value)
    return what or ""


def _history(record: dict, by: str, what: str) -> list[dict]:
    return list(record.get("history") or []) + [{"at": clock.stamp(), "by": by, "what": what}]


def create(store, record: dict, by: str) -> dict:
    catalogue = set(store["products"].docs())
    validate(record, catalogue)
    with store.transaction(f"planned the promotion {record['name']}") as tx:
        what = HISTORY["created"].format(status=record["status"])
        return tx["promotions"].insert({**record, "history": _history({}, by, what)})


def update(store, promo_id: str, changes: dict, by: str, expect_rev: int | None = None) -> dict:
    catalogue = set(store["products"].docs())
    with store.transaction(f"edited the promotion {changes.get('name', promo_id)}") as tx:
        current = tx["promotions"].get(promo_id)
        if current is None:
            raise PromotionError(_("that promotion no longer exists"))
        record = {**current, **changes}
        validate(record, catalogue)
        what = (HISTORY["edited"] if current.get("status") == record["status"] else
                HISTORY["edited_now"].format(status=record["status"]))
        return tx["promotions"].update(promo_id, {**changes, "history": _history(current, by, what)},
                                       expect_rev=expect_rev)


def duplicate(promo: dict, today: date) -> dict:
    """A copy to plan again: a new idea, the same length, starting where the original started or later."""
    start, end = date.fromisoformat(promo["start"]), date.fromisoformat(promo["end"])
    if start <= today:  # a past promotion repeated: the same length from a week on
        shift = (today - start).days + 7
        start, end = start + timedelta(days=shift), end + timedelta(days=shift)
    copy = {k: v for k, v in promo.items() if not k.startswith("_") and k not in ("id", "history")}
    # the copy's name is the user's to edit: worded in the language they work in
    copy.update(name=_("{name} (copy)").format(name=promo.get("name", "")), status="idea", start=start.isoformat(),
                end=end.isoformat())
    return copy


def advance(store, promo_id: str, by: str, expect_rev: int | None = None) -> dict:
    """Move the status one step on (idea → submitted → approved → running → ended)."""
    with store.transaction("moved a promotion on") as tx:
        current = tx["promotions"].get(promo_id)
        if current is None:
            raise PromotionError(_("that promotion no longer exists"))
        status = current.get("status")
        if status not in NEXT:
            raise PromotionError(_("“{name}” is {status}: it does not move on")
                                     .format(name=current.get('name'), status=status))
        new = NEXT[status]
        what = HISTORY["now"].format(status=new)
        return tx["promotions"].update(promo_id, {"status": new, "history": _history(current, by, what)},
                                       expect_rev=expect_rev)


def cancel(store, promo_id: str, by: str, reason: str = "", expect_rev: int | None = None) -> dict:
    with store.transaction("cancelled a promotion") as tx:
        current = tx["promotions"].get(promo_id)
        if current is None:
            raise PromotionError(_("that promotion no longer exists"))
        if current.get("status") in ("ended", "cancelled"):
            raise PromotionError(_("“{name}” is {status} already")
                                     .format(name=current.get('name'), status=current.get('status')))
        what = HISTORY["cancelled_why"].format(reason=reason) if reason else HISTORY["cancelled"]
        notes = current.get("notes") or ""
        if reason:  # stored English, shown translated (notes_text)
            notes = f"{notes}\n{CANCELLED.format(reason=reason)}".strip()
        return tx["promotions"].update(promo_id, {"status": "cancelled", "notes": notes,
                                                  "history": _history(current, by, what)}, expect_rev=expect_rev)

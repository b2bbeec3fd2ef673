"""Marketplace events and holidays: when they run, when deals must be in, when stock must be at FBA.

Record (collection ``events``, id = ``<market>-<year>-<slug>`` for seeded ones):
name, marketplace, start, end (ISO dates, inclusive), kind (``event``: an
Amazon deal event such as Prime Day; ``holiday``: a date shoppers buy for),
peak (bool: peak-event deal fees apply), deadline (the deal-submission
deadline, or None), inventory_by (the FBA inventory cut-off, or None),
estimate (bool), note, source (``seed`` or ``user``), removed (a seeded event
the user deleted: kept as a tombstone so seeding does not bring it back).

The US calendar is seeded with the dates Amazon announced for 2025 and derived for later years
by the same pattern (marked as estimates until Amazon announces the dates).
Seeding only adds ids that are missing, so the user's edits stay.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sellertui.core.i18n import N_, _, shown, stored_pattern
from sellertui.core.errors import UserError

KINDS = {"event": N_("Deal event"), "holiday": N_("Holiday")}  # shown translated
FIRST_SEEDED_YEAR = 2025
# A seeded event's note is stored in English (old stores' notes too) and translated when shown (note_text).
ESTIMATED_NOTE = N_("estimated from the {known} pattern until Amazon announces the dates: {rule}")
_ESTIMATED = stored_pattern(ESTIMATED_NOTE, known=r"\d{4}")


# -- dates that move every year --------------------------------------------------
def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (Monday = 0) of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    return nth_weekday(year, 11, 3, 4)


def black_friday(year: int) -> date:
    return thanksgiving(year) + timedelta(days=1)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def first_full_week_tuesday(year: int, month: int) -> date:
    """The Tuesday of the first week (Monday to Sunday) that lies wholly in the month."""
    return nth_weekday(year, month, 0, 1) + timedelta(days=1)


# -- the US seeds ---------------------------------------------------------------------
def _event(year: int, slug: str, name: str, start: date, end: date, peak: bool, deadline: date | None,
           inventory_by: date | None, estimate: bool, note: str, kind: str = "event") -> dict:
    return {"id": f"US-{year}-{slug}", "name": name, "marketplace": "US", "kind": kind,
            "start": start.isoformat(), "end": end.isoformat(), "peak": peak,
            "deadline": deadline.isoformat() if deadline else None,
            "inventory_by": inventory_by.isoformat() if inventory_by else None,
            "estimate": estimate, "note": note, "source": "seed", "removed": False}


def _holiday(year: int, slug: str, name: str, day: date, note: str = "") -> dict:
    return _event(year, slug, name, day, day, False, None, None, False, note, kind="holiday")


# What Amazon announced for 2025. Later years follow the same pattern, as estimates.
KNOWN_2025 = {
    "prime-day": N_("Jul 8–11 (deal deadline and FBA cut-off: 6 and 3 weeks ahead, estimated; check Seller "
                    "Central)"),
    "prime-big-deal-days": N_("Oct 7–8; deal deadline Sep 12 (FBA cut-off 3 weeks ahead, estimated)"),
    "bfcm": N_("Nov 20/21–Dec 1/2; deal deadline Oct 28, inventory at FBA by Oct 30"),
}


def us_deal_events(year: int) -> list[dict]:
    """Prime Day, Prime Big Deal Days and Black Friday–Cyber Monday of ``year`` (US).

    The pattern reproduces the 2025 dates: Prime Day from the second Tuesday of
    July for four days; Prime Big Deal Days on the Tuesday and Wednesday of the
    first full week of October, deals due 25 days ahead; Black Friday–Cyber
    Monday from a week before Thanksgiving to the Monday after it, deals due 23
    days and stock at FBA 21 days ahead.
    """
    prime = nth_weekday(year, 7, 1, 2)
    big = first_full_week_tuesday(year, 10)
    bfcm = thanksgiving(year) - timedelta(days=7)
    patterns = [
        ("prime-day", "Prime Day", prime, prime + timedelta(days=3), 42, 21,
         N_("second Tuesday of July, four days")),
        ("prime-big-deal-days", "Prime Big Deal Days", big, big + timedelta(days=1), 25, 21,
         N_("first full week of October, Tuesday–Wednesday")),
        ("bfcm", "Black Friday–Cyber Monday", bfcm, thanksgiving(year) + timedelta(days=4), 23, 21,
         N_("a week before Thanksgiving to Cyber Monday")),
    ]
    found = []
    for key, name, start, end, deadline_days, stock_days, rule in patterns:
        known = year == 2025
        note = KNOWN_2025[key] if known else ESTIMATED_NOTE.format(known="2025", rule=rule)
        found.append(_event(year, key, name, start, end, True, start - timedelta(days=deadline_days),
                            start - timedelta(days=stock_days), not known, note))
    return found


def us_holidays(year: int) -> list[dict]:
    return [
        _holiday(year, "new-year", "New Year's Day", date(year, 1, 1)),
        _holiday(year, "valentines", "Valentine's Day", date(year, 2, 14)),
        _holiday(year, "easter", "Easter", easter(year)),
        _holiday(year, "mothers-day", "Mother's Day", nth_weekday(year, 5, 6, 2), N_("second Sunday of May")),
        _holiday(year, "fathers-day", "Father's Day", nth_weekday(year, 6, 6, 3), N_("third Sunday of June")),
        _holiday(year, "independence-day", "Independence Day", date(year, 7, 4)),
        _holiday(year, "labor-day", "Labor Day", nth_weekday(year, 9, 0, 1), N_("first Monday of September")),
        _holiday(year, "halloween", "Halloween", date(year, 10, 31)),
        _holiday(year, "thanksgiving", "Thanksgiving", thanksgiving(year), N_("fourth Thursday of November")),
        _holiday(year, "christmas", "Christmas", date(year, 12, 25)),
    ]


def note_text(note: str | None) -> str:
    """An event's stored note in the current language (a note the user wrote shows as written)."""
    found = _ESTIMATED.fullmatch(note or "")
    if found:
        return _(ESTIMATED_NOTE).format(known=found["known"], rule=shown(found["rule"]))
    return shown(note)


def seeds(today: date) -> list[dict]:
    """The US calendar from 2025 through next year."""
    found = []
    for year in range(FIRST_SEEDED_YEAR, max(today.year + 1, 2026) + 1):
        found += us_deal_events(year) + us_holidays(year)
    return found


# -- reading ------------------------------------------------------------------------------
def visible(events: list[dict]) -> list[dict]:
    """Events that are not removed, by start."""
    return sorted((e for e in events if not e.get("removed")), key=lambda e: (e.get("start", ""), e.get("name", "")))


def all_events(store, today: date) -> list[dict]:
    """The stored events plus any seed not stored yet (without writing: CLI and Today read this)."""
    stored = {e["id"]: e for e in store["events"].rows()}
    for seed in seeds(today):
        stored.setdefault(seed["id"], seed)
    return visible(list(stored.values()))


def seed(store, today: date) -> int:
    """Store the seeds that are missing (first use, and each new year); the user's edits stay."""
    existing = {e["id"] for e in store["events"].rows()}
    missing = [s for s in seeds(today) if s["id"] not in existing]
    if not missing:
        return 0
    with store.transaction(f"seeded {len(missing)} marketplace events and holidays") as tx:
        have = {e["id"] for e in tx["events"].rows()}  # a teammate may have seeded meanwhile
        missing = [s for s in missing if s["id"] not in have]
        if missing:
            tx["events"].upsert_many(missing)
    return len(missing)


def overlaps(event: dict, start: str, end: str) -> bool:
    return event.get("start", "") <= end and start <= event.get("end", "")


def on_day(events: list[dict], day: str) -> list[dict]:
    return [e for e in events if e.get("start", "") <= day <= e.get("end", "")]


# a deal running during a deal event is one of its deals (peak fees, its deadline, its minimum discount)
OVERLAP_JOINS = ("lightning_deal", "best_deal")


def event_for(promo: dict, events: list[dict]) -> dict | None:
    """The deal event a promotion runs in: the one it names, else (deals only) a deal event its dates overlap."""
    market = promo.get("marketplace") or "US"
    start, end = str(promo.get("start") or "")[:10], str(promo.get("end") or promo.get("start") or "")[:10]
    mine = [e for e in events if (e.get("marketplace") or "US") == market and not e.get("removed")]
    if promo.get("event_id"):
        named = next((e for e in mine if e["id"] == promo["event_id"]), None)
        if named is not None:
            return named
    name = (promo.get("event") or "").strip().lower()
    if name:
        named = [e for e in mine if e.get("name", "").strip().lower() == name]
        near = [e for e in named if overlaps(e, start, end)] or [e for e in named if e["start"][:4] == start[:4]]
        if near:
            return near[0]
    if promo.get("type") not in OVERLAP_JOINS:  # a coupon or discount joins an event only when it says so
        return None
    return next((e for e in mine if e.get("kind") == "event" and overlaps(e, start, end)), None)


# -- writing ------------------------------------------------------------------------------
def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "event"


def new_id(name: str, marketplace: str, start: str, taken: set[str]) -> str:
    base = f"{marketplace}-{start}-{slug(name)}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def check(values: dict) -> dict[str, str]:
    """Cross-field rules of the event form: {field: reason}."""
    errors: dict[str, str] = {}
    start, end = values.get("start"), values.get("end")
    if start and end and end < start:
        errors["end"] = f"on or after the start ({start})"
    for key, label in (("deadline", "deal deadline"), ("inventory_by", "FBA cut-off")):
        when = values.get(key)
        if when and start and when > start:
            errors[key] = f"the {label} comes before the start ({start})"
    return errors


def _record(values: dict) -> dict:
    day = lambda v: v.isoformat() if isinstance(v, date) else v  # noqa: E731
    return {"name": values["name"], "marketplace": values["marketplace"], "kind": values["kind"],
            "start": day(values["start"]), "end": day(values["end"]), "peak": bool(values["peak"]),
            "deadline": day(values.get("deadline")), "inventory_by": day(values.get("inventory_by")),
            "note": values.get("note", ""), "estimate": False}


def create(store, values: dict) -> dict:
    errors = check(values)
    if errors:
        raise UserError("; ".join(f"{k}: {v}" for k, v in errors.items()))
    record = _record(values)
    with store.transaction(f"added the event {record['name']}") as tx:
        taken = {e["id"] for e in tx["events"].rows()}
        record.update(id=new_id(record["name"], record["marketplace"], record["start"], taken), source="user",
                      removed=False)
        return tx["events"].insert(record)


def update(store, event_id: str, values: dict, expect_rev: int | None = None) -> dict:
    errors = check(values)
    if errors:
        raise UserError("; ".join(f"{k}: {v}" for k, v in errors.items()))
    record = _record(values)
    with store.transaction(f"edited the event {record['name']}") as tx:
        return tx["events"].update(event_id, record, expect_rev=expect_rev)


def remove(store, event_id: str, expect_rev: int | None = None) -> str:
    """Delete a user's event; a seeded one is hidden (so the next seeding does not bring it back)."""
    with store.transaction("removed an event") as tx:
        current = tx["events"].get(event_id)
        if current is None:
            raise UserError(_("that event no longer exists"))
        if current.get("source") == "seed":
            tx["events"].update(event_id, {"removed": True}, expect_rev=expect_rev)
            return "hidden"
        tx["events"].delete(event_id, expect_rev=expect_rev)
        return "deleted"

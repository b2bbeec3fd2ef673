"""Which ASINs are watched, in which marketplace, and whose they are."""

from __future__ import annotations

import re

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.core.markets import market as market_of

# an ASIN is ten letters and digits (B0… for most products, the ISBN-10 for books)
ASIN = re.compile(r"^[A-Z0-9]{10}$")
COLLECTION = "watchlist"


def clean_asin(text: str) -> str:
    asin = str(text or "").strip().upper()
    if not ASIN.match(asin):
        raise UserError(_("{text!r} is not an ASIN: ten letters and digits, like B07XJ8C8F5").format(text=text))
    return asin


def clean_market(code: str) -> str:
    try:
        found = market_of(code)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if not found.amazon_id:
        raise UserError(_("{name} is not an Amazon marketplace: only Amazon ASINs can be watched")
                            .format(name=found.name))
    return found.code


def key(market: str, asin: str) -> str:
    return f"{market}|{asin}"


def entries(store) -> list[dict]:
    """Every watched ASIN: the shop's own first, then by label."""
    return sorted(store[COLLECTION].rows(), key=lambda e: (not e.get("own"), (e.get("label") or "").lower(),
                                                            e["asin"]))


def find(store, asin: str, market: str) -> dict | None:
    return store[COLLECTION].get(key(clean_market(market), clean_asin(asin)))


def add(store, asin: str, market: str, own: bool = False, label: str = "", note: str = "", by: str = "") -> dict:
    """Watch ``asin`` in ``market``; watching it again is refused (edit it instead)."""
    asin, market = clean_asin(asin), clean_market(market)
    label = " ".join(str(label).split())[:80]
    record = {"id": key(market, asin), "asin": asin, "marketplace": market, "own": bool(own), "label": label,
              "note": str(note).strip()[:500], "added_at": clock.stamp(), "added_by": by}
    with store.transaction(f"watching {asin} ({market})") as tx:
        if tx[COLLECTION].get(record["id"]) is not None:
            raise UserError(_("{asin} is already watched in {market}").format(asin=asin, market=market))
        return tx[COLLECTION].insert(record)


def edit(store, entry: dict, own: bool, label: str, note: str) -> dict:
    changes = {"own": bool(own), "label": " ".join(str(label).split())[:80], "note": str(note).strip()[:500]}
    with store.transaction(f"watch entry {entry['asin']} edited") as tx:
        return tx[COLLECTION].update(entry["id"], changes, expect_rev=entry.get("_rev"))


def remove(store, asin: str, market: str, keep_history: bool = True) -> int:
    """Stop watching; returns how many snapshots were deleted (none unless ``keep_history`` is False)."""
    from sellertui.domain.watch.snapshots import COLLECTION as SNAPSHOTS

    asin, market = clean_asin(asin), clean_market(market)
    record_id = key(market, asin)
    with store.transaction(f"stopped watching {asin} ({market})") as tx:
        if tx[COLLECTION].get(record_id) is None:
            raise UserError(_("{asin} is not watched in {market}").format(asin=asin, market=market))
        tx[COLLECTION].delete(record_id)
        if keep_history:
            return 0
        view = tx[SNAPSHOTS]
        doomed = {p: [d["id"] for d in view.docs(p).values() if d["asin"] == asin and d["marketplace"] == market]
                  for p in view.partitions()}
        return view.delete_many(doomed)

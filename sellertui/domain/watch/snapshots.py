"""One snapshot per watched ASIN and day, merged from the sync and from the user's entries.

A day's record gathers whatever was learnt that day: the sync writes price,
Buy Box and offer count (Product Pricing) and sales rank (Catalog Items); the
user types or imports rating, review count, coupon and deal. Each write sets
only its own fields, so neither wipes the other, and each field remembers
where it came from (``sources``). A second sync the same day replaces that
day's API figures: the history keeps one entry a day.

Fields left out are unknown (``None``); a coupon or deal of ``""`` means
"none", which is what makes a later coupon *new*.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.domain.watch.watchlist import key as entry_key

COLLECTION = "watch_snapshots"
API_FIELDS = ("price_minor", "lowest_minor", "buybox_price_minor", "buybox_seller", "buybox_mine", "offers", "rank",
              "rank_category", "title", "currency")
ENTRY_FIELDS = ("price_minor", "rank", "rating", "reviews", "coupon", "deal", "buybox_seller", "buybox_mine",
                "buybox_price_minor")
FIELDS = tuple(dict.fromkeys(API_FIELDS + ENTRY_FIELDS))
SOURCES = ("api", "entry", "csv", "demo")


def snapshot_id(market: str, asin: str, day: str) -> str:
    return f"{market}|{asin}|{day}"


def check_values(values: dict) -> dict:
    """The fields a snapshot may carry, checked: ranges a wrong column or a typo would break."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise UserError(_("unknown snapshot field(s): {unknown}").format(unknown=', '.join(sorted(unknown))))
    out = {}
    for name, value in values.items():
        if value is None:
            continue
        if name == "rating" and not 0 <= float(value) <= 5:
            raise UserError(_("a rating is between 0 and 5 stars, not {value}").format(value=value))
        if name in ("reviews", "offers", "rank") and int(value) < 0:
            raise UserError(_("{name} cannot be negative ({value})").format(name=name, value=value))
        if name in ("price_minor", "lowest_minor", "buybox_price_minor") and int(value) < 0:
            raise UserError(_("a price cannot be negative ({value})").format(value=value))
        out[name] = value
    return out


def build(market: str, asin: str, day: date | str, values: dict, source: str) -> dict:
    """The record (or the part of it) one source learnt about ``asin`` on ``day``."""
    if source not in SOURCES:
        raise UserError(_("unknown snapshot source {source!r}").format(source=source))
    day_text = day.isoformat() if isinstance(day, date) else str(day)
    try:
        seen = date.fromisoformat(day_text)
    except ValueError:
        raise UserError(_("{day_text!r} is not a date like 2026-11-22").format(day_text=day_text)) from None
    if seen > clock.today():
        raise UserError(_("{day_text} is in the future: a snapshot records what was seen").format(day_text=day_text))
    fields = check_values(values)
    if source == "api":  # a later sync the same day replaces all of that day's API figures, unknowns too
        fields = {name: fields.get(name) for name in API_FIELDS}
    return {"id": snapshot_id(market, asin, day_text), "asin": asin, "marketplace": market, "day": day_text,
            **fields, "sources": {name: source for name in fields}, "at": clock.stamp()}


def _merge(old: dict, incoming: dict) -> dict:
    """Keep the other sources' fields: only the incoming ones (and their sources) change."""
    merged = dict(incoming)
    merged["sources"] = {**(old.get("sources") or {}), **incoming.get("sources", {})}
    return merged


def record(store, snapshots: list[dict], note: str) -> dict[str, int]:
    """Write snapshots (from ``build``) for watched ASINs only, all in one transaction."""
    from sellertui.domain.watch.watchlist import COLLECTION as WATCHLIST

    with store.transaction(note) as tx:
        watched = tx[WATCHLIST]
        missing = sorted({s["asin"] for s in snapshots if watched.get(entry_key(s["marketplace"], s["asin"])) is None})
        if missing:
            raise UserError(_("not on the watch list: {asins}{more} (add it first: sellertui watch add ASIN)")
                                .format(asins=", ".join(missing[:5]), more=" …" if len(missing) > 5 else ""))
        return tx[COLLECTION].upsert_many(snapshots, merge=_merge)


def history_by_entry(store, since: str | None = None) -> dict[str, list[dict]]:
    """Every snapshot by watch key (``marketplace|asin``), oldest day first; ``since`` a YYYY-MM-DD."""
    view = store[COLLECTION]
    parts = [p for p in view.partitions() if since is None or p == "undated" or p >= since[:7]]
    out: dict[str, list[dict]] = defaultdict(list)
    for doc in view.rows(parts):
        if since is None or doc["day"] >= since:
            out[entry_key(doc["marketplace"], doc["asin"])].append(doc)
    for docs in out.values():
        docs.sort(key=lambda d: d["day"])
    return dict(out)


def history(store, market: str, asin: str) -> list[dict]:
    return history_by_entry(store).get(entry_key(market, asin), [])


def latest_known(history_: list[dict], name: str, before: str | None = None) -> dict | None:
    """The newest snapshot (before the day ``before``, if given) that knows ``name``."""
    for doc in reversed(history_):
        if before is not None and doc["day"] >= before:
            continue
        if doc.get(name) is not None:
            return doc
    return None

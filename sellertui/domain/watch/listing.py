"""The watch list as the Inventory view and ``sellertui watch list`` show it: each ASIN's latest figures,
its change since the snapshot before, its alerts and its history (one entry a day)."""

from __future__ import annotations

from datetime import date

from sellertui.core.i18n import _
from sellertui.domain.watch.alerts import KINDS, WatchSettings, alerts_for
from sellertui.domain.watch.snapshots import FIELDS, history_by_entry, latest_known

SHOWN_FIELDS = ("price_minor", "buybox_price_minor", "buybox_seller", "buybox_mine", "offers", "rank",
                "rank_category", "rating", "reviews", "coupon", "deal")


def _latest(history: list[dict]) -> dict:
    """Each figure as last known (a day's entry may hold only some), with the day it is from."""
    out: dict = {}
    for name in SHOWN_FIELDS + ("currency", "title"):
        doc = latest_known(history, name)
        out[name] = None if doc is None else doc[name]
    out["day"] = history[-1]["day"] if history else None
    return out


def _change(history: list[dict], name: str) -> float | None:
    """Percent change of ``name`` between the last two snapshots that know it."""
    newer = latest_known(history, name)
    older = latest_known(history, name, before=newer["day"]) if newer else None
    if older is None or not older[name]:
        return None
    return (newer[name] - older[name]) / older[name] * 100


def day_entry(doc: dict) -> dict:
    """One history entry: the day's figures (unknown ones null) and where each came from."""
    return {"day": doc["day"], **{name: doc.get(name) for name in FIELDS}, "sources": doc.get("sources") or {}}


def watch_rows(store, settings: WatchSettings, today: date) -> list[dict]:
    """One row per watched ASIN, own first, with ``history`` (oldest first) and ``alerts``."""
    from sellertui.domain.watch.watchlist import entries

    histories = history_by_entry(store)
    rows = []
    for entry in entries(store):
        history = histories.get(entry["id"], [])
        latest = _latest(history)
        alerts = alerts_for(entry, history, settings, today)
        rows.append({"key": entry["id"], "asin": entry["asin"], "marketplace": entry["marketplace"],
                     "own": bool(entry.get("own")), "label": entry.get("label") or latest.get("title") or "",
                     "note": entry.get("note") or "", "added_at": entry.get("added_at"), **latest,
                     "price_change_pct": _change(history, "price_minor"), "rank_change_pct": _change(history, "rank"),
                     "alerts": alerts, "history": [day_entry(d) for d in history], "_entry": entry})
    return rows


def as_json(row: dict) -> dict:
    """``sellertui watch list --json``: stable keys; money in minor units with its currency."""
    out = {k: v for k, v in row.items() if k not in ("alerts", "history", "_entry", "key")}
    out["alerts"] = [a.as_json() for a in row["alerts"]]
    out["history"] = row["history"]
    return out


def buybox_text(row: dict) -> str:
    """Who holds the Buy Box: you, a seller, nobody (typed "none"), other (not named), or — (not known)."""
    if row.get("buybox_mine"):
        return _("you")
    if row.get("buybox_seller") == "":
        return _("nobody")
    return row.get("buybox_seller") or ("—" if row.get("buybox_mine") is None else _("other"))


def watch_frame(rows: list[dict]):
    """The rows as the view's table (pandas: call from a worker)."""
    import pandas as pd

    def number(value):
        return float("nan") if value is None else value

    return pd.DataFrame({
        "key": [r["key"] for r in rows],
        "asin": [r["asin"] for r in rows],
        "marketplace": [r["marketplace"] for r in rows],
        "whose": ["own" if r["own"] else "rival" for r in rows],
        "label": [r["label"] for r in rows],
        "day": [r["day"] or "" for r in rows],
        "price_minor": [number(r["price_minor"]) for r in rows],
        "currency": [r["currency"] or "USD" for r in rows],
        "price_change_pct": [number(r["price_change_pct"]) for r in rows],
        "buybox": [buybox_text(r) for r in rows],
        "offers": [number(r["offers"]) for r in rows],
        "rank": [number(r["rank"]) for r in rows],
        "rank_change_pct": [number(r["rank_change_pct"]) for r in rows],
        "rating": [number(r["rating"]) for r in rows],
        "reviews": [number(r["reviews"]) for r in rows],
        "coupon": [r["coupon"] or "" for r in rows],
        "deal": [r["deal"] or "" for r in rows],
        "alerts": [", ".join(dict.fromkeys(_(KINDS[a.kind]) for a in r["alerts"])) for r in rows],
    })

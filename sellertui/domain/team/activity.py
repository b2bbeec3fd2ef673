"""Who changed what, when: every write to the store leaves one entry in ``activity``."""

from __future__ import annotations

from datetime import date, timedelta

from sellertui.store import Store


def describe_changes(changes: dict) -> str:
    """"orders: 2 inserted, 1 updated; tasks: 1 deleted"."""
    parts = []
    for collection, counts in (changes or {}).items():
        done = [f"{counts[k]} {k}" for k in ("inserted", "updated", "deleted") if counts.get(k)]
        parts.append(f"{collection}: {', '.join(done)}")
    return "; ".join(parts)


def recent_entries(store: Store, today: date, days: int) -> list[dict]:
    view = store["activity"]
    since = (today - timedelta(days=days)).isoformat()
    return list(view.rows([p for p in view.partitions() if p >= since]))


def activity_frame(store: Store, today: date, days: int, tz):
    """The last ``days`` of changes as a frame (``at`` sorts in time order: entry ids are time-ordered)."""
    import pandas as pd

    entries = recent_entries(store, today, days)
    frame = pd.DataFrame({
        "at": [e.get("at", "") for e in entries],
        "user": [e.get("user", "") for e in entries],
        "note": [e.get("note") or "" for e in entries],
        "what": [describe_changes(e.get("changes")) for e in entries],
        "ids": ["; ".join(f"{c}: {', '.join(v.get('ids', []))}" for c, v in (e.get("changes") or {}).items())
                for e in entries],
    })
    if len(frame):
        moments = pd.to_datetime(frame["at"], utc=True, errors="coerce").dt.tz_convert(tz)
        frame["when"] = moments.dt.strftime("%Y-%m-%d %H:%M")
        frame["at"] = frame["at"] + "|" + pd.Series([e["id"] for e in entries])
    else:
        frame["when"] = []
    return frame


def last_change(store: Store, day: date) -> tuple[str, str]:
    """(who, what) of the latest change of ``day``: ("another process", "") when no entry says."""
    entries = store["activity"].docs(day.isoformat())
    if not entries:
        return "another process", ""
    last = max(entries.values(), key=lambda e: (e.get("at", ""), e["id"]))  # ids are time-ordered
    return last.get("user") or "another process", last.get("note") or ""


def change_line(who: str, what: str, collections, at: str) -> str:
    """How the header tells another process's change: the records it changed, or what it did when it changed
    none (an import of a file already in, which only logs itself, is not "changed settings")."""
    shown = sorted(c for c in collections if c not in ("activity", "meta"))
    if shown:
        return f"{who} changed {', '.join(shown)} at {at}"
    if what:
        return f"{who}: {what} (nothing new) at {at}"
    return f"{who} changed the store's settings at {at}"

"""What a user ticked, snoozed and opened today: per day, per user, kept in the store.

One record per (day, user, item): ``today_ticks`` ids are ``day|user|item``. The
time between opening an item (enter) and ticking it is the workload measure.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sellertui import clock


def tick_id(day: date, user: str, key: str) -> str:
    return f"{day.isoformat()}|{user}|{key}"


def state_for(store, day: date, user: str) -> dict[str, dict]:
    """This user's records for ``day`` by item key."""
    prefix = f"{day.isoformat()}|{user}|"
    docs = store["today_ticks"].docs(day.isoformat()[:7])
    return {doc_id[len(prefix):]: doc for doc_id, doc in docs.items() if doc_id.startswith(prefix)}


def snoozed_until(store, user: str, key: str) -> str | None:
    doc = store["today_snoozes"].get(f"{user}|{key}")
    return doc.get("until") if doc else None


def _record(tx, day: date, user: str, key: str, area: str, **fields) -> dict:
    col = tx["today_ticks"]
    rid = tick_id(day, user, key)
    current = col.get(rid, partition=day.isoformat()[:7])
    if current is None:
        return col.insert({"id": rid, "day": day.isoformat(), "user": user, "item": key, "area": area, **fields})
    return col.update(rid, fields, partition=day.isoformat()[:7])


def toggle_tick(store, user: str, key: str, area: str, title: str) -> bool:
    """Tick (or untick) an item for today; returns whether it is now ticked."""
    day = clock.today()
    now = clock.now()
    with store.transaction() as tx:
        current = tx["today_ticks"].get(tick_id(day, user, key), partition=day.isoformat()[:7])
        ticked = not (current or {}).get("ticked_at")
        tx.note = f"today: {'ticked' if ticked else 'unticked'} {title[:60]}"
        fields = {"ticked_at": now.isoformat(timespec="seconds") if ticked else None, "title": title}
        opened = (current or {}).get("opened_at")
        if ticked and opened:
            fields["seconds"] = max(0, int((now - datetime.fromisoformat(opened)).total_seconds()))
        elif not ticked:
            fields["seconds"] = None
        _record(tx, day, user, key, area, **fields)
    return ticked


def mark_opened(store, user: str, key: str, area: str, title: str) -> None:
    """The user opened the item (enter): the clock for its workload starts, once a day."""
    day = clock.today()
    current = store["today_ticks"].get(tick_id(day, user, key), partition=day.isoformat()[:7])
    if current and current.get("opened_at"):
        return
    with store.transaction(f"today: opened {title[:60]}", log=False) as tx:
        _record(tx, day, user, key, area, opened_at=clock.stamp(), title=title)


def snooze(store, user: str, key: str, title: str) -> str:
    until = (clock.today() + timedelta(days=1)).isoformat()
    with store.transaction(f"today: snoozed {title[:60]} to {until}") as tx:
        col = tx["today_snoozes"]
        rid = f"{user}|{key}"
        if col.get(rid) is None:
            col.insert({"id": rid, "user": user, "item": key, "until": until, "title": title})
        else:
            col.update(rid, {"until": until, "title": title})
    return until


def workload(store, user: str | None, days: int = 30) -> dict[str, dict]:
    """Time from opening to ticking, per area, over the last ``days`` days."""
    since = (clock.today() - timedelta(days=days)).isoformat()
    view = store["today_ticks"]
    per_area: dict[str, dict] = {}
    for doc in view.rows([p for p in view.partitions() if p >= since[:7]]):
        if doc.get("day", "") < since or (user and doc.get("user") != user) or not doc.get("seconds"):
            continue
        entry = per_area.setdefault(doc.get("area") or "other", {"seconds": 0, "items": 0})
        entry["seconds"] += doc["seconds"]
        entry["items"] += 1
    return dict(sorted(per_area.items(), key=lambda kv: -kv[1]["seconds"]))

"""What a user ticked, snoozed and worked on today: per day, per user, kept in the store.

One record per (day, user, item): ``today_ticks`` ids are ``day|user|item``.
The workload measure is the time spent on an item, in work sessions: one
starts when the item is opened (enter in Today, or a record opened in its own
tab) and ends when it is ticked, its record's state changes, or the user
leaves it; each ended session adds to the record's ``worked`` seconds. A
session is capped (``LONGEST``): an item left open over lunch is not an hour
of work. Records written before sessions existed carry ``seconds`` instead.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sellertui import clock

LONGEST = timedelta(hours=2)  # one sitting on one item; beyond it the user was elsewhere


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


def _session_end(current: dict | None, now: datetime) -> dict:
    """The fields that end the open session of ``current`` (none open: nothing)."""
    opened = (current or {}).get("opened_at")
    if not opened:
        return {}
    spent = min(max(now - datetime.fromisoformat(opened), timedelta(0)), LONGEST)
    return {"opened_at": None, "worked": int((current or {}).get("worked") or 0) + int(spent.total_seconds())}


def toggle_tick(store, user: str, key: str, area: str, title: str) -> bool:
    """Tick (or untick) an item for today; returns whether it is now ticked. A tick ends its work session."""
    day = clock.today()
    now = clock.now()
    with store.transaction() as tx:
        current = tx["today_ticks"].get(tick_id(day, user, key), partition=day.isoformat()[:7])
        ticked = not (current or {}).get("ticked_at")
        tx.note = f"today: {'ticked' if ticked else 'unticked'} {title[:60]}"
        fields = {"ticked_at": now.isoformat(timespec="seconds") if ticked else None, "title": title,
                  **(_session_end(current, now) if ticked else {})}
        _record(tx, day, user, key, area, **fields)
    return ticked


def mark_opened(store, user: str, key: str, area: str, title: str) -> None:
    """The user opened the item (enter here, or its record in its tab): a work session starts, if none is open."""
    day = clock.today()
    current = store["today_ticks"].get(tick_id(day, user, key), partition=day.isoformat()[:7])
    if current and current.get("opened_at"):
        return
    with store.transaction(f"today: opened {title[:60]}", log=False) as tx:
        _record(tx, day, user, key, area, opened_at=clock.stamp(), title=title)


def close_work(store, user: str, key: str, area: str, title: str, done: bool = False) -> int:
    """End the item's work session (its record changed, or the user left it); ``done`` ticks it too.

    Returns the seconds the session added (0 when none was open).
    """
    day = clock.today()
    current = store["today_ticks"].get(tick_id(day, user, key), partition=day.isoformat()[:7])
    ended = _session_end(current, clock.now())
    if not ended and not done:
        return 0
    with store.transaction(f"today: worked on {title[:60]}", log=False) as tx:
        current = tx["today_ticks"].get(tick_id(day, user, key), partition=day.isoformat()[:7])  # under the lock
        ended = _session_end(current, clock.now())
        fields = {**ended, "title": title}
        if done and not (current or {}).get("ticked_at"):
            fields["ticked_at"] = clock.stamp()
        _record(tx, day, user, key, area, **fields)
    return ended["worked"] - int((current or {}).get("worked") or 0) if ended else 0


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


def worked_seconds(doc: dict) -> int:
    """The time spent on one item on one day (its ended sessions; older records: opening to ticking)."""
    return int(doc.get("worked") or doc.get("seconds") or 0)


def workload(store, user: str | None, days: int = 30) -> dict[str, dict]:
    """Time spent on items (from Today and in their own tabs), per area, over the last ``days`` days."""
    since = (clock.today() - timedelta(days=days)).isoformat()
    view = store["today_ticks"]
    per_area: dict[str, dict] = {}
    for doc in view.rows([p for p in view.partitions() if p >= since[:7]]):
        seconds = worked_seconds(doc)
        if doc.get("day", "") < since or (user and doc.get("user") != user) or not seconds:
            continue
        entry = per_area.setdefault(doc.get("area") or "other", {"seconds": 0, "items": 0})
        entry["seconds"] += seconds
        entry["items"] += 1
    return dict(sorted(per_area.items(), key=lambda kv: -kv[1]["seconds"]))

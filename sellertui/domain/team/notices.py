"""Team notices (全员通知): a notice for everyone, on each member's Today until they acknowledge it.

A notice keeps who has read it and when (``read_by``); its author has read
it by writing it. The team is everyone who owns a task, wrote to the store
in the last 30 days or read a notice, so the author sees who has not read it
yet. Only the author withdraws a notice (it leaves everyone's Today; the
record stays, marked).
"""

from __future__ import annotations

from datetime import date

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.domain.team.activity import recent_entries

COLLECTION = "notices"
TEAM_DAYS = 30


def post(store, author: str, title: str, body: str = "") -> dict:
    title = " ".join(str(title).split())
    if not title:
        raise UserError(_("a notice needs a title"))
    if len(title) > 120:
        raise UserError(_("a notice title is at most 120 characters"))
    if len(body) > 4000:
        raise UserError(_("a notice is at most 4,000 characters"))
    now = clock.stamp()
    notice = {"title": title, "body": body.strip(), "author": author, "posted_at": now, "read_by": {author: now},
              "withdrawn_at": None}
    with store.transaction(f"posted a notice: {title}") as tx:
        return tx[COLLECTION].insert(notice)


def acknowledge(store, notice_id: str, user: str) -> dict:
    """Mark the notice read by ``user`` (again is harmless: the first reading's time is kept)."""
    with store.transaction("read a notice") as tx:
        notice = tx[COLLECTION].get(notice_id)
        if notice is None:
            raise UserError(_("that notice no longer exists"))
        if user in (notice.get("read_by") or {}):
            return notice
        return tx[COLLECTION].update(notice_id, {"read_by": {**notice.get("read_by", {}), user: clock.stamp()}})


def withdraw(store, notice: dict, user: str) -> dict:
    if notice.get("author") != user:
        raise UserError(_("only {author} can withdraw this notice")
                            .format(author=notice.get('author') or 'its author'))
    with store.transaction(f"withdrew the notice: {notice['title']}") as tx:
        return tx[COLLECTION].update(notice["id"], {"withdrawn_at": clock.stamp()}, expect_rev=notice.get("_rev"))


def notices(store) -> list[dict]:
    """Every notice, newest first (withdrawn ones included, marked)."""
    return sorted(store[COLLECTION].rows(), key=lambda n: (n.get("posted_at") or "", n["id"]), reverse=True)


def unread(store, user: str) -> list[dict]:
    """The live notices ``user`` has not acknowledged, oldest first (the first posted waits longest)."""
    return [n for n in reversed(notices(store)) if not n.get("withdrawn_at") and user not in (n.get("read_by") or {})]


def team(store, today: date | None = None) -> list[str]:
    """Who the shop's notices are for: task owners, recent writers and readers."""
    today = today or clock.today()
    people = {t.get("owner") for t in store["tasks"].rows()}
    people |= {e.get("user") for e in recent_entries(store, today, TEAM_DAYS)}
    for notice in store[COLLECTION].rows():
        people |= set(notice.get("read_by") or {})
    return sorted(p for p in people if p and p != "another process")


def readers(notice: dict, members: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """(who read it and when, oldest first; who has not yet) — for its author."""
    read = sorted((notice.get("read_by") or {}).items(), key=lambda kv: kv[1])
    return read, [m for m in members if m not in (notice.get("read_by") or {})]

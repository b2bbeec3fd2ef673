"""The task lists the Team tab shows (everyone's, mine, by owner, overdue) and the activity frame, as frames."""

from __future__ import annotations

from datetime import date, timezone

from sellertui.domain.team import lists, tasks
from sellertui.domain.team.activity import activity_frame

TODAY = date(2026, 11, 22)  # the frozen clock's day


def team(store) -> dict[str, dict]:
    made = {
        "late": tasks.add_task(store, "Reply to the supplier", owner="ana", due="2026-11-20", priority="high"),
        "today": tasks.add_task(store, "Ship the samples", owner="ben", due="2026-11-22"),
        "undated": tasks.add_task(store, "Think about Q1", owner="ana"),
        "nobody": tasks.add_task(store, "Fix the listing", due="2026-11-25", priority="low"),
        "done": tasks.add_task(store, "Old chore", owner="ana", due="2026-11-01"),
    }
    made["done"] = tasks.set_status(store, made["done"]["id"], "done")
    made["nobody"] = tasks.add_comment(store, made["nobody"]["id"], "photos are in the drive")
    return made


def titles(frame, order: str = "rank") -> list[str]:
    return list(frame.sort_values(order)["title"])


def test_everyones_tasks_rank_open_before_done_then_by_due_day(store) -> None:
    team(store)
    frame = lists.everyones_tasks(store)
    assert titles(frame) == ["Reply to the supplier", "Ship the samples", "Fix the listing", "Think about Q1",
                             "Old chore"]
    assert titles(frame) == [t["title"] for t in tasks.list_tasks(store, include_done=True)]  # as the CLI lists
    row = frame.set_index("title").loc["Fix the listing"]
    assert (row["talk"], row["late"], row["today"]) == (1, False, "2026-11-22")
    assert {"_rev", "_by", "comments", "links"} <= set(frame.columns)


def test_mine_is_my_open_tasks_and_overdue_is_anyones_late_open_tasks(store) -> None:
    team(store)
    assert titles(lists.my_tasks(store, "ana")) == ["Reply to the supplier", "Think about Q1"]
    overdue = lists.overdue_tasks(store)
    assert titles(overdue) == ["Reply to the supplier"] and overdue["late"].all()


def test_by_owner_sorts_by_owner_with_nobody_last(store) -> None:
    team(store)
    frame = lists.tasks_by_owner(store)
    assert titles(frame, "owner_rank") == ["Reply to the supplier", "Think about Q1", "Old chore",
                                           "Ship the samples", "Fix the listing"]


def test_no_tasks_are_empty_frames_with_the_columns(store) -> None:
    for frame in (lists.everyones_tasks(store), lists.overdue_tasks(store), lists.tasks_by_owner(store)):
        assert len(frame) == 0 and {"id", "title", "late", "rank", "talk"} <= set(frame.columns)


def test_the_activity_frame_says_who_changed_what(store) -> None:
    team(store)
    frame = activity_frame(store, TODAY, 30, timezone.utc)
    assert set(frame["user"]) == {"ana"} and "added task: Ship the samples" in set(frame["note"])
    assert all(w.startswith("tasks: ") for w in frame["what"]) and frame["when"].str.match(r"\d{4}-").all()

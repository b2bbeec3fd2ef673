"""Team notices: posted for everyone, on Today until read, readers visible to the author, withdrawn by them."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sellertui.core.errors import UserError
from sellertui.domain.team import notices
from sellertui.domain.team.tasks import add_task
from sellertui.domain.today.sections import checklist
from tests.shops import shop_of

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


def items(store, user: str) -> list:
    """The user's "Team notices" items (a Today without any shows no such section)."""
    found = next((s for s in checklist(shop_of(store, user=user), user, NOW) if s.name == "Team notices"), None)
    return [] if found is None else found.items


def test_a_notice_is_on_each_members_today_until_they_read_it(store) -> None:
    add_task(store, "Pack the returns", owner="ben")
    add_task(store, "Reconcile", owner="chen")
    posted = notices.post(store, "ana", "  Warehouse   closed Friday ", "Ship FBM orders by Thursday 3 pm.")
    assert posted["title"] == "Warehouse closed Friday" and set(posted["read_by"]) == {"ana"}
    assert items(store, "ana") == []  # the author read it by writing it
    (item,) = items(store, "ben")
    assert item.title == "ana: Warehouse closed Friday" and item.key == f"notice:{posted['id']}"
    assert (item.area, item.view, item.value) == ("team", "noticesview", posted["id"])
    notices.acknowledge(store, posted["id"], "ben")
    first = store["notices"].get(posted["id"])["read_by"]["ben"]
    notices.acknowledge(store, posted["id"], "ben")  # again: the first reading's time is kept
    assert store["notices"].get(posted["id"])["read_by"]["ben"] == first
    assert items(store, "ben") == [] and len(items(store, "chen")) == 1
    read, waiting = notices.readers(store["notices"].get(posted["id"]), notices.team(store))
    assert [who for who, _ in read] == ["ana", "ben"] and waiting == ["chen"]


def test_only_the_author_withdraws_and_then_it_leaves_everyones_today(store) -> None:
    posted = notices.post(store, "ana", "Price change on jars")
    with pytest.raises(UserError, match="only ana can withdraw"):
        notices.withdraw(store, posted, "ben")
    notices.withdraw(store, store["notices"].get(posted["id"]), "ana")
    assert notices.unread(store, "ben") == [] and items(store, "ben") == []
    assert notices.notices(store)[0]["withdrawn_at"]


def test_a_notice_needs_a_title_and_unread_ones_come_oldest_first(store) -> None:
    with pytest.raises(UserError, match="needs a title"):
        notices.post(store, "ana", "   ")
    with pytest.raises(UserError, match="at most 120"):
        notices.post(store, "ana", "x" * 121)
    with pytest.raises(UserError, match="no longer exists"):
        notices.acknowledge(store, "nope", "ben")
    notices.post(store, "ana", "first")
    notices.post(store, "chen", "second")
    assert [n["title"] for n in notices.unread(store, "ben")] == ["first", "second"]
    assert [n["title"] for n in notices.notices(store)] == ["second", "first"]

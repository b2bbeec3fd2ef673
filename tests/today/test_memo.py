"""The slow sections are remembered until what they read changes, and never served stale."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sellertui import clock
from sellertui.domain.today import memo, sections, ticks
from sellertui.domain.today.acts import stateful
from sellertui.domain.today.model import Item, Section
from sellertui.store import open_store
from tests.shops import shop_of


@pytest.fixture
def store(demo_copy):
    s = open_store(demo_copy, user="ana")
    yield s
    s.close()


def counting(name: str = "reorder_section"):
    calls = []

    def provider(sources, now, user):
        calls.append(now)
        count = len(sources.store["purchase_orders"].all())
        return Section("SKUs to reorder now", "inventory",
                       [Item(key=f"reorder:{count}", title=f"{count} POs", urgency=1.5, late=True)], total=7)

    provider.__name__ = name
    return provider, calls


def test_second_call_is_served_from_the_memo_with_the_same_section(store):
    provider, calls = counting()
    sources = shop_of(store)
    now = clock.now()
    first = memo.remembered(sources, provider, now, "ana")
    again = memo.remembered(shop_of(store), provider, now, "ana")
    assert len(calls) == 1
    assert again == first
    assert again.items[0].late is True and again.total == 7


def test_a_write_to_a_collection_it_reads_recomputes(store):
    provider, calls = counting()
    now = clock.now()
    memo.remembered(shop_of(store), provider, now, "ana")
    with store.transaction("new PO") as tx:
        tx["purchase_orders"].insert({"sku": "X", "status": "draft", "lines": []})
    section = memo.remembered(shop_of(store), provider, now, "ana")
    assert len(calls) == 2
    assert section.items[0].title == f"{len(store['purchase_orders'].all())} POs"


def test_ticks_tasks_and_another_user_or_day(store):
    provider, calls = counting()
    now = clock.now()
    memo.remembered(shop_of(store), provider, now, "ana")
    ticks.toggle_tick(store, "ana", "task:x", "team", "a tick")  # collections it does not read
    with store.transaction("a task") as tx:
        tx["tasks"].insert({"title": "t"})
    memo.remembered(shop_of(store), provider, now, "ana")
    assert len(calls) == 1
    memo.remembered(shop_of(store), provider, now, "ben")
    memo.remembered(shop_of(store), provider, now + timedelta(days=1), "ana")
    assert len(calls) == 3


def test_a_changed_setting_recomputes(store):
    from sellertui import config

    provider, calls = counting()
    now = clock.now()
    settings = config.load()
    memo.remembered(shop_of(store, settings), provider, now, "ana")
    settings.sections["inventory"] = {**settings.section("inventory"), "order_soon_days": 30}
    memo.remembered(shop_of(store, settings), provider, now, "ana")
    assert len(calls) == 2


def test_a_damaged_memo_file_is_recomputed_and_replaced(store):
    provider, calls = counting()
    now = clock.now()
    sources = shop_of(store)
    memo.remembered(sources, provider, now, "ana")
    path = memo._path(sources, "ana")
    path.write_bytes(b"\x00{not json")
    section = memo.remembered(shop_of(store), provider, now, "ana")
    assert len(calls) == 2 and section.items
    memo.remembered(shop_of(store), provider, now, "ana")
    assert len(calls) == 2


def test_providers_without_declared_reads_are_never_remembered(store):
    provider, calls = counting("some_new_section")
    now = clock.now()
    memo.remembered(shop_of(store), provider, now, "ana")
    memo.remembered(shop_of(store), provider, now, "ana")
    assert len(calls) == 2


def test_every_slow_provider_declares_what_it_reads():
    assert {p.__name__ for p in sections.SLOW} <= set(memo.READS)


def test_checklist_from_the_memo_still_applies_todays_ticks(store):
    now = clock.now()
    first = sections.checklist(shop_of(store), "ana", now, which="slow")
    item = next(i for s in first for i in s.items if not stateful(i.key))  # a tick of its own (not a record's)
    ticks.toggle_tick(store, "ana", item.key, item.area, item.title)
    again = sections.checklist(shop_of(store), "ana", now, which="slow")
    ticked = {i.key for s in again for i in s.items if i.ticked}
    assert item.key in ticked


def test_a_new_login_reads_the_sections_kept_beside_the_store_privately(store, tmp_path, monkeypatch):
    provider, calls = counting()
    now = clock.now()
    memo.remembered(shop_of(store), provider, now, "ana")
    monkeypatch.setenv("SELLERTUI_CACHE_DIR", str(tmp_path / "a-cleared-cache"))  # a new login, an empty cache dir
    again = memo.remembered(shop_of(store), provider, now, "ana")
    assert len(calls) == 1 and again.items
    path = memo._path(shop_of(store), "ana")
    assert path.parent.parent == store.layout.data_dir / "frames"
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700
    memo.remembered(shop_of(store), provider, now, "ben")  # another user: a file of their own
    assert len(calls) == 2 and memo._path(shop_of(store), "ben") != path

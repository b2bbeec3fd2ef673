"""Damaged files are named, kept and never overwritten; backups bring them back; migrations."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sellertui.store import CorruptFile, open_store, schema
from sellertui.store.backups import list_backups
from sellertui.store.health import check, restore
from tests.store.legacy import tasks_v2


def _seed(data_dir: Path):
    store = open_store(data_dir, user="ana")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "a"})
    return store


def test_a_daily_backup_is_taken_before_the_first_write(data_dir: Path, monkeypatch) -> None:
    store = _seed(data_dir)
    assert [b.day for b in list_backups(store.layout)] == ["2026-11-22"]
    # the backup holds the store as it was before today's first write: no tasks yet
    assert not (data_dir / "backups/2026-11-22/tasks/all.json").exists()
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "b"})
    backup = json.loads((data_dir / "backups/2026-11-23/tasks/all.json").read_text())
    assert [t["title"] for t in backup["tasks"].values()] == ["a"]


def test_only_seven_days_are_kept(data_dir: Path, monkeypatch) -> None:
    store = _seed(data_dir)
    for day in range(1, 12):
        monkeypatch.setenv("SELLERTUI_NOW", f"2026-12-{day:02d}T09:00:00+00:00")
        with store.transaction() as tx:
            tx["tasks"].insert({"title": str(day)})
    assert [b.day for b in list_backups(store.layout)] == [f"2026-12-{d:02d}" for d in range(11, 4, -1)]


def _damage(path: Path) -> bytes:
    path.write_bytes(b'{"tasks": {"1": {"title": "a"')  # truncated
    return path.read_bytes()


def test_a_damaged_file_is_named_kept_and_never_overwritten(data_dir: Path, monkeypatch) -> None:
    store = _seed(data_dir)
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")
    with store.transaction() as tx:  # the 23rd's backup now holds the good file
        tx["tasks"].insert({"title": "b"})
    path = store.layout.partition_path("tasks", "all")
    damaged = _damage(path)
    fresh = open_store(data_dir)
    with pytest.raises(CorruptFile) as caught:
        fresh["tasks"].all()
    assert str(path) in str(caught.value) and "sellertui restore" in str(caught.value)
    assert caught.value.backup == data_dir / "backups/2026-11-23/tasks/all.json"
    with pytest.raises(CorruptFile):
        with fresh.transaction() as tx:
            tx["tasks"].insert({"title": "would overwrite"})
    assert path.read_bytes() == damaged
    # other collections still work
    with fresh.transaction() as tx:
        tx["expenses"].insert({"date": "2026-11-23", "amount_minor": 1})


def test_restore_brings_back_the_newest_good_copy_and_keeps_the_damaged_one(data_dir: Path, monkeypatch) -> None:
    store = _seed(data_dir)
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "b"})
    path = store.layout.partition_path("tasks", "all")
    damaged = _damage(path)
    assert len(check(data_dir)) == 1
    ((restored, kept, source),) = restore(data_dir).files
    assert restored == path and kept.read_bytes() == damaged
    assert source == data_dir / "backups/2026-11-23/tasks/all.json"
    assert [t["title"] for t in open_store(data_dir)["tasks"].all()] == ["a"]
    assert check(data_dir) == []


def test_a_damaged_meta_file_stops_the_cli_with_the_file_named(data_dir: Path) -> None:
    store = _seed(data_dir)
    store.layout.meta.write_bytes(b"\x00\x00garbage")
    result = subprocess.run(
        [sys.executable, "-m", "sellertui", "--data-dir", str(data_dir), "summary"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert str(store.layout.meta) in result.stderr and "left untouched" in result.stderr
    assert store.layout.meta.read_bytes() == b"\x00\x00garbage"


def test_cli_check_and_restore(data_dir: Path, monkeypatch) -> None:
    store = _seed(data_dir)
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "b"})
    _damage(store.layout.partition_path("tasks", "all"))
    run = lambda *a: subprocess.run([sys.executable, "-m", "sellertui", "--data-dir", str(data_dir), *a],  # noqa: E731
                                    capture_output=True, text=True)
    bad = run("check")
    assert bad.returncode == 1 and "tasks/all.json" in bad.stdout
    fixed = run("restore")
    assert fixed.returncode == 0 and "damaged file is kept" in fixed.stdout
    assert run("check").returncode == 0


# -- migrations --------------------------------------------------------------------

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_migrations_run_on_open_from_an_older_store(tmp_path: Path, monkeypatch) -> None:
    """tests/fixtures/store-v1 holds tasks at version 1, where the owner was called 'assignee'."""
    import shutil

    data_dir = tmp_path / "old"
    shutil.copytree(FIXTURES / "store-v1", data_dir)
    monkeypatch.setitem(schema.COLLECTIONS, "tasks", tasks_v2())
    store = open_store(data_dir)
    tasks = store["tasks"].all()
    assert {t["owner"] for t in tasks} == {"ana", "ben"}
    assert all(t["_v"] == 2 and "assignee" not in t for t in tasks)
    assert store.meta["schemas"]["tasks"] == 2
    # a backup of the old store was taken first
    (backup,) = list_backups(store.layout)
    old = json.loads((backup.path / "tasks/all.json").read_text())
    assert all("assignee" in t for t in old["tasks"].values())
    # and once migrated, opening again does nothing more
    before = store.layout.partition_path("tasks", "all").read_bytes()
    open_store(data_dir)
    assert store.layout.partition_path("tasks", "all").read_bytes() == before


# -- permissions -------------------------------------------------------------------

def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_are_private_by_default(data_dir: Path) -> None:
    store = _seed(data_dir)
    assert _mode(store.layout.root) == 0o700
    assert _mode(store.layout.partition_path("tasks", "all")) == 0o600
    assert _mode(store.layout.meta) == 0o600
    assert _mode(store.layout.collection_dir("tasks")) == 0o700


def test_shared_stores_are_group_writable_with_setgid_dirs(data_dir: Path) -> None:
    old = os.umask(0o022)  # a teammate's restrictive umask must not matter
    try:
        store = open_store(data_dir, shared=True)
        with store.transaction() as tx:
            tx["tasks"].insert({"title": "team"})
    finally:
        os.umask(old)
    assert _mode(store.layout.root) == 0o2770
    assert _mode(store.layout.collection_dir("tasks")) == 0o2770
    assert _mode(store.layout.partition_path("tasks", "all")) == 0o660
    assert _mode(store.layout.lock) == 0o660
    assert open_store(data_dir).meta["shared"] is True


# -- backups are hard links ----------------------------------------------------------------------
def test_a_backup_links_each_file_and_keeps_that_days_bytes_after_later_writes(data_dir: Path, monkeypatch) -> None:
    store = _seed(data_dir)
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "b"})
    live, kept = data_dir / "store/tasks/all.json", data_dir / "backups/2026-11-23/tasks/all.json"
    meta, kept_meta = data_dir / "store/meta.json", data_dir / "backups/2026-11-23/meta.json"
    assert os.stat(meta).st_ino != os.stat(kept_meta).st_ino  # meta.json is copied: every open needs it
    yesterday = data_dir / "store/activity/2026-11-22.json"  # the 22nd's activity, unchanged since
    linked = data_dir / "backups/2026-11-23/activity/2026-11-22.json"
    assert os.stat(yesterday).st_ino == os.stat(linked).st_ino  # one file, two names
    assert os.stat(live).st_ino != os.stat(kept).st_ino  # the write replaced the live one by a new file
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "c"})
    assert [t["title"] for t in json.loads(kept.read_text())["tasks"].values()] == ["a"]


def test_a_backup_is_copied_where_links_are_refused(data_dir: Path, monkeypatch) -> None:
    import errno

    store = _seed(data_dir)

    def refuse(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "b"})
    live, kept = data_dir / "store/activity/2026-11-22.json", data_dir / "backups/2026-11-23/activity/2026-11-22.json"
    assert os.stat(live).st_ino != os.stat(kept).st_ino and live.read_bytes() == kept.read_bytes()


def test_backups_are_pruned_by_age_not_by_count(data_dir: Path, monkeypatch) -> None:
    store = _seed(data_dir)  # 2026-11-22
    for day in ("2026-11-25", "2026-11-28", "2026-11-29"):
        monkeypatch.setenv("SELLERTUI_NOW", f"{day}T09:00:00+00:00")
        with store.transaction() as tx:
            tx["tasks"].insert({"title": day})
    # on the 29th the last seven days are the 23rd to the 29th: the 22nd goes, though only four were taken
    assert [b.day for b in list_backups(store.layout)] == ["2026-11-29", "2026-11-28", "2026-11-25"]


def test_the_poller_takes_the_days_backup_ahead_of_its_first_write(data_dir: Path, monkeypatch) -> None:
    store = _seed(data_dir)
    store.changes()  # the baseline call (at open) takes nothing: the app shows the shop first
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")
    store.changes()
    assert [b.day for b in list_backups(store.layout)] == ["2026-11-23", "2026-11-22"]
    kept = data_dir / "backups/2026-11-23/tasks/all.json"
    with store.transaction() as tx:  # the day's first write finds its backup there, and leaves it as it was
        tx["tasks"].insert({"title": "b"})
    assert [t["title"] for t in json.loads(kept.read_text())["tasks"].values()] == ["a"]


def test_the_backup_ahead_leaves_a_store_another_process_is_writing_alone(data_dir: Path, monkeypatch) -> None:
    from sellertui.store.locking import StoreLock

    store = _seed(data_dir)
    store.changes()
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")
    other = StoreLock(store.layout.lock)
    with other.exclusive():
        store.changes()  # does not wait for the writer: its write takes the backup itself
    other.close()
    assert [b.day for b in list_backups(store.layout)] == ["2026-11-22"]


def test_a_backup_ahead_that_fails_is_left_to_the_write_which_says_why(data_dir: Path, monkeypatch) -> None:
    import errno

    from sellertui.store import DiskFull

    store = _seed(data_dir)
    store.changes()
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "link", full)
    assert store.changes() == set()  # the poll goes on quietly
    with pytest.raises(DiskFull):
        with store.transaction() as tx:
            tx["tasks"].insert({"title": "b"})

"""The store at its edges: a planted lock link, a full disk, half-made backups, unreadable files and restore."""

from __future__ import annotations

import builtins
import errno
import io
import os
import stat
from pathlib import Path

import pytest

from sellertui.store import DiskFull, StoreError, UnreadableFile, open_store
from sellertui.store import fsio
from sellertui.store.backups import list_backups
from sellertui.store.health import check, restore
from tests.test_cli import run

ORDERS_HEADER = ("amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\t"
                 "fulfillment-channel\tsales-channel\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\t"
                 "item-price\tship-country")


def _orders_file(path: Path, first: int, n: int, day: str) -> Path:
    lines = [ORDERS_HEADER] + [
        f"111-{first + i:07d}-0000001\t\t{day}T10:00:00+00:00\t{day}T11:00:00+00:00\tShipped\tAmazon\tAmazon.com\t"
        f"Board\tMM-BCB\tB0ABCDEF01\tShipped\t1\tUSD\t19.99\tUS" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- the lock follows no link ----------------------------------------------------------------
def test_a_lock_file_planted_as_a_link_is_refused_and_its_target_untouched(data_dir: Path, tmp_path: Path) -> None:
    open_store(data_dir).close()
    target = tmp_path / "someone-elses-file"
    target.write_text("private")
    target.chmod(0o644)
    lock = data_dir / "store" / ".lock"
    lock.unlink()
    lock.symlink_to(target)
    with pytest.raises(StoreError, match=r"\.lock: is a symbolic link, which sellertui does not follow"):
        open_store(data_dir)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644 and target.read_text() == "private"


def test_a_lock_that_is_not_a_file_is_refused(data_dir: Path) -> None:
    open_store(data_dir).close()
    lock = data_dir / "store" / ".lock"
    lock.unlink()
    os.mkfifo(lock)
    with pytest.raises(StoreError, match="is not a regular file"):
        open_store(data_dir)


# -- disk full ---------------------------------------------------------------------------------
def _no_space(monkeypatch, code: int = errno.ENOSPC) -> None:
    def write(fd, data):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fsio.os, "write", write)


def _tree(data_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("code, what", [(errno.ENOSPC, "the disk is full"), (errno.EDQUOT, "your disk quota is used up")])
def test_a_full_disk_names_the_folder_says_nothing_was_written_and_what_it_needed(
        data_dir: Path, monkeypatch, code: int, what: str) -> None:
    store = open_store(data_dir, user="ana")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "first"})
    before = _tree(data_dir)
    _no_space(monkeypatch, code)
    with pytest.raises(DiskFull) as caught:
        with store.transaction() as tx:
            tx["tasks"].insert({"title": "x" * 5000})
            tx["orders"].upsert_many([{"id": "o1/s", "purchase_date": "2026-11-01"}])
    message = str(caught.value)
    assert message.startswith(f"{data_dir / 'store'}: {what}, so nothing was written (this needed ")
    assert " kB" in message and "free there" in message and "\n" not in message
    monkeypatch.undo()
    assert _tree(data_dir) == before and store.layout.temp_files() == []


def test_a_full_disk_during_an_export_names_the_export_folder(tmp_path: Path, monkeypatch) -> None:
    _no_space(monkeypatch)
    with pytest.raises(DiskFull, match=rf"^{tmp_path}: the disk is full, so nothing was written \(this needed 11 bytes"):
        fsio.atomic_write(tmp_path / "out.csv", b"a,b\n1,2\n3,4")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("how", ["link", "copy"])
def test_a_full_disk_during_the_daily_backup_leaves_no_half_backup(data_dir: Path, monkeypatch, how) -> None:
    import os
    import shutil

    store = open_store(data_dir, user="ana")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "first"})
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    def cross_device(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    # a link needs a directory entry; where links are refused, the copy needs the bytes
    monkeypatch.setattr(os, "link", full if how == "link" else cross_device)
    monkeypatch.setattr(shutil, "copy2", full)
    with pytest.raises(DiskFull, match=rf"^{data_dir / 'backups'}: the disk is full, so nothing was written"):
        with store.transaction() as tx:
            tx["tasks"].insert({"title": "second"})
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == ["2026-11-22"]
    assert [t["title"] for t in store["tasks"].all()] == ["first"]


# -- half-made backups -------------------------------------------------------------------------
def _leftover(data_dir: Path, name: str) -> Path:
    folder = data_dir / "backups" / name
    (folder / "orders").mkdir(parents=True)
    (folder / "orders" / "2026-11.json").write_bytes(b"{" * 1000)
    return folder


def test_half_made_backups_are_cleared_on_the_next_start_and_nothing_else(data_dir: Path, tmp_path: Path) -> None:
    store = open_store(data_dir, user="ana")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "first"})
    store.close()
    killed = [_leftover(data_dir, ".2026-11-21.k3x_9a2b"), _leftover(data_dir, ".2026-11-22.q0w9e8r7")]
    kept = [_leftover(data_dir, ".keep-me"), _leftover(data_dir, "2026-11-20")]
    outside = tmp_path / "outside"
    (outside / "inner").mkdir(parents=True)
    (data_dir / "backups" / ".2026-11-19.linked00").symlink_to(outside)
    open_store(data_dir).close()
    assert not any(p.exists() for p in killed)
    assert all(p.is_dir() for p in kept) and (outside / "inner").is_dir()
    assert [b.day for b in list_backups(store.layout)] == ["2026-11-22", "2026-11-20"]


def test_a_backup_being_taken_by_another_process_is_left_alone(data_dir: Path) -> None:
    import fcntl

    open_store(data_dir).close()
    partial = _leftover(data_dir, ".2026-11-22.inflight")
    other = os.open(data_dir / "store" / ".lock", os.O_RDWR)  # another process, mid-backup, holds the read lock
    fcntl.flock(other, fcntl.LOCK_SH)
    try:
        open_store(data_dir).close()  # opens at once: tidying waits for a quiet store
        assert partial.is_dir()
    finally:
        os.close(other)
    open_store(data_dir).close()
    assert not partial.exists()


# -- unreadable is not damaged: restore never loses data ----------------------------------------
def _unreadable(path: Path, monkeypatch) -> None:
    """chmod 000 where that works; as root (who reads anything) the opens of that file fail the same way."""
    if os.geteuid() != 0:
        path.chmod(0)  # undone by _readable
        return
    real_open = io.open

    def refusing_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and Path(file) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", refusing_open)
    monkeypatch.setattr(builtins, "open", refusing_open)


def _readable(path: Path, monkeypatch) -> None:
    monkeypatch.undo()
    path.chmod(0o600)


def test_restore_never_replaces_an_unreadable_partition_and_the_days_orders_survive(
        capsys, data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    d = ["--data-dir", str(data_dir)]
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-21T09:00:00+00:00")
    assert run(capsys, "import", str(_orders_file(tmp_path / "yesterday.txt", 1, 3, "2026-11-20")), *d)[0] == 0
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-22T09:00:00+00:00")
    code, out, _ = run(capsys, "import", str(_orders_file(tmp_path / "today.txt", 100, 42, "2026-11-22")), *d)
    assert code == 0 and "42 new" in out
    partition = data_dir / "store" / "orders" / "2026-11.json"
    before = partition.read_bytes()
    assert (data_dir / "backups" / "2026-11-22" / "orders" / "2026-11.json").exists()  # yesterday's 3 orders

    _unreadable(partition, monkeypatch)
    code, out, err = run(capsys, "check", *d)
    assert code == 1 and "orders/2026-11.json: cannot be read (Permission denied)" in out
    assert "chmod 600" in out and "Nothing was restored over it" in out and "sellertui restore" not in out
    code, out, err = run(capsys, "restore", *d)
    assert code == 1 and "not restored:" in err and "chmod 600" in err and "restored " not in out
    code, out, err = run(capsys, "summary", *d)
    assert code == 1 and "cannot be read" in err and "sellertui restore" not in err
    _readable(partition, monkeypatch)

    assert partition.read_bytes() == before
    assert not list(partition.parent.glob("*.damaged-*"))
    store = open_store(data_dir)
    assert store["orders"].count() == 45
    assert run(capsys, "check", *d)[0] == 0


def test_check_tells_damaged_from_unreadable_and_restore_fixes_only_the_damaged(
        data_dir: Path, monkeypatch) -> None:
    store = open_store(data_dir, user="ana")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "a"})
        tx["orders"].upsert_many([{"id": "o1/s", "purchase_date": "2026-11-01"}])
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")
    with store.transaction() as tx:  # the 23rd's backup holds both files
        tx["tasks"].insert({"title": "b"})
    store.close()
    tasks = data_dir / "store" / "tasks" / "all.json"
    orders = data_dir / "store" / "orders" / "2026-11.json"
    tasks.write_bytes(b'{"tasks": {"1": ')
    _unreadable(orders, monkeypatch)
    problems = check(data_dir)
    assert len(problems) == 2
    damaged, = [p for p in problems if "tasks/all.json" in p]
    locked, = [p for p in problems if "orders/2026-11.json" in p]
    assert "is damaged, it cannot be parsed" in damaged and "run `sellertui restore`" in damaged
    assert "cannot be read (Permission denied)" in locked and "chmod" in locked
    done = restore(data_dir)
    assert [f.name for f, _, _ in done.files] == ["all.json"]
    assert [type(r) for r in done.refused] == [UnreadableFile] and done.refused[0].path == orders
    _readable(orders, monkeypatch)
    assert open_store(data_dir)["orders"].count() == 1


def test_a_closed_collection_folder_is_named(data_dir: Path, monkeypatch) -> None:
    store = open_store(data_dir, user="ana")
    with store.transaction() as tx:
        tx["orders"].upsert_many([{"id": "o1/s", "purchase_date": "2026-11-01"}])
    store.close()
    folder = data_dir / "store" / "orders"
    real = os.listdir

    def listdir(path="."):
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "listdir", listdir)
    (problem,) = check(data_dir)
    assert problem.startswith(f"{folder}: cannot be read (Permission denied); it is owned by")

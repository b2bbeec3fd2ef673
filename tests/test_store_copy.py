"""`sellertui store copy`: the demo shop to PostgreSQL and back, every record unchanged, and the same answers."""

from __future__ import annotations

import json

import pytest

from sellertui.cli import main
from sellertui.store import open_store
from sellertui.store.copying import compare


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_demo_shop_goes_to_postgresql_and_back_unchanged(capsys, demo_copy, pg_url, tmp_path) -> None:
    code, out, _ = run(capsys, "store", "copy", "--data-dir", str(demo_copy), "--to", pg_url, "--json")
    report = json.loads(out)
    assert code == 0 and report["same"] is True
    assert report["collections"]["orders"]["records"] == report["collections"]["orders"]["copied"] > 1000
    back = tmp_path / "back"
    code, out, _ = run(capsys, "store", "copy", "--store", pg_url, "--to", str(back))
    assert code == 0 and out.strip().endswith("every record arrived unchanged")
    first, last = open_store(demo_copy), open_store(back)
    assert all(t.same for t in compare(first, last))  # folder → database → folder: identical records
    assert last.meta["demo"] is True and last.meta.get("seq_floor") == first.meta.get("seq_floor")
    first.close(), last.close()


def test_a_target_with_records_is_refused_unless_forced(capsys, demo_copy, pg_url) -> None:
    target = open_store(pg_url, user="ben")
    with target.transaction() as tx:
        tx["tasks"].insert({"title": "someone else's shop"})
    code, _, err = run(capsys, "store", "copy", "--data-dir", str(demo_copy), "--to", pg_url)
    assert code == 1 and "already holds records" in err and "--force" in err
    assert [t["title"] for t in target["tasks"].all()] == ["someone else's shop"]
    code, _, _ = run(capsys, "store", "copy", "--data-dir", str(demo_copy), "--to", pg_url, "--force")
    assert code == 0
    assert "someone else's shop" not in {t["title"] for t in target["tasks"].all()}
    source = open_store(demo_copy)
    assert all(t.same for t in compare(source, target))
    source.close(), target.close()


COMMANDS = [["summary", "--json"], ["task", "list", "--json"], ["today", "--json"], ["pnl", "--json"],
            ["reorder", "--json"], ["promotions", "upcoming", "--json"], ["ads", "proposals", "--json"]]


def test_every_command_answers_the_same_on_either_backend(capsys, demo_copy, pg_url) -> None:
    assert run(capsys, "store", "copy", "--data-dir", str(demo_copy), "--to", pg_url)[0] == 0
    for argv in COMMANDS:
        code, on_folder, _ = run(capsys, *argv, "--data-dir", str(demo_copy))
        assert code == 0
        code, on_database, _ = run(capsys, *argv, "--store", pg_url)
        assert code == 0
        # equal as data: JSONB keeps a record's keys in its own order, so fields may print in another order
        assert json.loads(on_database) == json.loads(on_folder), argv


def test_the_shops_own_store_is_not_a_target(capsys, demo_copy) -> None:
    code, _, err = run(capsys, "store", "copy", "--data-dir", str(demo_copy), "--to", str(demo_copy))
    assert code == 1 and "own store" in err


@pytest.mark.parametrize("argv", [["check"], ["restore"]])
def test_folder_repairs_say_what_a_database_uses_instead(capsys, pg_url, argv) -> None:
    code, _, err = run(capsys, *argv, "--store", pg_url)
    assert code == 1 and "pg_dump" in err

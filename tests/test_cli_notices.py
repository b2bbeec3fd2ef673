"""`sellertui notices [list|add TEXT|ack ID]`: the same domain functions as Today's notices, printed."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.test_cli import run


def as_user(name: str) -> None:
    folder = Path(os.environ["SELLERTUI_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(f'user = "{name}"\n')


def test_post_list_ack_and_the_author_sees_who_read_it(capsys, data_dir: Path) -> None:
    from sellertui.domain.team.tasks import add_task
    from sellertui.store import Store

    base = ["--data-dir", str(data_dir)]
    store = Store(data_dir, user="ana")
    add_task(store, "Pack the returns", owner="ben")
    add_task(store, "Reconcile", owner="chen")
    as_user("ana")
    code, out, _ = run(capsys, "notices", "add", "Warehouse", "closed", "Friday", "--body", "Ship by Thursday", *base)
    assert code == 0 and out.startswith("posted notice ") and "Warehouse closed Friday" in out
    notice_id = json.loads(run(capsys, "notices", "--json", *base)[1])[0]["id"]
    as_user("ben")
    (seen,) = json.loads(run(capsys, "notices", "list", "--json", *base)[1])
    assert seen["read"] is False and "read_by" not in seen  # only the author sees the readers
    code, out, _ = run(capsys, "notices", *base)
    assert code == 0 and "UNREAD" in out and "ana: Warehouse closed Friday" in out and "read by" not in out
    code, out, _ = run(capsys, "notices", "ack", str(notice_id), *base)
    assert code == 0 and out.strip() == "read: Warehouse closed Friday"
    assert json.loads(run(capsys, "notices", "--json", *base)[1])[0]["read"] is True
    as_user("ana")
    (mine,) = json.loads(run(capsys, "notices", "--json", *base)[1])
    assert [r["user"] for r in mine["read_by"]] == ["ana", "ben"] and mine["not_read_by"] == ["chen"]
    code, out, _ = run(capsys, "notices", *base)
    assert "read by ana, ben; not yet: chen" in out


def test_the_same_notice_is_what_today_shows_until_read(capsys, data_dir: Path) -> None:
    from datetime import datetime, timezone

    from sellertui.domain.today.sections import checklist
    from sellertui.store import Store
    from tests.shops import shop_of

    base = ["--data-dir", str(data_dir)]
    as_user("ana")
    run(capsys, "notices", "add", "Stocktake on Monday", *base)
    notice_id = json.loads(run(capsys, "notices", "--json", *base)[1])[0]["id"]
    store = Store(data_dir, user="ben")
    now = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)

    def on_today() -> list[str]:
        found = next((s for s in checklist(shop_of(store, user="ben"), "ben", now) if s.name == "Team notices"), None)
        return [] if found is None else [i.title for i in found.items]

    assert on_today() == ["ana: Stocktake on Monday"]
    as_user("ben")
    assert run(capsys, "notices", "ack", str(notice_id), *base)[0] == 0
    assert on_today() == []


def test_mistakes_are_one_line_and_exit_1(capsys, data_dir: Path) -> None:
    base = ["--data-dir", str(data_dir)]
    code, _, err = run(capsys, "notices", "add", *base)
    assert code == 1 and err.strip() == "sellertui: notices add TEXT: say what the notice is"
    code, _, err = run(capsys, "notices", "ack", "999", *base)
    assert code == 1 and err.strip() == "sellertui: that notice no longer exists"
    code, out, _ = run(capsys, "notices", *base)
    assert code == 0 and out.strip() == "no notices: sellertui notices add TEXT"

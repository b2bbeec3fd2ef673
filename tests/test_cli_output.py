"""Nothing a command prints can drive the terminal: escape sequences in stored or imported text are shown.

Hostile text: an OSC 52 clipboard write, a screen clear, a window title and a C1 CSI. Each command that
echoes user data (import errors naming a cell and a file, task add/list, today, export to stdout) must
print it as visible symbols on both streams; JSON escapes it; a file written with -o keeps it exactly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sellertui.core.text import json_text, visible
from tests.test_cli import run

HOSTILE = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x1b]0;pwned\x07\x9b31mred\x90q\x9c"
RAW = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


def assert_inert(*streams: str) -> None:
    for text in streams:
        found = sorted({f"U+{ord(c):04X}" for c in text if c in RAW})
        assert found == [], f"raw control characters reached the terminal: {found}"


def test_visible_shows_every_control_and_keeps_tab_and_newline() -> None:
    assert visible("a\x1b[2Jb\x07\x9b\x7f") == "a␛[2Jb␇\\x9b␡"
    assert visible("line\r\nnext\rover\ttab") == "line\nnext␍over\ttab"
    assert visible("file\udc9b.txt") == "file\\x9b.txt"  # an undecodable byte of a file name


def test_json_escapes_c1_and_line_separators_and_parses_back_exactly() -> None:
    value = HOSTILE + "\x85\u2028\u2029"
    text = json_text({"title": value})
    assert_inert(text)
    assert "\u2028" not in text and json.loads(text) == {"title": value}


def test_task_add_list_and_json(capsys, data_dir: Path) -> None:
    d = ["--data-dir", str(data_dir)]
    code, out, err = run(capsys, "task", "add", f"Call {HOSTILE} back", *d)
    assert code == 0 and "␛]52;c;" in out
    assert_inert(out, err)
    code, out, err = run(capsys, "task", "list", *d)
    assert code == 0 and "␛[2J" in out and "\\x9b31mred" in out
    assert_inert(out, err)
    code, out, err = run(capsys, "task", "list", "--json", *d)
    assert_inert(out, err)
    assert json.loads(out)[0]["title"] == f"Call {HOSTILE} back"  # JSON carries the data exactly


def test_export_to_stdout_shows_and_to_a_file_keeps(capsys, data_dir: Path, tmp_path: Path) -> None:
    d = ["--data-dir", str(data_dir)]
    run(capsys, "task", "add", HOSTILE, *d)
    code, out, err = run(capsys, "export", "tasks", *d)
    assert code == 0 and "␛]52" in out
    assert_inert(out, err)
    code, out, err = run(capsys, "export", "tasks", "--format", "json", *d)
    assert_inert(out, err)
    assert json.loads(out)[0]["title"] == HOSTILE
    target = tmp_path / "tasks.csv"
    code, out, err = run(capsys, "export", "tasks", "-o", str(target), *d)
    assert code == 0 and HOSTILE in target.read_text(encoding="utf-8")


def test_today_shows_a_buyer_message_inert(capsys, data_dir: Path) -> None:
    from sellertui import clock
    from sellertui.domain.orders.messages import log_message, new_message
    from sellertui.store import open_store

    store = open_store(data_dir, user="ana")
    log_message(store, new_message(f"Where is my order? {HOSTILE}", clock.now(), None, buyer_name=f"Eve{HOSTILE}"))
    store.close()
    code, out, err = run(capsys, "today", "--data-dir", str(data_dir))
    assert code == 0 and "Eve␛]52;c;" in out
    assert_inert(out, err)
    code, out, err = run(capsys, "today", "--json", "--data-dir", str(data_dir))
    assert_inert(out, err)
    assert json.loads(out)["sections"][0]["items"][0]["title"].startswith(f"Eve{HOSTILE}")  # escaped, not changed


INVENTORY = "sku\tasin\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\n"


def test_an_import_error_naming_a_hostile_cell_and_file_name(capsys, data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / f"inv{HOSTILE[:20]}.txt"
    path.write_text(INVENTORY + f"A\tB01\t{HOSTILE[:30]}\t0\n", encoding="utf-8")
    for extra in ([], ["--json"]):
        code, out, err = run(capsys, "import", str(path), *extra, "--data-dir", str(data_dir))
        assert code == 1 and "inv␛]52;c;" in err
        assert_inert(out, err)
    code, out, err = run(capsys, "import", str(tmp_path / f"missing{HOSTILE}.csv"), "--data-dir", str(data_dir))
    assert code == 1 and "missing␛]52" in err
    assert_inert(out, err)


def test_usage_errors_echo_arguments_inert(capsys) -> None:
    for argv in (["export", f"x{HOSTILE}"], ["task", "add", "x", "--due", HOSTILE], ["task", "done", HOSTILE]):
        code, out, err = run(capsys, *argv)
        assert code in (1, 2) and "52;c;" in err
        assert_inert(out, err)


def test_the_real_streams_of_a_separate_process_carry_no_escape_byte(tmp_path: Path) -> None:
    """End to end: the bytes written to the pipe, not a captured Python string."""
    env = {**os.environ, "SELLERTUI_DATA_DIR": str(tmp_path / "shop")}
    cli = [sys.executable, "-c", "import sys; from sellertui.cli import main; sys.exit(main())"]
    subprocess.run([*cli, "task", "add", HOSTILE], env=env, check=True, capture_output=True)
    for argv in (["task", "list"], ["export", "tasks"], ["task", "done", HOSTILE]):
        done = subprocess.run([*cli, *argv], env=env, capture_output=True)
        for stream in (done.stdout, done.stderr):
            assert b"\x1b" not in stream and b"\x07" not in stream
            assert_inert(stream.decode("utf-8"))


def test_the_progress_bar_keeps_its_carriage_return_but_shows_the_file_name(monkeypatch) -> None:
    import io

    from sellertui.cli.importing import Bar
    from sellertui.cli.output import shown_output

    terminal = io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", terminal)
    with shown_output():
        bar = Bar(f"x{HOSTILE}.txt")
        bar("reading", 0.5)
    written = terminal.getvalue()
    assert written.startswith("\r[") and "x␛]52" in written
    assert_inert(written.replace("\r", ""))

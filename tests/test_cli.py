"""The command line: version, usage errors, locate, tasks, summary, demo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sellertui import __version__
from sellertui.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for --version, --help and usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"sellertui {__version__}"


@pytest.mark.parametrize("argv", [["--bogus"], ["task", "add", "x", "--colour", "red"], ["frobnicate"]])
def test_unknown_flags_and_commands_print_usage_and_exit_2(capsys, argv) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and "usage:" in err


def test_locate_prints_paths_without_creating_them(capsys, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    code, out, _ = run(capsys, "locate", "--json", "--data-dir", str(target))
    where = json.loads(out)
    assert code == 0 and where["data"] == str(target) and where["config"].endswith("config.toml")
    assert not target.exists()


def test_data_dir_comes_from_the_environment(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SELLERTUI_DATA_DIR", str(tmp_path / "env-shop"))
    _, out, _ = run(capsys, "locate", "--json")
    assert json.loads(out)["data"] == str(tmp_path / "env-shop")


def test_task_round_trip(capsys, data_dir: Path) -> None:
    d = ["--data-dir", str(data_dir)]
    code, out, _ = run(capsys, "task", "add", "Ship", "the", "FBM", "orders", "--owner", "ben", "--due", "2026-11-20", *d)
    assert code == 0 and out.strip() == "added task 1: Ship the FBM orders"
    run(capsys, "task", "add", "Answer buyers", *d)
    code, out, _ = run(capsys, "task", "list", *d)
    assert "LATE" in out.splitlines()[0] and "unassigned" in out.splitlines()[1]
    assert run(capsys, "task", "done", "1", *d)[1].strip() == "task 1 done: Ship the FBM orders"
    _, out, _ = run(capsys, "task", "list", "--json", *d)
    assert [t["title"] for t in json.loads(out)] == ["Answer buyers"]
    _, out, _ = run(capsys, "task", "list", "--all", "--json", *d)
    listed = json.loads(out)
    assert [t["status"] for t in listed] == ["todo", "done"]
    assert not any(k.startswith("_") for t in listed for k in t)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["task", "add", "x", "--due", "next friday"], "not a date like 2026-11-30"),
        (["task", "add", "   "], "needs a title"),
        (["task", "done", "42"], "no task with id 42"),
    ],
)
def test_task_errors_are_one_clear_line(capsys, data_dir: Path, argv, message) -> None:
    code, out, err = run(capsys, *argv, "--data-dir", str(data_dir))
    assert code == 1 and message in err and err.count("\n") == 1


def test_summary_json_counts_every_collection(capsys, data_dir: Path) -> None:
    run(capsys, "task", "add", "x", "--data-dir", str(data_dir))
    code, out, _ = run(capsys, "summary", "--json", "--data-dir", str(data_dir))
    counts = json.loads(out)
    assert code == 0 and counts["tasks"] == 1 and counts["orders"] == 0
    assert set(counts) >= {"tasks", "orders", "products", "search_terms", "messages", "activity"}


def test_demo_fills_an_empty_store_once(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "demo", "--json", "--data-dir", str(data_dir))
    counts = json.loads(out)
    # about 4,700 orders, plus the few hundred the demo's promotions brought
    assert code == 0 and counts["products"] == 40 and 4_500 < counts["orders"] <= 5_500
    code, _, err = run(capsys, "demo", "--data-dir", str(data_dir))
    assert code == 1 and "already holds data" in err


def test_console_script_and_module_entry_points(data_dir: Path) -> None:
    for argv in ([sys.executable, "-m", "sellertui"], [str(Path(sys.executable).parent / "sellertui")]):
        result = subprocess.run([*argv, "--version"], capture_output=True, text=True)
        assert result.returncode == 0 and __version__ in result.stdout


def test_export_tasks_csv_and_json(capsys, data_dir: Path) -> None:
    d = ["--data-dir", str(data_dir)]
    run(capsys, "task", "add", "=HYPERLINK(\"http://x\")", *d)
    run(capsys, "task", "add", "Second", *d)
    run(capsys, "task", "done", "2", *d)
    code, out, _ = run(capsys, "export", "tasks", *d)
    assert code == 0 and out.splitlines()[0].startswith("id,title,owner")
    assert "'=HYPERLINK" in out  # formula injection neutralised
    _, out, _ = run(capsys, "export", "tasks", "--format", "json", "--status", "done", *d)
    assert [t["title"] for t in json.loads(out)] == ["Second"]

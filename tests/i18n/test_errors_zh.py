"""Errors in 简体中文: an importer's problem names file, line and column in a whole Chinese sentence; the store's
refusals and Amazon's failures are Chinese too, in the language current when they are shown."""

from __future__ import annotations

from pathlib import Path

from sellertui.core.i18n import set_language
from sellertui.importers.errors import Problem
from sellertui.store import Conflict, CorruptFile, StoreBusy
from sellertui.store.errors import N_
from tests.importers.conftest import fixture, store_files
from tests.store.test_store_recovery import _damage, _seed
from tests.test_cli_import import run


def bad_returns(folder: Path) -> Path:
    path = folder / "退货.txt"
    path.write_text(fixture("fba-returns-us.txt").read_text().replace("\t2\tPHX6", "\ttwo\tPHX6"))
    return path


def test_a_bad_cell_is_refused_in_chinese_naming_file_line_and_column(capsys, monkeypatch, data_dir: Path,
                                                                     tmp_path: Path) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    run(capsys, "task", "add", "x", "--data-dir", str(data_dir))
    before = store_files(data_dir)
    code, out, err = run(capsys, "import", str(bad_returns(tmp_path)), "--data-dir", str(data_dir))
    assert code == 1 and out == ""
    assert err.startswith("sellertui: 退货.txt：2 行中有 1 行无法导入，因此什么都没有导入（请修正这些行")
    assert "  退货.txt，第 3 行，列 'quantity'：'two' 不是整数\n" in err
    assert store_files(data_dir) == before


def test_a_whole_file_problem_in_chinese_and_english(capsys, monkeypatch, data_dir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, _out, err = run(capsys, "import", str(empty), "--data-dir", str(data_dir))
    assert code == 1 and err == "sellertui: empty.csv: is binary data, not a text report or an Excel workbook\n"
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, _out, err = run(capsys, "import", str(empty), "--data-dir", str(data_dir))
    assert code == 1 and err == "sellertui: empty.csv：是二进制数据，不是文本报告或 Excel 工作簿\n"


def test_an_import_summary_in_chinese(capsys, monkeypatch, data_dir: Path) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _err = run(capsys, "import", str(fixture("fba-returns-us.txt")), "--dry-run", "--data-dir", str(data_dir))
    assert code == 0 and "2 行：将新增 2，将更新 0，未变 0" in out
    assert "US 站点，USD（来自你的设置）" in out and "试运行：未写入任何内容" in out


def test_a_problem_is_worded_when_shown_in_the_language_of_that_moment() -> None:
    problem = Problem("a.csv", 7, "quantity", "two", "is not a whole number")
    assert str(problem) == "a.csv, line 7, column 'quantity': 'two' is not a whole number"
    set_language("zh-CN")
    assert str(problem).startswith("a.csv，第 7 行，列 'quantity'：'two' ")
    assert str(Problem("a.csv", None, None, "", "is empty")) == "a.csv：is empty"  # the reason was English when made


def test_a_restore_refusal_in_chinese(capsys, monkeypatch, data_dir: Path) -> None:
    store = _seed(data_dir)
    _damage(store.layout.partition_path("tasks", "all"))
    store.close()
    code, _out, err = run(capsys, "restore", "--from", "2026-01-01", "--data-dir", str(data_dir))
    assert code == 1 and err.endswith("all.json: no readable copy in the 2026-01-01 backup; the file is left as it is\n")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, _out, err = run(capsys, "restore", "--from", "2026-01-01", "--data-dir", str(data_dir))
    assert code == 1 and err.startswith("sellertui: ") and err.endswith(
        "all.json：2026-01-01 的备份中没有可读的副本；文件保持原样\n")
    code, out, _err = run(capsys, "check", "--data-dir", str(data_dir))
    assert code == 1 and "all.json：已损坏，无法解析" in out and "它没有可读的备份。" in out


def test_a_store_error_is_worded_in_the_language_shown_not_the_one_raised(tmp_path: Path) -> None:
    damaged = CorruptFile(tmp_path / "all.json", "truncated", None)
    busy = StoreBusy(N_("{folder}: another sellertui process has held the store lock for more than {seconds:.0f} s"),
                     folder=tmp_path, seconds=30.0)
    conflict = Conflict("tasks", "7", 1, {"_at": "09:00"})
    assert str(damaged).endswith("all.json: is damaged, it cannot be parsed (truncated). It has been left untouched. "
                                 "No readable backup of it exists.")
    assert str(busy) == f"{tmp_path}: another sellertui process has held the store lock for more than 30 s"
    assert str(conflict) == "tasks 7 was changed by someone at 09:00 after you opened it; your edit was not saved"
    set_language("zh-CN")
    assert str(damaged).endswith("all.json：已损坏，无法解析（truncated）。它保持原样，未被改动。它没有可读的备份。")
    assert str(busy) == f"{tmp_path}：另一个 sellertui 进程占用存储锁已超过 30 秒"
    assert str(conflict) == "tasks 7 在你打开后被 某人 于 09:00 修改；你的修改没有保存"
    assert busy.args[0].endswith("for more than 30 s")  # the English sentence stays the exception's argument
    set_language("en")
    assert str(conflict).startswith("tasks 7 was changed by someone")

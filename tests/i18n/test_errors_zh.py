"""Errors in 简体中文: an importer's problem names file, line and column in a whole Chinese sentence; the store's
refusals and Amazon's failures are Chinese too, in the language current when they are shown."""

from __future__ import annotations

from pathlib import Path

from sellertui.core.i18n import set_language
from sellertui.importers.errors import Problem
from tests.importers.conftest import fixture, store_files
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

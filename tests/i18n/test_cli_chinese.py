"""The CLI in 简体中文: help, usage errors and human output follow the language; JSON keeps English keys."""

from __future__ import annotations

import json
from pathlib import Path

from sellertui import paths
from sellertui.core.i18n import language
from tests.test_cli_import import run




def test_help_and_usage_errors_in_chinese_from_lang(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _err = run(capsys, "--help")
    assert code == 0 and language() == "zh-CN"
    assert out.startswith("用法：sellertui") and "导入来自卖家后台和广告控制台的报告" in out
    assert "显示此帮助信息并退出" in out  # argparse's own words too
    code, _out, err = run(capsys, "task", "add")
    assert code == 2 and "错误：缺少以下必需参数：title" in err


def test_config_language_wins_over_the_environment(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('language = "en"\n', encoding="utf-8")
    code, out, _err = run(capsys, "--help")
    assert code == 0 and out.startswith("usage: sellertui") and language() == "en"


def test_output_in_chinese_json_keys_in_english(capsys, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    shop = tmp_path / "shop"
    code, out, _err = run(capsys, "task", "add", "给", "供应商", "打电话", "--data-dir", str(shop))
    assert code == 0 and out.startswith("已添加任务 ") and "给 供应商 打电话" in out
    code, out, _err = run(capsys, "task", "list", "--data-dir", str(shop))
    assert code == 0 and "未分配" in out  # no owner yet
    code, out, _err = run(capsys, "task", "list", "--json", "--data-dir", str(shop))
    task = json.loads(out)[0]
    assert code == 0 and {"id", "title", "status", "owner"} <= set(task) and task["status"] == "todo"


def test_the_chinese_demo_shop(capsys, tmp_path: Path):
    shop = tmp_path / "zh-shop"
    code, out, _err = run(capsys, "demo", "--lang", "zh-CN", "--data-dir", str(shop))
    assert code == 0 and out.startswith("演示店铺（small）已在") and 'home_currency = "CNY"' in out
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('home_currency = "CNY"\nlanguage = "zh-CN"\n', encoding="utf-8")
    code, out, _err = run(capsys, "hire", "--data-dir", str(shop))
    assert code == 0 and "运营专员" in out and "¥12,000.00" in out and "JP¥" not in out
    code, out, _err = run(capsys, "reorder", "--json", "--data-dir", str(shop))
    rows = json.loads(out)
    assert code == 0 and rows and all("supplier" in r for r in rows)
    assert any(r["supplier"].endswith("有限公司") or r["supplier"].endswith("厂") for r in rows)

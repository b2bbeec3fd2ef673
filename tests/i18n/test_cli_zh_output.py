"""What the CLI prints of a `demo --lang zh-CN` shop under 简体中文: the words the commands compose are Chinese too.

Each check names the English it replaced; JSON keeps its English values where scripts match them.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sellertui import paths
from tests.conftest import build_demo
from tests.test_cli_import import run


@pytest.fixture(scope="module")
def zh_shop_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory, "zh-cli", lang="zh-CN")


@pytest.fixture
def zh(zh_shop_dir: Path, tmp_path: Path, monkeypatch):
    """Run a command on a copy of the Chinese demo shop, in Chinese, with yuan as the home currency."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    shop = tmp_path / "shop"
    shutil.copytree(zh_shop_dir, shop)
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('home_currency = "CNY"\nlanguage = "zh-CN"\n', encoding="utf-8")

    def command(capsys, *argv: str) -> str:
        code, out, err = run(capsys, *argv, "--data-dir", str(shop)) if argv[0] != "--help" else run(capsys, *argv)
        assert code == 0, err
        return out
    return command


def test_version_help(zh, capsys):
    out = zh(capsys, "--help")
    assert "--version        显示程序的版本号并退出" in out and "show program's version" not in out


def test_pnl_names_its_period_and_the_ecb_rate(zh, capsys):
    out = zh(capsys, "pnl")
    assert out.startswith("利润表，按月，以 CNY 计") and "month" not in out
    assert "CAD 换算采用 2026-07-31 的欧洲央行汇率：" in out and "按2026" not in out
    assert "利润表，按周" in zh(capsys, "pnl", "--by", "week")


def test_hiring_plan_costs_and_statuses(zh, capsys):
    out = zh(capsys, "hire")
    assert "薪资 ¥12,000.00 + 30% 附加成本 = 每月 ¥15,600.00 下一个" in out and "计划中" in out
    assert not any(word in out for word in ("salary", "overhead", "a month", "planned", "next"))
    plan = json.loads(zh(capsys, "hire", "--json"))
    assert "next" in json.dumps(plan)  # JSON keeps its keys


def test_reorder_statuses_and_reasons(zh, capsys):
    out = zh(capsys, "reorder")
    assert re.search(r"  缺货          缺货；日销 \d+\.\d\d；在途 \d+\n", out)
    assert re.search(r"  立即补货      库存及在途 \d+ ≤ 补货点 \d+（日销 \d+\.\d\d × \d+ 天交期 \+ 14 天安全库存）；"
                     r"\d{4}-\d\d-\d\d 断货\n", out)
    assert not any(word in out for word in ("out of stock", "order now", "sells", "reorder point", "runs out"))
    rows = json.loads(zh(capsys, "reorder", "--json"))
    assert {r["status"] for r in rows} == {"out of stock", "order now"}  # values scripts match stay English


def test_ads_proposals_and_reports(zh, capsys):
    out = zh(capsys, "ads", "proposals")
    assert "[新] 精准否定：“baking mat half sheet”" in out and "[new]" not in out and "negate exact" not in out
    proposals = json.loads(zh(capsys, "ads", "proposals", "--json"))["proposals"]
    assert {p["action"] for p in proposals} >= {"negate exact"}
    out = zh(capsys, "ads", "reports")
    assert "（每天，7 天归因）" in out and "（汇总，7 天归因）" in out and "daily" not in out and "summary" not in out


def test_feedback_steps(zh, capsys):
    out = zh(capsys, "feedback")
    assert re.search(r"\[\d{4}-\d\d-\d\d 前联系买家(，已逾期)?\]", out) and re.search(r"前解决\]", out)
    assert "contact the buyer" not in out and "resolve" not in out
    items = json.loads(zh(capsys, "feedback", "--json"))
    assert {i["next_step"] for i in items if i["next_step"]} == {"contact the buyer", "resolve"}


def test_watch_list_buy_box_owner(zh, capsys):
    out = zh(capsys, "watch", "list")
    assert "购物车 你 " in out and " you " not in out
    assert "竹制砧板 – 中号" in out  # the shop's own listings under their Chinese titles


def test_locate_shops_and_the_deadlines_ahead(zh, capsys):
    out = zh(capsys, "locate")
    assert out.startswith("店铺     main\n数据     ") and "\n备份     " in out and "backups" not in out.split()[::2]
    assert "我的店铺" in zh(capsys, "shops")  # config's default shop name
    out = zh(capsys, "promotions", "upcoming")
    assert " 提交 " in out and "submit" not in out
    data = json.loads(zh(capsys, "promotions", "upcoming", "--json"))
    assert {d["what"] for d in data["deadlines"]} <= {"submit", "deal deadline", "FBA cut-off"}


def test_an_import_summary(zh, capsys):
    fixture = Path(__file__).resolve().parent.parent / "importers" / "fixtures" / "all-orders-us.txt"
    out = zh(capsys, "import", str(fixture), "--dry-run")
    assert out.startswith("all-orders-us.txt：所有订单报告，7 行：将新增 6，将更新 0，未变 0\n")
    assert "  US 站点，USD（来自文件的站点列）" in out and "  试运行：未写入任何内容" in out
    assert "would be" not in out and "marketplace" not in out
    assert "\n  合计：行数 6、件数 7、商品价格 107.94\n" in out and "lines" not in out


def test_every_total_a_kind_reports_has_its_phrase():
    """A total's key missing from the phrases would be shown in English under 简体中文."""
    from sellertui.importers.totals_words import PHRASES

    fixtures = Path(__file__).resolve().parent.parent / "importers" / "fixtures"
    from sellertui.importers.pipeline import Options, parse_report

    seen = set()
    for path in sorted(p for p in fixtures.rglob("*") if p.is_file()):
        try:
            seen |= set(parse_report(path, Options()).totals)
        except Exception:  # fixtures of broken files are there on purpose
            continue
    assert len(seen) > 20 and seen <= set(PHRASES)


def test_every_report_kinds_label_is_shown_in_chinese():
    """The preview and the summary show a kind's label translated (marked with N_ where the kind is defined)."""
    from sellertui.core.i18n import _, set_language
    from sellertui.importers.kinds import KINDS

    set_language("zh-CN")
    try:
        left = sorted(kind.label for kind in KINDS.values() if _(kind.label) == kind.label)
    finally:
        set_language("en")
    assert left == []


def test_sync_dry_run_ads_export_and_review_approvals(zh, capsys):
    out = zh(capsys, "sync", "--dry-run")
    assert "订单 US: 将获取 " in out and "orders US" not in out and "试运行：未获取也未发送任何内容" in out
    assert "would" not in out and "fetch orders" not in out
    out = zh(capsys, "ads", "apply", "--dry-run")
    assert out.startswith("将为 ") and "approved" not in out
    out = zh(capsys, "review-requests", "--approve", "all", "--dry-run")
    assert out.startswith("将批准订单 ") and "would approve" not in out


def test_an_empty_bulk_export_says_so_in_chinese():
    from sellertui.core.i18n import set_language
    from sellertui.domain.ads.bulk import ExportResult

    set_language("zh-CN")
    try:
        assert ExportResult(None, 0, [], []).message() == "没有要导出的已批准更改"
    finally:
        set_language("en")
    assert ExportResult(None, 0, [], []).message() == "no approved changes to export"


def test_ads_not_connected_in_chinese(zh_shop_dir, tmp_path, monkeypatch, capsys):
    """Without Ads API credentials, sending approved changes and syncing ads say so in Chinese."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    shop = tmp_path / "shop"
    shutil.copytree(zh_shop_dir, shop)
    for argv in (("ads", "apply"), ("sync", "--only", "ads")):
        code, out, err = run(capsys, *argv, "--data-dir", str(shop))
        assert code != 0 and "未连接广告控制台：请运行 `sellertui connect ads`" in err and "not connected" not in err
    assert "请将已批准的更改导出为批量操作文件（b）" in run(capsys, "ads", "apply", "--data-dir", str(shop))[2]

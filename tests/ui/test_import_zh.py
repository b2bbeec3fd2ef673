"""The import screen in 简体中文: a bad file's problems shown in Chinese, naming file, line and column."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from sellertui.devtools.pilot import settle
from tests.importers.conftest import fixture
from tests.ui.test_import_screen import shown, type_path


async def previewed_in_chinese(make_app, data_dir: Path, path: Path) -> tuple[str, bool]:
    """The import screen's preview of ``path`` under zh-CN, and whether Import is refused."""
    app = make_app(data_dir, 'user = "ana"\nlanguage = "zh-CN"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("i")
        await type_path(pilot, app, path)
        return shown(app.screen), app.screen.query_one("#import", Button).disabled


async def test_a_bad_cell_is_shown_in_chinese(make_app, demo_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "退货.txt"
    path.write_text(fixture("fba-returns-us.txt").read_text().replace("\t2\tPHX6", "\ttwo\tPHX6"))
    preview, refused = await previewed_in_chinese(make_app, demo_copy, path)
    assert "退货.txt，第 3 行，列 'quantity'：'two' 不是整数" in preview
    assert refused


async def test_a_file_that_is_no_report_is_refused_in_chinese(make_app, demo_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "客户.csv"
    bad.write_text("name,email\nAna,a@example.com\n")
    preview, _ = await previewed_in_chinese(make_app, demo_copy, bad)
    assert "客户.csv：没有 sellertui 能识别的表头行（第一行是 'name,email'）" in preview


async def test_a_good_file_is_previewed_in_chinese(make_app, demo_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "returns.txt"
    path.write_text(fixture("fba-returns-us.txt").read_text())
    preview, refused = await previewed_in_chinese(make_app, demo_copy, path)
    assert "returns.txt：FBA 买家退货报告，2 行" in preview and "US 站点，USD（来自你的设置）" in preview
    assert not refused

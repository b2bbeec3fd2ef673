"""Each tab under 简体中文 at 80×24: its title, its footer keys and its table headings show in Chinese.

The text is read from the screen as drawn (an SVG screenshot's text), so a
heading that is marked but never translated where it is displayed fails here.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from textual.widgets import Tab
from textual.widgets._footer import FooterKey

from sellertui.devtools.pilot import settle


def screen_text(app) -> str:
    """What the terminal shows, as text (the screenshot's text runs, joined)."""
    svg = app.export_screenshot()
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(runs)).replace("\xa0", " ")


def footer_keys(app) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey) if key.description]


def tab_labels(app) -> list[str]:
    return [str(tab.label) for tab in app.query(Tab)]


# tab key, (view key, or None), its title, footer words that must show, headings that must show
CASES = {
    "today": ("1", None, "今日", ["勾选", "推迟"], ["待回复的买家消息", "今日已完成"]),
    "orders": ("2", "a", "订单", ["地址", "备注"], ["全部订单", "下单时间", "状态", "买家"]),
    "inventory": ("5", "s", "库存", ["计算过程", "起草采购单"], ["状态", "周转", "断货日"]),
    "ads": ("3", "s", "广告", ["时间窗口"], ["搜索词", "广告活动", "点击"]),
    "promotions": ("4", "l", "促销", ["复制"], ["促销", "状态", "检查", "类型", "开始"]),
    "profit": ("6", "p", "利润", ["计算过程", "月/周/季"], ["销售额", "退款", "净利润"]),
    "team": ("7", None, "团队", ["分配"], ["任务", "负责人", "优先"]),
}


@pytest.mark.parametrize("tab", list(CASES))
async def test_tab_title_footer_and_headings_in_chinese(make_app, demo_copy: Path, tab: str) -> None:
    key, view, title, keys, headings = CASES[tab]
    app = make_app(demo_copy, 'user = "ana"\nlanguage = "zh-CN"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press(key)
        await settle(pilot, app)
        if view:
            await pilot.press(view)
            await settle(pilot, app)
        assert any(label.endswith(title) for label in tab_labels(app)), tab_labels(app)
        shown = footer_keys(app)
        for word in keys:
            assert word in shown, f"{word!r} not among the footer's keys {shown}"
        text = screen_text(app)
        for heading in headings:
            assert heading in text, f"{heading!r} not on the screen:\n{text}"
        # and nothing of the English it replaces
        assert not {"Tick", "Address", "Working"} & set(shown)


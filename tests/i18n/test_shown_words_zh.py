"""Words stored or computed in English and shown translated: the same value reads in the language."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.core.i18n import set_language


@pytest.fixture
def zh():
    set_language("zh-CN")
    yield
    set_language("en")


def test_the_calendar_header_in_english_and_chinese():
    from sellertui.core.formats import dated, weekday_abbreviations

    assert weekday_abbreviations() == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert dated(date(2026, 12, 1), "%B %Y", "yMMMM") == "December 2026"
    set_language("zh-CN")
    try:
        assert weekday_abbreviations() == ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        assert dated(date(2026, 12, 1), "%B %Y", "yMMMM") == "2026年12月"
    finally:
        set_language("en")


def test_hiring_statuses_and_costs(zh):
    from sellertui.domain.profit.hiring import describe_cost, status_shown

    assert [status_shown(s) for s in ("next", "planned", "hired 2026-11-01")] == ["下一个", "计划中", "2026-11-01 已招聘"]
    role = {"salary_minor": 1200000, "overhead_pct": 30, "currency": "CNY"}
    assert describe_cost(role) == "薪资 ¥12,000.00 + 30% 附加成本 = 每月 ¥15,600.00"


def test_a_negatives_next_step_for_its_column(zh):
    from sellertui.domain.reviews.negatives import Due

    assert Due("contact the buyer", date(2026, 12, 1)).describe(date(2026, 12, 3)) == "联系 · 逾期 2 天"
    assert Due("resolve", date(2026, 12, 5)).describe(date(2026, 12, 3)) == "解决 · 剩 2 天"


def test_expense_categories_and_repeats(zh):
    from sellertui.domain.profit.expenses import category_label
    from sellertui.domain.profit.tables import expenses_frame

    assert category_label("tools") == "工具和软件" and category_label("custom words") == "custom words"
    frame = expenses_frame([{"id": 1, "date": "2026-11-01", "category": "storage", "amount_minor": 100,
                             "currency": "CNY", "recurring": "monthly"}], "2026-12-01")
    assert list(frame.loc[0, ["category", "repeats", "until"]]) == ["仓储（第三方仓、仓库）", "每月", "进行中"]


def test_english_is_as_it_was():
    from sellertui.domain.profit.hiring import describe_cost, status_shown
    from sellertui.domain.reviews.negatives import Due

    assert status_shown("next") == "next"
    assert describe_cost({"salary_minor": 500000, "overhead_pct": 25, "currency": "USD"}) == \
        "$5,000.00 salary + 25% overhead = $6,250.00 a month"
    assert Due("contact the buyer", date(2026, 12, 1)).describe(date(2026, 12, 3)) == "contact · late 2d"


def test_the_ads_reasons_money_follows_a_language_switch():
    from sellertui.domain.ads.rules import fmt

    set_language("zh-CN")
    try:
        chinese = fmt(35, "USD")
    finally:
        set_language("en")
    assert (chinese, fmt(35, "USD")) == ("US$0.35", "$0.35")  # the cache keeps one per language

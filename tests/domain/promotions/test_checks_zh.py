"""Under 简体中文 a promotion's checks and deadline read as Chinese sentences; codes and levels stay English."""

from __future__ import annotations

from datetime import datetime, timezone


from sellertui.domain.promotions import checks as rules
from sellertui.domain.promotions import deadlines
from sellertui.domain.promotions.settings import PromoSettings
from tests.domain.promotions.test_checks import promo


def test_an_overlap_in_chinese(chinese) -> None:
    mine = promo("mine", skus=("A", "B"))
    other = promo("coupon", skus=("B", "C"), start="2026-03-12", end="2026-03-20", kind="coupon", status="running")
    found = rules.overlap_checks(mine, [mine, other])[0]
    assert (found.code, found.level, found.summary) == ("overlap", "fail", "与“coupon”在 B 上重叠")
    assert found.working[1] == "“coupon”（进行中）：2026-03-12 至 2026-03-20"
    assert found.working[2].startswith("两者在 2026-03-12 都对 B 打折")


def test_a_missed_deadline_in_chinese(chinese) -> None:
    check = rules.deadline_check(promo(start="2026-03-10"), None, PromoSettings(),
                                 datetime(2026, 3, 9, 12, tzinfo=timezone.utc))
    assert check.level == "fail" and check.summary.startswith("已错过：截止日期为 ")
    assert check.working[-1].startswith("站点当地今天：")


def test_no_deadline_for_a_percentage_off(chinese) -> None:
    plan = deadlines.submission(promo(kind="percent_off"), None, PromoSettings())
    assert plan.due is None and plan.working == ["百分比折扣创建后数小时内生效：无提交截止日期。"]

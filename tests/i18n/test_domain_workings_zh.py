"""The domain's workings in 简体中文: ad targets, the promotion fee, promotion history, length errors, task roles.

Stored values stay English (a target's rule, a fee entry's seeded note, a history entry, a role); what the user
reads is translated, and English stays as it was.
"""

from __future__ import annotations

from datetime import date


from sellertui.core.i18n import set_language, shown
from sellertui.domain.promotions import records
from sellertui.domain.promotions.fees import US_SCHEDULE, fee
from sellertui.domain.team import tasks
from tests.domain.ads.helpers import book


def test_a_campaigns_target_working_in_chinese(chinese) -> None:
    target = book().campaign("SP | Auto | ABC")
    assert target.source == "break-even − margin" and shown(target.source) == "盈亏平衡 − 保留利润"
    assert target.mapping == "广告活动名称含 'ABC'"
    assert "盈亏平衡 ACoS 45.0%（中位数）− 保留利润 10.0% = 目标 ACoS 35.0%" in target.working
    assert any(line.startswith("MM-ABC-1: 售价 US$20.00 − 到岸成本 US$5.00 − 销售佣金 15% = US$3.00") for line in target.working)
    nothing = book().campaign("Summer sale")
    assert nothing.working[0] == "广告活动名称中没有 SKU：采用全账户默认值（按 e 关联 SKU）"
    assert nothing.source == "account median"
    assert all(not line.isascii() for line in target.working[1:])


def test_a_users_target_is_still_known_as_theirs_in_chinese(chinese) -> None:
    from sellertui.domain.ads.targets import record_id

    records_ = [{"id": record_id("sku", sku="MM-ABC-1"), "scope": "sku", "sku": "MM-ABC-1", "target_acos": 0.30}]
    target = book(records_).campaign("SP | Auto | ABC")
    assert target.source == "your SKU targets" and shown(target.source) == "您设定的 SKU 目标"
    assert any("（MM-ABC-1 为您设定）" in line for line in target.working)


def test_the_promotion_fee_working_in_chinese_from_the_seeded_note(chinese) -> None:
    result = fee(US_SCHEDULE, "best_deal", "US", date(2025, 9, 1), days=3, peak=False, sales_minor=1234567)
    assert result.working[0] == "七天促销，US，自 2025-06-02：每天 $70 + 促销销售额的 1%（可变部分上限 $2,000）"
    assert result.working[1] == "+ US$70.00 × 3 天 = US$210.00"
    assert result.working[-1] == "= US$333.46"
    peak = fee(US_SCHEDULE, "lightning_deal", "US", date(2025, 11, 28), 1, True, 9_999_999)
    assert peak.working[:2] == ["秒杀，US，自 2025-06-02（大促活动）：大促活动：每个秒杀 $500", "固定 US$500.00"]
    # a note the user wrote is shown as written
    own = [{**US_SCHEDULE[0], "from": "2026-01-01", "note": "我们的备注 our note"}]
    assert fee(own, "lightning_deal", "US", date(2026, 2, 1), 1, False).working[0].endswith("我们的备注 our note")
    set_language("en")
    assert fee(US_SCHEDULE, "best_deal", "US", date(2025, 9, 1), 3, False, 1234567).working[:2] == [
        "Best Deal, US, from 2025-06-02: $70 a day + 1% of deal sales (variable part capped at $2,000)",
        "+ $70.00 × 3 day(s) = $210.00"]


def test_promotion_history_is_stored_english_and_shown_in_chinese(chinese) -> None:
    assert [records.history_text(w) for w in ("created as idea", "edited", "edited; now approved", "now running",
                                               "cancelled", "cancelled: 库存不足 late stock", "imported from a file")] \
        == ["创建为构想", "已编辑", "已编辑；现为已批准", "现为进行中", "已取消", "已取消：库存不足 late stock",
            "imported from a file"]
    set_language("en")
    assert records.history_text("edited; now approved") == "edited; now approved"


def test_a_promotion_too_long_for_its_type_says_so_in_chinese(chinese) -> None:
    errors = records.check({"start": date(2026, 3, 1), "end": date(2026, 3, 3), "type": "lightning_deal"})
    assert errors == {"end": "秒杀在一天内进行（4–12 小时的时段）"}
    errors = records.check({"start": date(2026, 3, 1), "end": date(2026, 5, 1), "type": "best_deal"})
    assert errors == {"end": "七天促销最多进行 14 天"}
    assert records.check({"start": date(2026, 3, 2), "end": date(2026, 3, 1)}) == {"end": "不早于开始日期（2026-03-02）"}


def test_task_roles_are_stored_english_and_shown_in_chinese(chinese) -> None:
    assert tasks.ROLES == ("product", "operations", "back office")
    assert [shown(role) for role in tasks.ROLES] == ["商品", "运营", "后勤"]


def test_a_promotions_expected_fee_working_in_chinese(chinese) -> None:
    from sellertui.domain.promotions.pricing import promotion_fee

    promo = {"type": "best_deal", "skus": ["MUG"], "start": "2025-09-01", "end": "2025-09-03", "discount_pct": 20,
             "expected_units": 30, "currency": "USD", "marketplace": "US"}
    found = promotion_fee(promo, {"MUG": {"price_minor": 2000}}, None, US_SCHEDULE)
    assert found.working[0] == "MUG：US$20.00 − 20% = US$16.00 × 30.0 件 = US$480.00"
    assert found.working[1] == "预计促销销售额 = 30 件 × 折后价 = US$480.00"
    assert found.working[-1] == "每件：US$214.80 ÷ 预计 30 件 = US$7.16"
    set_language("en")
    assert promotion_fee(promo, {"MUG": {"price_minor": 2000}}, None, US_SCHEDULE).working[-1] == (
        "per unit: $214.80 ÷ 30 expected units = $7.16")

"""Under 简体中文 the hiring gauge reads as whole Chinese sentences, months named the Chinese way."""

from __future__ import annotations


from tests.domain.profit.test_readiness import CASH, LINE, run


def test_the_conditions_in_chinese(chinese) -> None:
    result = run([LINE, LINE, LINE])
    profit = result.conditions[0]
    assert profit.key == "profit" and profit.label == "最近 3 个月每月盈利 US$3,000.00 或以上"
    assert profit.detail == "8月、9月、10月：US$3,000.00、US$3,000.00、US$3,000.00"
    assert result.projection == "现在就可以招聘Operator了。"


def test_english_months_stay_as_before() -> None:
    assert run([LINE, LINE, LINE]).conditions[0].detail == "Aug, Sep, Oct: $3,000.00, $3,000.00, $3,000.00"


def test_a_projection_with_the_cash_still_to_save_is_one_sentence(chinese) -> None:
    short = run([LINE] * 3, cash={"date": CASH["date"], "amount_minor": 749999})
    assert short.projection == "利润已达标；现金储备还需增加 US$0.01。"
    assert run([LINE, LINE], cash=None).conditions[0].detail == "只有 2 个完整月份的数据；需要 3 个"

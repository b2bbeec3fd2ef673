"""Money, dates and numbers as each language writes them; the two yen never look alike."""

from __future__ import annotations

from datetime import date

from sellertui.core import formats
from sellertui.core.i18n import set_language
from sellertui.core.money import SYMBOLS, fmt


def test_english_money_keeps_its_symbols_and_tells_yuan_from_yen():
    assert fmt(123456, "USD") == "$1,234.56"
    assert fmt(-123456, "EUR") == "-€1,234.56"
    assert fmt(1234, "JPY") == "¥1,234"
    assert fmt(123456, "CNY") == "CN¥1,234.56"
    assert fmt(123456, "SEK") == "1,234.56 SEK"  # no symbol of its own: the code after the number
    assert fmt(None, "USD") == "—" and fmt(100, "USD", symbol=False) == "1.00"


def test_chinese_money_writes_yuan_as_yen_sign_and_yen_as_jp_yen():
    set_language("zh-CN")
    assert fmt(123456, "CNY") == "¥1,234.56"
    assert fmt(1234, "JPY") == "JP¥1,234"
    assert fmt(123456, "USD") == "US$1,234.56"  # beside ¥ amounts, the dollar says whose it is
    assert {fmt(100, "CNY")[:1], fmt(100, "JPY")[:3]} == {"¥", "JP¥"}
    assert SYMBOLS.get("CNY") == "¥" and SYMBOLS.get("JPY") == "JP¥" and "SEK" not in SYMBOLS


def test_dates_and_numbers_follow_the_language():
    day = date(2026, 5, 3)
    assert (formats.month(day), formats.short_day(day), formats.long_day(day)) == ("May 2026", "May 3", "May 3, 2026")
    assert formats.number(12345.6) == "12,346" and formats.percent(0.256) == "26%" and formats.percent(None) == "—"
    set_language("zh-CN")
    assert (formats.month(day), formats.short_day(day), formats.long_day(day)) == ("2026年5月", "5月3日", "2026年5月3日")
    assert formats.weekday_day(day) == "5月3日周日"

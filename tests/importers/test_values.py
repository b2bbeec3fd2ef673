"""Cell parsers: amounts in every market's notation, whole numbers, percentages, text, flags."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, strategies as st

from sellertui.core.money import to_minor
from sellertui.importers.values import Bad, decimal_of, days, flag, integer, is_blank, percent, text, unguard


@pytest.mark.parametrize("written, comma, expected", [
    ("$1,234.56", False, "1234.56"),
    ('£12,894.53', False, "12894.53"),
    ("$ 16.22", False, "16.22"),
    ("Rs.961.62", False, "961.62"),
    ("₹1,44,957.78", False, "144957.78"),
    ("1,44,957.78", False, "144957.78"),
    ("95,00", True, "95.00"),
    ("95,00", False, "95.00"),  # a comma before two digits cannot group thousands
    ("1.234,56", True, "1234.56"),
    ("1.234,56 €", True, "1234.56"),
    ("1 234,56", True, "1234.56"),
    ("1.234", True, "1234"),  # decimal-comma market: the dot groups
    ("1,234", False, "1234"),
    ("1,234", True, "1.234"),
    ("(12.34)", False, "-12.34"),
    ("-$12.34", False, "-12.34"),
    ("$-12.34", False, "-12.34"),
    ("−5.00", False, "-5.00"),
    ("USD 12", False, "12"),
    ("32.09    ", False, "32.09"),
    ('="12.50"', False, "12.50"),
    ("CA$5.25", False, "5.25"),
    (".5", False, "0.5"),
    (1.43, False, "1.43"),
    (1179.16, False, "1179.16"),
    (7, False, "7"),
])
def test_amounts_in_every_notation(written, comma, expected) -> None:
    assert decimal_of(written, comma) == Decimal(expected)


@pytest.mark.parametrize("written, reason", [
    ("abc", "is not an amount"),
    ("12.34.56", "is not an amount"),
    ("1,2,3", "is not an amount"),
    ("12..5", "is not an amount"),
    ("$", "is not an amount"),
    ("€5", "is in EUR, but this file's amounts are in GBP"),
    ("Rs.5", "is in INR, but this file's amounts are in GBP"),
    (float("nan"), "is not a number"),
    (True, "is a yes/no value, not a number"),
])
def test_amounts_that_are_not(written, reason) -> None:
    with pytest.raises(Bad) as caught:
        decimal_of(written, False, "GBP")
    assert caught.value.reason == reason


def test_a_yen_sign_is_fine_for_yuan() -> None:
    assert decimal_of("¥88", False, "CNY") == 88


@pytest.mark.parametrize("written, expected", [("12.34%", 12.34), ("160.00%", 160.0), (0.1234, 12.34),
                                               ("0.1234", 12.34), ("12,5 %", 12.5), ("-5%", -5.0), (1.6, 160.0)])
def test_percentages_as_strings_or_fractions(written, expected) -> None:
    assert percent(written, decimal_comma=isinstance(written, str) and "," in written) == expected


def test_percent_that_is_not() -> None:
    with pytest.raises(Bad, match="percentage"):
        percent("n%a", False)


@pytest.mark.parametrize("written, expected", [("1,234", 1234), (4.0, 4), ("4.0", 4), ("-3", -3), ('="007"', 7)])
def test_whole_numbers(written, expected) -> None:
    assert integer(written, False) == expected


@pytest.mark.parametrize("written", ["4.5", "x", 4.5])
def test_whole_numbers_that_are_not(written) -> None:
    with pytest.raises(Bad, match="whole number"):
        integer(written, False)


def test_text_cells() -> None:
    assert text('  ="0012345"  ') == "0012345"
    assert text(479283619024226.0) == "479283619024226"
    assert text(1.5) == "1.5"
    assert text(None) == ""
    assert unguard('="') == '="'


def test_flags_blanks_and_days() -> None:
    assert flag("Yes") is True and flag("false") is False and flag("N") is False
    with pytest.raises(Bad):
        flag("maybe")
    assert is_blank("  ") and is_blank("-") and is_blank(None) and is_blank(float("nan")) and not is_blank("0")
    assert days("365+", False) == 365 and days("infinite", False) is None and days(12.5, False) == 12.5
    with pytest.raises(Bad):
        days("1.2.3", False)


# -- properties -------------------------------------------------------------------------
def _group(digits: str, indian: bool, sep: str) -> str:
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    size = 2 if indian else 3
    groups = []
    while head:
        groups.insert(0, head[-size:])
        head = head[:-size]
    return sep.join(groups + [tail])


@st.composite
def written_amounts(draw):
    cents = draw(st.integers(min_value=-10**13, max_value=10**13))
    comma = draw(st.booleans())
    whole, frac = divmod(abs(cents), 100)
    indian = draw(st.booleans()) and not comma
    grouping = draw(st.sampled_from(["none", "marks", "space"]))
    sep = {"none": "", "marks": "." if comma else ",", "space": "\u00a0" if comma else ","}[grouping]
    digits = _group(str(whole), indian, sep) if sep else str(whole)
    number = f"{digits}{',' if comma else '.'}{frac:02d}"
    sign = draw(st.sampled_from(["", "$", "£", "€", "Rs.", "₹", "USD "]))
    suffix = draw(st.sampled_from(["", " €", " EUR"])) if not sign else ""
    body = f"{sign}{number}{suffix}"
    if cents < 0:
        body = draw(st.sampled_from([f"-{body}", f"({body})"] + ([f"{sign}-{number}"] if sign else [])))
    return body, comma, Decimal(cents).scaleb(-2)


@given(written_amounts())
@example(("1,44,957.78", False, Decimal("144957.78")))
def test_any_written_amount_reads_back_exactly(case) -> None:
    body, comma, expected = case
    assert decimal_of(body, comma) == expected
    assert to_minor(decimal_of(body, comma), "USD") == int(expected * 100)


@given(st.one_of(st.text(max_size=30), st.floats(allow_nan=True), st.integers()), st.booleans())
def test_any_cell_is_an_amount_or_a_clear_no(cell, comma) -> None:
    try:
        result = decimal_of(cell, comma, "USD")
    except Bad as exc:
        assert exc.reason and isinstance(exc.reason, str)
    else:
        assert isinstance(result, Decimal) and result.is_finite()


@given(st.decimals(min_value=-1000, max_value=100000, places=2, allow_nan=False), st.booleans())
def test_percent_strings_and_fractions_agree(value, as_string) -> None:
    cell = f"{value}%" if as_string else float(value / 100)
    assert percent(cell, False) == pytest.approx(float(value), abs=1e-6)


@given(st.one_of(st.text(max_size=20), st.floats(), st.integers()))
def test_any_cell_is_a_percentage_or_a_clear_no(cell) -> None:
    try:
        assert isinstance(percent(cell, False), float)
    except Bad:
        pass


@given(st.one_of(written_amounts().map(lambda case: case[0]), st.text(alphabet="$-,.0123456789", max_size=12)),
       st.sampled_from(["USD", "JPY", "KWD"]))
def test_the_fast_amount_path_agrees_with_the_careful_one(cell, currency) -> None:
    from sellertui.core.money import exponent
    from sellertui.importers.fast import plain_minor

    quick = plain_minor(cell, 10 ** exponent(currency))
    if quick is not None:
        assert quick == to_minor(decimal_of(cell, False), currency)

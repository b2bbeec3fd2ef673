"""The whole-column fast paths give exactly what the careful parsers give, or step aside."""

from __future__ import annotations

from hypothesis import given, strategies as st

from sellertui.importers import fast
from sellertui.importers.dates import parse_datetime
from sellertui.importers.values import integer, text

cells = st.lists(st.one_of(st.sampled_from(["", " ", "12", "-7", "007", "1,234", "٣", '="9"', " 5", "x"]),
                           st.text(alphabet="0123456789-", max_size=4)), max_size=12)
moments = st.lists(st.sampled_from(["2026-01-05T18:22:11+00:00", "2026-02-30T00:00:00+00:00", "",
                                    "2026-01-05T18:22:11+01:00", "2026-01-05 18:22:11", "2025-12-31T23:59:59+00:00"]),
                   max_size=8)


@given(cells, st.booleans(), st.booleans())
def test_int_column(raw, required, comma) -> None:
    quick = fast.int_column(raw, None, required, comma)
    if quick is not None:
        assert quick == [None if v == "" else integer(v, comma) for v in raw]
        assert not (required and "" in raw)


@given(moments, st.booleans())
def test_datetime_column(raw, required) -> None:
    quick = fast.datetime_column(raw, None, required)
    if quick is not None:
        assert quick == [None if v == "" else parse_datetime(v, False, "UTC") for v in raw]


@given(st.lists(st.text(max_size=6), max_size=8), st.booleans())
def test_text_column(raw, required) -> None:
    quick = fast.text_column(raw, "-", required)
    if quick is not None:
        assert quick == [text(v) or "-" for v in raw]


def test_what_the_fast_paths_leave_to_the_careful_ones() -> None:
    assert fast.int_column(["1", "1,234"], None, False, comma=True) is None  # 1,234 is 1.234 there
    assert fast.int_column(["1", "1,234"], None, False) == [1, 1234]
    assert fast.int_column(["1", "٣"], None, False) is None  # non-ASCII digits
    assert fast.int_column(["1", ""], None, True) is None  # a required blank must be reported
    assert fast.datetime_column(["2026-02-30T00:00:00+00:00"], None, False) is None
    assert fast.datetime_column(["2026-01-05T18:22:11+01:00"], None, False) is None
    assert fast.text_column(['="0012"'], "", False) is None
    assert fast.text_column([1.5], "", False) is None


def test_a_text_column_with_nothing_to_trim_is_the_column_read() -> None:
    raw = ["a", "", "b c"]
    assert fast.text_column(raw, "", False) is raw  # no second list of a million pointers
    assert fast.text_column(raw, None, False) == ["a", None, "b c"]
    assert fast.text_column([" a"], "", False) == ["a"]

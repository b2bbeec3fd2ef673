"""User text renders literally: markup stays text, control characters become visible."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sellertui.ui.kit.safe import plain, text


def test_escape_sequences_become_visible_symbols() -> None:
    assert plain("\x1b[31mred") == "␛[31mred"
    assert plain("a\x00b\x07c\x7f\x9b") == "a␀b␇c␡\\x9b"
    assert plain("tab\tand\nnewline") == "tab\tand\nnewline"


def test_markup_is_not_interpreted() -> None:
    assert text("[red]not red[/]").plain == "[red]not red[/]"
    assert text("[red]x").spans == []


@given(st.text())
def test_no_control_character_survives(value: str) -> None:
    shown = plain(value)
    assert not any(ord(c) < 0x20 and c not in "\t\n" or 0x7F <= ord(c) <= 0x9F for c in shown)

"""Stored English shown in the language: text written from an N_ template is read back by the regex made from
that template (core.i18n.stored_pattern: the template's words literally, its fields as named groups), and a
stored key shows as its marked word (core.i18n.label)."""

from __future__ import annotations

import pytest

from sellertui.core.i18n import stored_pattern
from sellertui.domain.promotions.events import ESTIMATED_NOTE
from sellertui.domain.promotions.records import CANCELLED, HISTORY
from sellertui.domain.sync.words import UNEXPECTED


def test_fields_are_named_groups_and_the_words_are_literal() -> None:
    pattern = stored_pattern("failed (code {code}) at {where}. Retry? [y/n]+", code=r"\d+")
    found = pattern.fullmatch("failed (code 42) at a.b\nc. Retry? [y/n]+")
    assert found is not None and found.groupdict() == {"code": "42", "where": "a.b\nc"}  # any text spans lines
    assert pattern.fullmatch("failed (code x) at a. Retry? [y/n]+") is None  # the field's own regex
    assert pattern.fullmatch("failed code 42 at a. Retry? [y/n]+") is None  # ( ) are the template's words
    assert pattern.fullmatch("failed (code 42) at a. Retry? y") is None
    assert pattern.fullmatch("so: failed (code 42) at a. Retry? [y/n]+") is None  # the whole text, not a part


def test_braces_doubled_are_text_and_a_field_twice_holds_the_same_text() -> None:
    assert stored_pattern("{{literal}} {x}").fullmatch("{literal} 1")["x"] == "1"
    twice = stored_pattern("{a} and {a}")
    assert twice.fullmatch("tea and tea")["a"] == "tea" and twice.fullmatch("tea and milk") is None
    assert stored_pattern("edited").fullmatch("edited").groupdict() == {}


@pytest.mark.parametrize("template, values, fields", [
    (ESTIMATED_NOTE, {"known": "2025", "rule": "second Tuesday of July"}, {"known": r"\d{4}"}),
    (CANCELLED, {"reason": "stock ran out: (again)"}, {}),
    (UNEXPECTED, {"error": "KeyError('x') (in sync)"}, {}),
    *[(template, {"status": "planned", "reason": "no budget;\nlater"}, {"status": r"\w+"})
      for template in HISTORY.values()],
])
def test_every_stored_template_reads_back_its_values(template: str, values: dict, fields: dict) -> None:
    text = template.format(**values)
    found = stored_pattern(template, **fields).fullmatch(text)
    assert found is not None
    assert found.groupdict() == {k: v for k, v in values.items() if "{" + k + "}" in template}


def test_a_key_shows_as_its_marked_word_translated_or_as_stored(chinese) -> None:
    """core.i18n.label: a stored key the mapping knows shows as its word in the language; another as stored
    (never passed to gettext: a user's own category that happens to be an English msgid stays as typed)."""
    from sellertui.core.i18n import N_, label

    words = {"tools": N_("Tools and software")}
    assert label(words, "tools") == "工具和软件"
    assert label(words, "next") == "next"  # "next" has a translation of its own, but is not this mapping's
    assert label(words, None) is None

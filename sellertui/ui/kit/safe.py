"""User text is data: render it literally.

Markup is never parsed in user strings (use these helpers, ``Text`` or
``Content``, never f-strings into markup), and terminal control characters,
which Rich passes through untouched, are shown as visible symbols so a buyer's
message cannot move the cursor or recolour the screen (the rule is
``core.text.visible``, which the command line's output uses too).
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from sellertui.core.text import visible


def plain(value: object) -> str:
    """``value`` as a string with control characters made visible."""
    return visible(value)


def text(value: object, style: str = "") -> Text:
    """A Rich Text that shows ``value`` exactly (no markup, no control codes)."""
    return Text(plain(value), style=style)


def content(value: object) -> Content:
    return Content(plain(value))

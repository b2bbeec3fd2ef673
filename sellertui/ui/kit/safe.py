"""User text is data: render it literally.

Markup is never parsed in user strings (use these helpers, ``Text`` or
``Content``, never f-strings into markup), and terminal control characters,
which Rich passes through untouched, are shown as visible symbols so a buyer's
message cannot move the cursor or recolour the screen.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL, ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}"


def plain(value: object) -> str:
    """``value`` as a string with control characters made visible."""
    return _CONTROL.sub(_visible, "" if value is None else str(value))


def text(value: object, style: str = "") -> Text:
    """A Rich Text that shows ``value`` exactly (no markup, no control codes)."""
    return Text(plain(value), style=style)


def content(value: object) -> Content:
    return Content(plain(value))

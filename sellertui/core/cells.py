"""Text measured in terminal cells, not characters: 中文 and other wide characters take two cells each.

Every place that pads or cuts text to a width (table cells, form labels, the
calendar's bars, chart labels, the header, CLI columns) goes through these, so
a Chinese product or buyer name lines up with a Latin one. Rich's tables (the
width of each character from Unicode's East Asian Width) do the measuring.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size

__all__ = ["cell_len", "cut", "fit", "pad"]


def pad(text: str, width: int, align: str = "left") -> str:
    """``text`` padded with spaces to ``width`` cells (never cut)."""
    room = width - cell_len(text)
    if room <= 0:
        return text
    if align == "right":
        return " " * room + text
    if align == "center":
        return " " * (room // 2) + text + " " * (room - room // 2)
    return text + " " * room


def cut(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` in at most ``width`` cells: cut with ``…`` when longer (a wide character never split)."""
    if cell_len(text) <= width:
        return text
    room = width - cell_len(ellipsis)
    if room < 0:
        return ""
    kept, used = [], 0
    for char in text:
        used += get_character_cell_size(char)
        if used > room:  # a wide character that would straddle the edge is left out whole
            break
        kept.append(char)
    return "".join(kept) + ellipsis


def fit(text: str, width: int, align: str = "left", ellipsis: str = "…") -> str:
    """``text`` in exactly ``width`` cells: cut (with ``ellipsis``) when longer, padded when shorter."""
    return pad(cut(text, width, ellipsis), width, align)

"""Headings between groups of rows (Team's tasks by owner): which screen line shows which row or heading.

A grouped table still moves its cursor over rows only; the headings are lines
between them. ``Lines`` maps both ways: the line of each row (to scroll the
cursor into view) and what each line shows (to draw it, and to turn a click
into a row).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence


@dataclass
class Lines:
    # per line: a row (index into the order) or a heading; a range when there are no headings
    shows: Sequence[int | str] = field(default_factory=list)
    line_of: Sequence[int] = field(default_factory=list)  # per row: its line

    def __len__(self) -> int:
        return len(self.shows)


def group_lines(values, label: Callable[[object, int], str]) -> Lines:
    """A heading before each run of equal ``values`` (the group column, in shown order), then its rows."""
    lines = Lines()
    runs: list[tuple[object, int]] = []  # (value, rows in the run)
    for value in values:
        if runs and runs[-1][0] == value:
            runs[-1] = (value, runs[-1][1] + 1)
        else:
            runs.append((value, 1))
    row = 0
    for value, count in runs:
        lines.shows.append(label(value, count))
        for _ in range(count):
            lines.line_of.append(len(lines.shows))
            lines.shows.append(row)
            row += 1
    return lines


def plain_lines(rows: int) -> Lines:
    """No groups: line n shows row n (ranges: two lists of a million ints cost ~40 ms every filter keystroke)."""
    return Lines(range(rows), range(rows))

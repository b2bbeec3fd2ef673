"""The command line's one output boundary: nothing a command prints can drive the terminal.

While a command runs, ``sys.stdout`` and ``sys.stderr`` are wrapped so every
write goes through ``core.text.visible``: a report cell, a file name, a task
title, a buyer's message or a CSV export to standard output shows ``␛]52;…``
instead of writing the clipboard. Commands need not remember to sanitise, and
argparse's own messages (which echo what was typed) pass the same way. JSON is
escaped before it gets here (``core.text.json_text``), so it passes unchanged;
files written with ``-o`` never go through it. The progress bar's carriage
return is the one control the CLI sends on purpose (``control``).
"""

from __future__ import annotations

import sys
from contextlib import contextmanager, suppress
from typing import Iterator, TextIO

from sellertui.core.text import visible


class Shown:
    """A text stream that shows control characters as symbols instead of sending them.

    Not an ``io`` class on purpose: those close themselves (and so the wrapped
    stream) when collected; this one closes its stream only when asked.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(visible(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", "utf-8")

    @property
    def closed(self) -> bool:
        return self.stream.closed

    def close(self) -> None:  # `| head`: the CLI closes stderr so Python says nothing more at exit
        self.stream.close()


def control(stream: TextIO, text: str) -> None:
    """Write terminal controls the CLI itself means (the progress bar's ``\\r``), past the filter."""
    target = stream.stream if isinstance(stream, Shown) else stream
    target.write(text)
    target.flush()


@contextmanager
def shown_output() -> Iterator[None]:
    """Wrap stdout and stderr for the length of a command; the originals come back after."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Shown(saved[0]), Shown(saved[1])
    try:
        yield
    finally:
        for wrapped in (sys.stdout, sys.stderr):
            if isinstance(wrapped, Shown) and not wrapped.closed:
                with suppress(OSError, ValueError):  # a reader that went away (`| head`)
                    wrapped.flush()
        sys.stdout, sys.stderr = saved

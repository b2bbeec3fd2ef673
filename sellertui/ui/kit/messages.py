"""Messages that cross the app: what changed in the store, and what a write did.

Workers never touch widgets: they post a named message and a handler on the
UI thread shows the result (``post_message`` is thread-safe). Reading the
message names tells how data flows through a tab.
"""

from __future__ import annotations

from textual.message import Message


class StoreChanged(Message):
    """The store changed: by another process (``external``) or by this app."""

    def __init__(self, collections: frozenset[str], external: bool) -> None:
        self.collections = collections
        self.external = external
        super().__init__()


class Saved(Message):
    """A write finished: the app says ``note`` and refreshes every tab showing ``collections``.

    It bubbles from the widget that saved up to the app, so a view can act on
    its own saves first (put the cursor on the new row, or make the note a
    warning when part of the write was refused).
    """

    def __init__(self, note: str, collections: frozenset[str], result: object = None,
                 severity: str = "information") -> None:
        self.note = note
        self.collections = collections
        self.result = result
        self.severity = severity
        super().__init__()


class SaveRefused(Message):
    """A write was refused (a teammate's edit in between, a rule): nothing was written.

    The app's error funnel says why; the widget that saved may react first
    (show the teammate's version).
    """

    def __init__(self, error: Exception, collections: frozenset[str]) -> None:
        self.error = error
        self.collections = collections
        super().__init__()

"""Messages the app posts to its areas."""

from __future__ import annotations

from textual.message import Message


class StoreChanged(Message):
    """The store changed: by another process (``external``) or by this app."""

    def __init__(self, collections: frozenset[str], external: bool) -> None:
        self.collections = collections
        self.external = external
        super().__init__()

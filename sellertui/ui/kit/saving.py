"""Write in a worker, then say what happened and refresh: the one way a tab saves.

Writes wait for the store's lock (a teammate or a cron import may hold it), so
they never run on the UI thread. The worker calls a domain function through
``write(store)``; when it returns, a ``Saved`` message carries the note and
the collections that changed to the app. A refused write (``UserError``, a
teammate's ``Conflict``) posts ``SaveRefused`` to the saving widget, then goes
to the app's single error funnel, which shows "Not saved" with the sentence
that says why.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from textual.dom import DOMNode
from textual.worker import Worker

from sellertui.core.errors import UserError
from sellertui.store.errors import StoreError
from sellertui.ui.kit.messages import SaveRefused, Saved

SAVE_GROUP = "save"  # the error funnel titles failures of this group "Not saved"

Write = Callable[[Any], Any]
Note = str | Callable[[Any], str]


def save(node: DOMNode, write: Write, done: Note, collections: Iterable[str]) -> Worker:
    """Run ``write(store)`` in a thread; then post ``Saved`` from ``node`` (``done`` may format the result)."""
    shop = node.app.ctx.shop()
    changed = frozenset(collections)

    def job() -> None:
        try:
            result = write(shop.store)
        except (StoreError, UserError) as error:
            node.post_message(SaveRefused(error, changed))
            raise  # on to the app's error funnel, which says "Not saved" and why
        note = done(result) if callable(done) else done
        node.post_message(Saved(note, changed, result))

    return node.run_worker(job, thread=True, group=SAVE_GROUP, exit_on_error=False, name="save")

"""``work``: Textual's worker decorator, naming a worker by its method rather than by its arguments.

Textual describes a worker it starts by the ``repr`` of the arguments it was given, and its log and the
worker list show that description. A worker's arguments are data: the credentials a user typed, a task's
edits, a frame of 100k order lines (whose repr alone took 3 ms on the UI thread). So every worker the app
starts is described by its method's name only.
"""

from __future__ import annotations

from typing import Any, Callable

from textual import work as textual_work


def work(method: Callable | None = None, **options: Any):
    """``textual.work`` described by the method's name unless given a ``description`` (used bare or with
    options, as Textual's)."""
    if method is not None:
        return textual_work(description=method.__name__)(method)

    def decorate(fn: Callable):
        return textual_work(**{"description": fn.__name__, **options})(fn)

    return decorate

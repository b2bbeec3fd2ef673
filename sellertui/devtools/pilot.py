"""Driving the app headless (tests, screenshots, benchmarks): wait until it has settled."""

from __future__ import annotations

import asyncio

MESSAGE_ROUNDS = 5  # pauses to let queued messages be handled before calling the app settled


def _queued(app) -> bool:
    """Is a message still waiting in any node's queue? (Workers hand their results over as messages.)"""
    nodes = [app]
    for screen in app.screen_stack:
        nodes.extend(screen.walk_children(with_self=True))
    # private, but this is exactly the question: has every posted message been handled?
    return any(not node._message_queue.empty() for node in nodes)


async def settle(pilot, app) -> None:
    """Let the workers that matter finish, their messages be handled, and the screen repaint.

    The store poller starts a worker every second and may be cancelled by the next one
    on a loaded machine: waiting for it would make tests depend on timing luck. A worker's
    result arrives as a message after the worker ends, so quiet means: no busy worker and
    (a few rounds allowing) no queued message, twice in a row.
    """
    from sellertui.ui.shell.live import POLL_GROUP

    quiet = waited_for_messages = 0
    while quiet < 2:
        await pilot.pause()
        busy = [w for w in app.workers if w.group != POLL_GROUP and not w.is_finished]
        if busy:
            await asyncio.gather(*(w.wait() for w in busy), return_exceptions=True)
            quiet = 0
        elif _queued(app) and waited_for_messages < MESSAGE_ROUNDS:
            waited_for_messages += 1  # bounded: a progress bar or a clock keeps posting to itself
            quiet = 0
        else:
            quiet += 1

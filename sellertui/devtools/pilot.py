"""Driving the app headless (tests, screenshots, benchmarks): wait until it has settled."""

from __future__ import annotations

import asyncio


async def settle(pilot, app) -> None:
    """Let the workers that matter finish and the screen repaint.

    The store poller starts a worker every second and may be cancelled by the next one
    on a loaded machine: waiting for it would make tests depend on timing luck.
    """
    from sellertui.ui.app import POLL_GROUP

    while True:
        await pilot.pause()
        busy = [w for w in app.workers if w.group != POLL_GROUP and not w.is_finished]
        if not busy:
            break
        await asyncio.gather(*(w.wait() for w in busy), return_exceptions=True)
    await pilot.pause()

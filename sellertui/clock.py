"""The one source of "now".

Everything that depends on the time asks this module, so tests, snapshots and
screenshots can freeze it with ``SELLERTUI_NOW=2026-11-22T09:00:00+00:00``.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone

ENV = "SELLERTUI_NOW"


def now() -> datetime:
    """The current time, timezone-aware (local zone), or the frozen time."""
    frozen = os.environ.get(ENV)
    if frozen:
        moment = datetime.fromisoformat(frozen)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment
    return datetime.now().astimezone()


def today() -> date:
    return now().date()


def stamp() -> str:
    """ISO 8601 timestamp with offset, to the second, for records."""
    return now().isoformat(timespec="seconds")

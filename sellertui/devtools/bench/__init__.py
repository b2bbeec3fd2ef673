"""`make bench`: speed as ratios measured in one run against a baseline.

Each suite returns ``Result`` rows; the runner prints a table (or ``--json``).
Absolute times vary from machine to machine; the ratios are what the targets
in the issues are about.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class Result:
    name: str
    value: float  # seconds, or MB for memory
    baseline: float | None
    unit: str
    target: str  # e.g. "≥ 20×", "≤ 1.5×", "≤ 500 MB"
    ratio: float | None = None
    ok: bool | None = None
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def drop_store_frames(data_dir) -> None:
    """Remove the frames a folder store keeps beside it (``<data dir>/frames``): the next process parses every
    partition's JSON again, as the first open after an upgrade (an empty cache dir alone no longer does that)."""
    import shutil
    from pathlib import Path

    shutil.rmtree(Path(data_dir) / "frames", ignore_errors=True)

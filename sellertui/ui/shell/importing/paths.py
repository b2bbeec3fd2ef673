"""Completing file paths in an Input, as a shell does: `~/Dow` -> `~/Downloads/`."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester

REPORT_SUFFIXES = (".txt", ".csv", ".tsv", ".xlsx", ".xls", ".xlsm")
MAX_ENTRIES = 2000  # a huge folder is not listed whole on each key press


def complete(value: str) -> str | None:
    """The first file or folder that ``value`` is the start of (folders end with "/")."""
    if not value:
        return None
    expanded = os.path.expanduser(value)
    folder, prefix = os.path.split(expanded)
    try:
        entries = []
        with os.scandir(folder or ".") as found:
            for i, entry in enumerate(found):
                if i >= MAX_ENTRIES:
                    break
                if entry.name.startswith(prefix) and (prefix.startswith(".") or not entry.name.startswith(".")):
                    entries.append(entry)
    except OSError:
        return None
    if not entries:
        return None

    def rank(entry: os.DirEntry) -> tuple:
        is_dir = entry.is_dir()
        return (not is_dir and not entry.name.lower().endswith(REPORT_SUFFIXES), entry.name.lower())

    best = min(entries, key=rank)
    completed = best.name + ("/" if best.is_dir() else "")
    # keep what the user typed (e.g. "~/") and add the rest of the name
    return value + completed[len(prefix):]


class PathSuggester(Suggester):
    """Suggests the rest of a path; → (right arrow) accepts it."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete(value)


def resolve(value: str) -> Path:
    return Path(os.path.expanduser(value.strip())).resolve()

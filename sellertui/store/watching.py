"""Which collections another process changed: directory stats first, then the signatures of their files."""

from __future__ import annotations

from pathlib import Path

from sellertui.store.fsio import Signature, signature
from sellertui.store.layout import Layout
from sellertui.store.schema import COLLECTIONS


def changed_since(layout: Layout, seen: dict[Path, int] | None, known: dict[Path, Signature | None]
                  ) -> tuple[set[str], dict[Path, int]]:
    """Collections (and "meta") whose files differ from ``known`` (updated in place); the directories' new mtimes.

    ``seen`` None is the first look: it sets the baseline and reports nothing. A directory whose mtime did not
    move had no file renamed into it, so its files are not looked at.
    """
    first = seen is None
    seen = dict(seen or {})
    changed: set[str] = set()
    for directory in [layout.root] + [layout.collection_dir(n) for n in COLLECTIONS]:
        try:
            mtime = directory.stat().st_mtime_ns
        except FileNotFoundError:
            continue
        if seen.get(directory) == mtime:
            continue
        seen[directory] = mtime
        files = [layout.meta] if directory == layout.root else list(directory.glob("[!.]*.json"))
        for path in files:
            sig = signature(path)
            if known.get(path, None) != sig:
                known[path] = sig
                if not first:
                    changed.add("meta" if path == layout.meta else directory.name)
    return changed, seen

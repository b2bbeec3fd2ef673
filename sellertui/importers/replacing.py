"""A fresh download of an ads report replaces its rows: which stored rows the new download lacks."""

from __future__ import annotations

from sellertui.store.columns import Columns


def replaced_rows(view, reports: dict[str, tuple[str, str]], docs: list[dict]) -> dict[str, list[str]]:
    """Stored rows of ``reports`` (partition -> ids) that the new download lacks."""
    keep = set(docs.ids) if isinstance(docs, Columns) else {d["id"] for d in docs}
    months = {m for first, last in reports.values() for m in months_of(first, last)}
    found: dict[str, list[str]] = {}
    for part in view.partitions():
        if part in months:
            gone = [i for i, d in view.docs(part).items() if d.get("report") in reports and i not in keep]
            if gone:
                found[part] = gone
    return found


def months_of(first: str, last: str) -> list[str]:
    """``YYYY-MM`` from the month of ``first`` to that of ``last`` (the partitions a report's rows are in)."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last[:7]:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out

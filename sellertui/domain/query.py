"""The filter language of every table: free words plus ``field:value`` terms.

``fbm late 113-`` keeps rows whose text contains all three words;
``status:unshipped channel:fbm from:2026-11-01 to:2026-11-20`` adds exact-ish
field tests. Each area says which fields it knows; unknown ones are an error the
filter bar shows, so a typo never silently hides everything.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from datetime import date


class QueryError(ValueError):
    pass


@dataclass
class Query:
    words: list[str] = field(default_factory=list)
    terms: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.words and not self.terms


def parse(text: str, known: set[str]) -> Query:
    try:
        parts = shlex.split(text)
    except ValueError:  # an unclosed quote while typing: take words as they are
        parts = text.split()
    query = Query()
    for part in parts:
        name, sep, value = part.partition(":")
        if sep and name and name.lower() in known:
            query.terms[name.lower()] = value
        elif sep and name and not name.replace("-", "").isdigit():
            raise QueryError(f"unknown filter '{name}:' — use {', '.join(sorted(k + ':' for k in known))}")
        else:
            query.words.append(part.lower())
    return query


def parse_day(value: str, name: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(f"{name}: wants a date like 2026-11-01, not {value!r}") from None


def shape(text: str) -> tuple[frozenset[str], int]:
    """The field names and the number of free words in ``text`` (any ``name:`` counts as a field).

    Two texts of the same shape, one extending the other, can only narrow the
    result: the filter bar uses this to search within the previous result.
    """
    try:
        parts = shlex.split(text)
    except ValueError:
        parts = text.split()
    names = frozenset(p.partition(":")[0].lower() for p in parts if ":" in p and not p.partition(":")[0].replace("-", "").isdigit())
    return names, len(parts) - len(names)

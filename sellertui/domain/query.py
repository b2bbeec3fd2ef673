"""The filter language of every table: free words plus ``field:value`` terms.

``fbm late 113-`` keeps rows whose text contains all three words;
``status:unshipped channel:fbm from:2026-11-01 to:2026-11-20`` adds exact-ish
field tests. Each area says which fields it knows; unknown ones are an error the
filter bar shows, so a typo never silently hides everything.
"""

from __future__ import annotations

from sellertui.core.i18n import _
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
            raise QueryError(_("unknown filter '{name}:' — use {sorted}")
                                 .format(name=name, sorted=', '.join(sorted(k + ':' for k in known))))
        else:
            query.words.append(part.lower())
    return query


def parse_day(value: str, name: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(_("{name}: wants a date like 2026-11-01, not {value!r}").format(name=name, value=value)) from None


def shape(text: str) -> tuple[dict[str, str], int]:
    """The ``field:value`` terms and the number of free words in ``text`` (any ``name:`` counts).

    If two texts have the same terms and one extends the other's words, it can
    only match fewer rows (free words are substring tests): the filter bar then
    searches within the previous result. A term's value may match exactly, so
    typing inside a term always searches everything again.
    """
    try:
        parts = shlex.split(text)
    except ValueError:
        parts = text.split()
    terms = {}
    words = 0
    for part in parts:
        name, sep, value = part.partition(":")
        if sep and name and not name.replace("-", "").isdigit():
            terms[name.lower()] = value
        else:
            words += 1
    return terms, words


def words_mask(frame, words: list[str], column: str = "haystack"):
    """A boolean array: the rows whose ``column`` (lower-case text) contains every word."""
    import numpy as np

    mask = np.ones(len(frame), dtype=bool)
    haystack = frame[column].to_numpy()
    for word in words:
        mask &= np.array([word in h for h in haystack], dtype=bool)
    return mask


def words_positions(frame, text: str, column: str = "haystack"):
    """Positions of the rows matching every word of ``text`` (None when there are no words: no filter)."""
    import numpy as np

    words = text.lower().split()
    return np.flatnonzero(words_mask(frame, words, column)) if words else None

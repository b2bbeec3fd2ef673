"""Header names, normalised so the same column matches across years, markets and tools.

Amazon adds, drops, renames and reorders columns, so columns are found by name,
never by position. ``normalise`` strips, lower-cases, collapses white space, maps
en and em dashes to a hyphen and drops a trailing currency suffix like ``(₹)``,
``($)`` or ``(USD)`` (and the ``(#)`` of count columns): ``"Sessions – Total"``
and ``"sessions - total"`` are the same column, as are ``"7 Day Total Sales (₹)"``
and ``"7 Day Total Sales "``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\ufeff": ""})
_CODES = "usd|cad|mxn|brl|gbp|eur|sek|pln|try|aed|sar|inr|jpy|aud|sgd|cny|rs\\.?"
_SUFFIX = re.compile(rf"\s*\((?:[^\w\s]{{1,3}}|{_CODES})\)$")


def normalise(header: object) -> str:
    """The matching form of a header cell (see the module docstring)."""
    text = "" if header is None else str(header)
    text = " ".join(text.translate(_DASHES).split()).lower()
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    return _SUFFIX.sub("", text).strip()


@dataclass(frozen=True)
class Col:
    """One column a report kind reads.

    ``names`` are the normalised headers that mean this column (the first is the
    spelling used in messages); ``parse`` names a value parser (see
    ``importers.convert``); ``required`` columns must exist; ``blank`` is the value
    of an empty cell, or ``REQUIRED`` when an empty cell is a problem.
    """

    field: str
    names: tuple[str, ...]
    parse: str = "text"
    required: bool = False
    blank: object = None


REQUIRED = object()  # as Col.blank: an empty cell is a problem


def col(field: str, *names: str, parse: str = "text", required: bool = False, blank: object = None) -> Col:
    return Col(field, tuple(normalise(n) for n in names), parse, required, blank)


@dataclass
class HeaderMap:
    """Where each wanted column is in one file: field -> column index, and the header as written."""

    index: dict[str, int]
    written: dict[str, str]  # field -> the header exactly as the file has it
    matched: dict[str, str]  # field -> the normalised alias that matched
    missing: list[Col]  # required columns the file lacks


def map_headers(headers: Sequence[object], cols: Iterable[Col]) -> HeaderMap:
    """Find each column by name; the first column with a matching name wins."""
    where: dict[str, int] = {}
    for i, header in enumerate(headers):
        where.setdefault(normalise(header), i)
    index: dict[str, int] = {}
    written: dict[str, str] = {}
    matched: dict[str, str] = {}
    missing: list[Col] = []
    for c in cols:
        for name in c.names:
            if name in where:
                index[c.field] = where[name]
                written[c.field] = str(headers[where[name]]).strip()
                matched[c.field] = name
                break
        else:
            if c.required:
                missing.append(c)
    return HeaderMap(index, written, matched, missing)


def header_set(headers: Sequence[object]) -> set[str]:
    return {h for h in (normalise(x) for x in headers) if h}

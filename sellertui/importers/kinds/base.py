"""What every report kind declares, and the helpers they share.

A kind names its columns (``Col``), the header sets that identify it, how its
rows become records (``build``), how an import merges into records already in
the store (``merge``), and the totals the summary and ``--json`` show.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from operator import itemgetter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from sellertui.core.money import to_decimal
from sellertui.importers.headers import Col, normalise
from sellertui.store.columns import Columns

if TYPE_CHECKING:
    from sellertui.importers.frame import Frame
    from sellertui.importers.period import Period
    from sellertui.importers.table import Table
    from sellertui.store.upsert import Merge


@dataclass
class Output:
    """The records one file yields, by collection (the kind's main collection first)."""

    records: dict[str, list[dict]]
    merged: int = 0  # rows added into an earlier row with the same key
    summary: dict = field(default_factory=dict)  # kind-specific facts for totals (e.g. a settlement's total)
    # collection -> report id -> (first day, last day): stored rows of these reports that this file
    # lacks are removed, so a report imported again is what its newest download says
    replaces: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)


class Kind(ABC):
    """A report kind: how to recognise it, read its columns, build records and total them."""

    name: str = ""
    label: str = ""  # "an All Orders report"
    family: str = ""  # decides the totals: orders, search_terms, inventory, business_report, ...
    collection: str = ""
    columns: tuple[Col, ...] = ()
    signatures: tuple[frozenset[str], ...] = ()  # any one of these header sets identifies the kind
    excludes: frozenset[str] = frozenset()  # headers a file of this kind never has (tells look-alikes apart)
    needs_period: bool = False  # the report has no dates: --period or the file name gives them
    takes_period: bool = False  # the report may say its dates itself; else --period or the file name
    reads_json: bool = False  # a JSON document (``JsonKind``), not a table

    def column(self, name: str) -> Col:
        return next(c for c in self.columns if c.field == name)

    def score(self, headers: set[str]) -> int:
        """How well a header row fits: 0 when no signature matches, else more known columns, more."""
        if not any(sig <= headers for sig in self.signatures) or self.excludes & headers:
            return 0
        known = {n for c in self.columns for n in c.names}
        return 100 + len(known & headers)

    def loosely_fits(self, headers: set[str]) -> bool:
        """With --kind: a header row naming at least half of the required columns is taken as the header."""
        required = [c for c in self.columns if c.required]
        found = sum(1 for c in required if set(c.names) & headers)
        return bool(required) and found * 2 >= len(required)

    @abstractmethod
    def build(self, frame: "Frame") -> Output:
        """The records (per collection) the parsed rows become."""

    def merge(self, collection: str) -> "Merge | None":
        """How an incoming record joins one already stored (None: incoming fields win)."""
        return None

    @abstractmethod
    def totals(self, output: Output, frame: "Frame") -> dict:
        """The report's totals, as ``--json`` prints them."""


@dataclass
class JsonRead:
    """A JSON document read into a table of text cells, with what the document itself says."""

    table: "Table"
    period: "Period | None" = None  # the dates the document covers, when it says
    market: str | None = None  # the marketplace code the document names
    notes: list[str] = field(default_factory=list)  # what the user should know about how it was read


class JsonKind(Kind):
    """A kind whose documents are JSON (SP-API answers and JSON reports).

    The document is flattened into text cells under header names first, then
    parsed by the same ``Frame`` as a downloaded file: the same value rules,
    the same problems with the entry number as the line.
    """

    reads_json = True

    @abstractmethod
    def fits(self, document: object) -> bool:
        """Whether a JSON document is of this kind (for a .json file imported without --kind)."""

    @abstractmethod
    def read_json(self, name: str, document: object) -> JsonRead:
        """The document as a table; ``FileProblem`` when its shape is not this kind's."""


def json_table(name: str, headers: Sequence[str], rows: Sequence[dict]) -> "Table":
    """Rows of ``{header: text}`` as a table (a missing cell is empty); row n is "line" n."""
    from sellertui.importers.table import Table

    columns = [[row.get(h, "") for row in rows] for h in headers]
    return Table(name, list(headers), columns, list(range(1, len(rows) + 1)))


def text(value: object) -> str:
    """A JSON scalar as the text a report cell would hold (numbers exactly as JSON wrote them)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def names(*headers: str) -> frozenset[str]:
    return frozenset(normalise(h) for h in headers)


def money_text(minor: int, currency: str) -> str:
    """Minor units -> the amount with two decimals, as --json shows money: ``"1179.16"``."""
    return str(to_decimal(minor, currency).quantize(Decimal("0.01")))


def total(docs: Iterable[dict], field_name: str) -> int:
    """The sum of a field over records (None counts as 0), mapped in C."""
    if isinstance(docs, Columns):
        return sum(filter(None, docs.column(field_name)))
    return sum(filter(None, map(itemgetter(field_name), docs)))


def money_total(docs: Iterable[dict], field_name: str, currency: str) -> str:
    return money_text(total(docs, field_name), currency)


def main_currency(docs: Sequence[dict], default: str) -> str:
    if isinstance(docs, Columns):
        return next(filter(None, docs.columns.get("currency", ())), default)
    for doc in docs:
        if doc.get("currency"):
            return doc["currency"]
    return default


def combine(docs: list[dict], add: Sequence[str], fold: Callable[[dict, dict], None] | None = None
            ) -> tuple[list[dict], int]:
    """Rows sharing a key become one record with the ``add`` fields summed; returns (docs, rows merged).

    ``fold(first, later)``, if given, runs before the sums (to combine what cannot be added, like rates).
    """
    if len(set(map(itemgetter("id"), docs))) == len(docs):
        return docs, 0
    seen: dict[str, dict] = {}
    merged = 0
    for doc in docs:
        first = seen.get(doc["id"])
        if first is None:
            seen[doc["id"]] = doc
            continue
        merged += 1
        if fold is not None:
            fold(first, doc)
        for name in add:
            if doc.get(name) is not None:
                first[name] = (first.get(name) or 0) + doc[name]
    return list(seen.values()), merged


def combine_columns(records: Columns, add: Sequence[str], fold: Callable[[dict, dict], None] | None = None
                    ) -> tuple[Columns, int]:
    """``combine`` for columnar records: as they are when every key is distinct (the usual case)."""
    if len(set(records.ids)) == records.n:
        return records, 0
    docs, merged = combine(records.dicts(), add, fold)
    return Columns.from_dicts(docs), merged


def content_keys(prefixes: Sequence[str], contents: Iterable[tuple]) -> list[str]:
    """Stable keys for rows with no id of their own: prefix | hash of the content | occurrence.

    Two identical lines in one file are two records (occurrence 1 and 2); the
    same lines in a re-imported or overlapping file get the same keys again.
    """
    seen: dict[str, int] = {}
    keys = []
    for prefix, content in zip(prefixes, contents):
        digest = hashlib.blake2b(repr(content).encode(), digest_size=8).hexdigest()
        base = f"{prefix}|{digest}"
        seen[base] = seen.get(base, 0) + 1
        keys.append(f"{base}|{seen[base]}")
    return keys


def keep_user_fields(protected: Iterable[str]) -> "Merge":
    """A merge that never overwrites these fields of a stored record (the user's own)."""
    protected = frozenset(protected)

    def merge(old: dict, new: dict) -> dict:
        return {k: v for k, v in new.items() if k not in protected or k not in old}

    return merge

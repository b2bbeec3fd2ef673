"""Records as columns: a bulk write without one Python dict per record.

An import of 200k rows spent most of its time building a dict per row and
then having the JSON encoder walk them again. ``Columns`` keeps the records as
equally long lists (one per field, the key in ``"id"``); a fresh partition is
staged as a ``ColumnPart`` and written by ``encode_part`` from the columns a
chunk at a time, never holding a dict per record of the whole import. The bytes
are exactly what encoding the records as dicts gives (same field order, the
store's marks last), so readers cannot tell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import repeat
from operator import itemgetter
from typing import Callable, Iterator

import orjson

# records turned into dicts and encoded at a time: a chunk's bytes (~100 KB) stay under glibc's mmap threshold
# (``sellertui.memory``), so each chunk reuses the last one's memory; 5,000 (4 MB) page-faulted fresh memory every
# time: 200k search terms took 0.42 s user + 0.1-0.3 s system to encode, now 0.32 s + 0.02 s
CHUNK = 100


class Columns(Sequence):
    """Equally long columns of records (``columns["id"]`` the keys); reads as a sequence of dicts."""

    def __init__(self, columns: dict[str, list]) -> None:
        if "id" not in columns:
            raise ValueError("columnar records need their keys in 'id'")
        self.columns = columns
        self.n = len(columns["id"])

    @classmethod
    def from_dicts(cls, docs: Sequence[dict]) -> "Columns":
        """Records of one shape (the first one's fields) as columns."""
        names = list(docs[0]) if docs else ["id"]
        return cls({name: [doc.get(name) for doc in docs] for name in names})

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.take(range(self.n)[index])
        keys = list(self.columns)
        return dict(zip(keys, (column[index] for column in self.columns.values())))

    def __iter__(self) -> Iterator[dict]:
        keys = list(self.columns)
        return (dict(zip(keys, row)) for row in zip(*self.columns.values()))

    def column(self, name: str) -> list:
        return self.columns[name]

    @property
    def ids(self) -> list[str]:
        return self.columns["id"]

    def take(self, rows: Sequence[int]) -> "Columns":
        """These rows (by index, in this order) as a new batch."""
        if len(rows) == self.n and (not rows or (rows[0] == 0 and rows[-1] == self.n - 1)):
            return self
        if not rows:
            return Columns({name: [] for name in self.columns})
        first, last = rows[0], rows[-1]
        if isinstance(rows, range) and rows.step == 1 and 0 <= first <= last < self.n or (
                last - first == len(rows) - 1 and first >= 0 and list(rows) == list(range(first, last + 1))):
            return Columns({name: column[first:last + 1] for name, column in self.columns.items()})  # a run
        pick = itemgetter(*rows)
        if len(rows) == 1:
            return Columns({name: [column[rows[0]]] for name, column in self.columns.items()})
        return Columns({name: list(pick(column)) for name, column in self.columns.items()})

    def reorder(self, order: list[int], owned: bool = False) -> "Columns":
        """These rows in this order; ``owned``: in place, each column let go as soon as its new one is made."""
        if len(order) == self.n and order == list(range(self.n)):
            return self
        if len(order) < 2:
            pick = lambda column: tuple(column[i] for i in order)  # noqa: E731 (itemgetter of one gives no tuple)
        else:
            pick = itemgetter(*order)  # made once for every column: its C loop is ~1.5x a mapped __getitem__
        if not owned:
            return Columns({name: list(pick(column)) for name, column in self.columns.items()})
        for name, column in self.columns.items():
            self.columns[name] = list(pick(column))  # the old list goes as the loop moves on
        self.n = len(order)
        return self

    def dicts(self) -> list[dict]:
        return list(self)


class ColumnPart(Mapping):
    """A fresh partition staged as columns (with the store's marks): read as dicts only if someone asks.

    ``span`` (start, stop) makes it these rows of ``base``: every month of an import, and every file of a
    split month, shares the one set of columns dealt in their order (a copy per month and per file was
    ~500 MB at a million order lines)."""

    def __init__(self, base: Columns, marks: dict, bounds: list[int] | None = None,
                 span: tuple[int, int] | None = None) -> None:
        self.base = base
        self.marks = marks
        self.bounds = bounds  # staged bucket by bucket (``store.splits.bucket_order``): where each bucket starts
        self.span = span if span is not None else (0, base.n)
        self._docs: dict | None = None

    @property
    def records(self) -> Columns:
        """This partition's rows as their own columns (a slice of each shared one, made when asked)."""
        start, stop = self.span
        if start == 0 and stop == self.base.n:
            return self.base
        return Columns({name: column[start:stop] for name, column in self.base.columns.items()})

    def piece(self, start: int, stop: int) -> "ColumnPart":
        """Rows ``start:stop`` of this partition (a split month's file), sharing its columns."""
        first = self.span[0]
        return ColumnPart(self.base, self.marks, span=(first + start, first + stop))

    def materialise(self) -> dict[str, dict]:
        if self._docs is None:
            marks = self.marks
            self._docs = {doc["id"]: {**doc, **marks} for doc in self.records}
        return self._docs

    def __getitem__(self, key: str) -> dict:
        return self.materialise()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.materialise())

    def __len__(self) -> int:
        return self.span[1] - self.span[0] if self._docs is None else len(self._docs)

    def __contains__(self, key: object) -> bool:
        return key in self.materialise()


class Streamed:
    """A payload made while it is written: a big partition's bytes are never held whole (nor twice).

    Iterating gives bytes-like pieces (bytes or memoryviews) to write in turn."""

    def __init__(self, chunks: Callable[[], Iterator[bytes]], estimate: int) -> None:
        self._chunks = chunks
        self.estimate = estimate  # what a disk-full message says it needed

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks()

    def __len__(self) -> int:
        return self.estimate


def encode_part(table: str, part: ColumnPart, chunk: int = CHUNK) -> Streamed:
    """The partition file ``{"<table>":{"<id>":{...},...}}``, byte for byte what orjson makes of the dicts.

    orjson encodes dicts faster than anything in Python can join pieces, so the
    records become dicts here ``chunk`` at a time (in C: ``map(dict, …)``), and
    each chunk's bytes go to the file before the next chunk is made.
    """
    records, marks = part.base, part.marks
    names = [*records.columns, *marks]
    columns = list(records.columns.values())
    ids = records.ids
    first, last = part.span

    def chunks() -> Iterator[bytes]:
        yield b"{" + orjson.dumps(table) + b":{"
        for start in range(first, last, chunk):
            stop = min(start + chunk, last)
            rows = zip(*(column[start:stop] for column in columns), *map(repeat, marks.values()))
            docs = dict(zip(ids[start:stop], map(dict, map(zip, repeat(names), rows))))
            if start > first:
                yield b","
            yield memoryview(orjson.dumps(docs))[1:-1]  # not copied again: a chunk is megabytes
        yield b"}}"

    return Streamed(chunks, (last - first) * 64 * len(names))


def written_from_columns(store, staged: dict) -> list[tuple]:
    """(collection, partition, ColumnPart, its signature now) of each partition a commit wrote from columns.

    Called by the committing writer while it still holds the lock, so each signature is that of the files
    this commit wrote (whoever writes next changes it): what a frame built from the columns may be kept under.
    """
    return [(spec.name, path.stem, docs, store.partition_signature(spec.name, path.stem))
            for path, (spec, docs) in staged.items() if isinstance(docs, ColumnPart)]

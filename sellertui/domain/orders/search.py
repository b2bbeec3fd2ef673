"""The Orders filter's free words over Arrow columns: a keystroke at a million order lines within 100 ms.

A word matches a row when it is a substring of the row's lower-case text (order id, SKU, product, buyer,
status, channel joined by spaces: ``OrderIndex.haystack``). A word without whitespace cannot span two of
those fields, so it is tested field by field instead: SKUs, products, buyers, statuses and channels repeat,
and their distinct values (a few thousand) are tested once, then mapped to the rows through their codes; the
order ids, nearly all distinct, are searched as one lower-case Arrow column, skipped outright when the word has
a byte none of them has. A quoted phrase with a space falls back to the haystack. Lower-casing is Python's
``str.lower`` (ASCII-only columns: Arrow's, which is the same there), as the haystack's is.

The index is built once per frame (``index_of``, cached while the frame lives), in the loading worker.
"""

from __future__ import annotations

import threading
import weakref

SEARCHED = ("order_id", "sku", "product", "buyer_name", "status", "channel")
REPEATING = ("sku", "product", "buyer_name", "status", "channel")  # few distinct values: tested once each

_indexes: dict[int, "OrderIndex"] = {}
_lock = threading.Lock()


def index_of(frame) -> "OrderIndex":
    """The search index of ``frame`` (an orders frame), built on first use and dropped with the frame."""
    key = id(frame)
    with _lock:
        found = _indexes.get(key)
        if found is not None and found.frame() is frame:
            return found
    index = OrderIndex(frame)
    with _lock:
        _indexes[key] = index
    weakref.finalize(frame, _indexes.pop, key, None)
    return index


def _column(frame, name: str):
    """The column as one Arrow array (chunks combined)."""
    import pyarrow as pa

    values = frame[name].array
    data = getattr(values, "_pa_array", None)
    if data is None:  # not an Arrow column: its values as the haystack reads them
        data = pa.array([None if v is None or v != v else str(v) for v in values], type=pa.large_string())
    if isinstance(data, pa.ChunkedArray):
        data = data.combine_chunks() if data.num_chunks else pa.array([], type=data.type)
    return data


def _lower(data):
    import pyarrow as pa
    import pyarrow.compute as pc

    if not len(data) or pc.all(pc.string_is_ascii(data)).as_py() in (True, None):
        return pc.ascii_lower(data)
    return pa.array([None if v is None else v.lower() for v in data.to_pylist()], type=data.type)


def _text(value) -> str:
    """A field as the joined text holds it: ``str(value or "")``, a missing one (None, NaN) as ""."""
    return "" if value is None or value != value or not value else str(value)


class _Coded:
    """A column of repeating text: its distinct values lower-cased, and each row's code (-1: none)."""

    def __init__(self, data) -> None:
        import numpy as np
        import pyarrow.compute as pc

        encoded = data.dictionary_encode()
        self.uniques = _lower(encoded.dictionary)
        # a missing value takes the extra last code, which never matches
        self.codes = pc.fill_null(encoded.indices, len(self.uniques)).to_numpy(zero_copy_only=False).astype(np.int32)

    def contains(self, word: str, rows=None):
        """Which rows hold ``word``; None when none does (nothing to gather)."""
        import numpy as np
        import pyarrow.compute as pc

        hits = pc.match_substring(self.uniques, word).to_numpy(zero_copy_only=False)
        if not hits.any():
            return None
        return np.append(hits, False)[self.codes if rows is None else self.codes[rows]]


class _Distinct:
    """A column of mostly distinct text (order ids), lower-cased, with the bytes it holds."""

    def __init__(self, data) -> None:
        import numpy as np
        import pyarrow as pa

        self.lower = _lower(data)
        wide = pa.types.is_large_string(self.lower.type)
        offsets = np.frombuffer(self.lower.buffers()[1], dtype=np.int64 if wide else np.int32)
        offsets = offsets[self.lower.offset:self.lower.offset + len(self.lower) + 1]
        body = self.lower.buffers()[2]
        raw = np.frombuffer(body, dtype=np.uint8)[offsets[0]:offsets[-1]] if body is not None and len(offsets) \
            else np.zeros(0, dtype=np.uint8)
        self.bytes_held = np.bincount(raw, minlength=256) > 0

    def contains(self, word: str, rows=None):
        import pyarrow.compute as pc

        if not all(self.bytes_held[b] for b in word.encode()):
            return None
        data = self.lower if rows is None else self.lower.take(rows)
        return pc.fill_null(pc.match_substring(data, word), False).to_numpy(zero_copy_only=False)


class OrderIndex:
    def __init__(self, frame) -> None:
        self.frame = weakref.ref(frame)
        self.rows = len(frame)
        self._columns: dict[str, object] = {}
        self._lock = threading.Lock()

    def column(self, name: str):
        with self._lock:
            found = self._columns.get(name)
            if found is None:
                frame = self.frame()
                data = _column(frame, name)
                found = self._columns[name] = _Coded(data) if name in REPEATING else _Distinct(data)
            return found

    def haystack(self):
        """The rows' joined text, made from the fields once, on the first phrase (the frame does not carry it:
        it would be a tenth of the frame, 11 MB at 100k lines, read only for a phrase)."""
        import pandas as pd

        with self._lock:
            found = self._columns.get("haystack")
            if found is None:
                frame = self.frame()
                parts = [[_text(v) for v in frame[name].to_numpy(dtype=object)] for name in SEARCHED]
                found = self._columns["haystack"] = pd.Series(
                    [" ".join(fields).lower() for fields in zip(*parts)], dtype="str")
            return found

    def warm(self) -> "OrderIndex":
        for name in SEARCHED:
            self.column(name)
        return self

    def words_mask(self, words: list[str], rows=None):
        """The rows (all, or those at ``rows``) whose text contains every word."""
        import numpy as np

        if rows is not None and 2 * len(rows) > self.rows:  # picking most rows costs more than testing all
            return self.words_mask(words)[rows]
        mask = np.ones(self.rows if rows is None else len(rows), dtype=bool)
        for word in words:
            if not mask.any():
                break
            if any(c.isspace() for c in word):  # a quoted phrase may span fields: the joined text
                haystack = self.haystack()
                haystack = haystack if rows is None else haystack.take(rows)
                mask &= haystack.str.contains(word, regex=False).to_numpy(dtype=bool, na_value=False)
                continue
            found = np.zeros(len(mask), dtype=bool)
            for name in SEARCHED:
                hits = self.column(name).contains(word, rows)
                if hits is not None:
                    found |= hits
            mask &= found
        return mask

"""Reading a big partition a slice of documents at a time gives exactly the documents, whatever they hold."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from sellertui.store import CorruptFile
from sellertui.store.fsio import dumps, iter_doc_chunks

TRICKY = st.sampled_from(['},"', '}}', '{"', '"', "\\", "–", "\x00", ",", ":", "b0abc12345"])
TEXT = st.lists(st.one_of(st.text(max_size=6), TRICKY), max_size=4).map("".join)
VALUE = st.one_of(TEXT, st.integers(-2**63, 2**63 - 1), st.none(), st.floats(allow_nan=False, allow_infinity=False),
                  st.dictionaries(TEXT, TEXT, max_size=2), st.lists(TEXT, max_size=2))
DOCS = st.lists(st.dictionaries(st.sampled_from(["term", "campaign", "clicks", "nested", "x"]), VALUE, max_size=5),
                max_size=30)


@settings(max_examples=300, deadline=None)
@given(DOCS, st.integers(1, 7))
def test_slices_give_back_every_document_in_order(docs, size) -> None:
    table = {f"id{i}|{d.get('term', '')}": d for i, d in enumerate(docs)}
    payload = dumps({"search_terms": table})
    got = [doc for chunk in iter_doc_chunks(payload, "search_terms", size) for doc in chunk]
    assert got == list(table.values())
    assert all(len(chunk) <= size for chunk in iter_doc_chunks(payload, "search_terms", size))


def test_another_layout_is_parsed_whole() -> None:
    payload = json.dumps({"search_terms": {"1": {"a": 1}, "2": {"a": 2}}}, indent=2).encode()
    assert list(iter_doc_chunks(payload, "search_terms", 1)) == [[{"a": 1}], [{"a": 2}]]
    assert list(iter_doc_chunks(b'{"search_terms":{}}', "search_terms", 5)) == []


def test_a_damaged_partition_is_named(store) -> None:
    with store.transaction("rows") as tx:
        tx["search_terms"].upsert_many([{"id": f"r{i}", "date": "2026-11-01", "term": f"t{i}"} for i in range(20)])
    docs = [d for chunk in store.chunks("search_terms", "2026-11", 7) for d in chunk]
    assert [d["term"] for d in docs] == [f"t{i}" for i in range(20)]
    path = store.layout.partition_path("search_terms", "2026-11")
    path.write_bytes(path.read_bytes()[:-40] + b"}}")
    with pytest.raises(CorruptFile) as caught:
        list(store.chunks("search_terms", "2026-11", 7))
    assert "2026-11.json" in str(caught.value)
    assert list(store.chunks("search_terms", "1999-01", 7)) == []

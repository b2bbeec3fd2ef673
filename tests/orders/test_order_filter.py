"""The Orders filter's words, tested field by field (domain/orders/search.py), find exactly the rows the joined
lower-case text (order id, SKU, product, buyer, status, channel) holds them in: all rows, or the rows of the last
result."""

from __future__ import annotations

import numpy as np
import pytest

from sellertui.domain.orders.table import build_orders, filter_orders

DOCS = [
    {"id": "1", "order_id": "113-0001", "sku": "MAT-L", "product": "Maple Mat, Large", "buyer_name": "Ann Lee",
     "status": "Unshipped", "channel": "FBM", "purchase_date": "2026-11-18T10:00:00+00:00"},
    {"id": "2", "order_id": "113-0002", "sku": "CUP", "product": "Çup ΣΟΦΙΑ", "buyer_name": None,
     "status": "Shipped", "channel": "FBA", "purchase_date": "2026-11-19T10:00:00+00:00"},
    {"id": "3", "order_id": "114-0003", "sku": "mat-l", "product": "Maple Mat, Large", "buyer_name": "BOB İzmir",
     "status": "Shipped", "channel": "FBM", "purchase_date": "2026-10-01T10:00:00+00:00"},
    {"id": "4", "order_id": "A-114", "sku": None, "product": "", "buyer_name": "中文 买家", "status": "Cancelled",
     "channel": "FBA", "purchase_date": "2026-09-01T10:00:00+00:00"},
]
WORDS = ["113", "113-0", "-000", "mat", "mat-l", "maple", "large", "çup", "σοφια", "ann", "bob", "i̇zmir", "中文",
         "fbm", "shipped", "unshipped", "a-114", "x", "", "l", "4"]


def expected(frame, words: list[str]) -> np.ndarray:
    fields = ("order_id", "sku", "product", "buyer_name", "status", "channel")
    text = frame[list(fields)].fillna("").astype(str)  # a missing field (None, NaN) joins as ""
    haystack = [" ".join(row).lower() for row in text.itertuples(index=False)]
    return np.flatnonzero([all(w in h for w in words) for h in haystack])


@pytest.mark.parametrize("word", WORDS)
def test_a_word_finds_the_rows_whose_text_holds_it(word: str) -> None:
    frame = build_orders(DOCS)
    found = filter_orders(frame, word)
    if not word:
        assert found is None
        return
    assert list(found) == list(expected(frame, [word]))


def test_words_together_and_within_the_last_result() -> None:
    frame = build_orders(DOCS * 3)
    assert list(filter_orders(frame, "mat shipped")) == list(expected(frame, ["mat", "shipped"]))
    within = filter_orders(frame, "mat")
    narrowed = within[filter_orders(frame, "mat fbm", within)]
    assert list(narrowed) == list(expected(frame, ["mat", "fbm"])) and len(narrowed) == 6
    # a quoted phrase may span two fields: searched in the joined text
    assert list(filter_orders(frame, '"unshipped fbm"')) == list(expected(frame, ["unshipped fbm"]))
    assert list(filter_orders(frame, '"large ann"')) == list(expected(frame, ["large ann"])) != []
    # terms still apply within
    assert list(within[filter_orders(frame, "mat status:ship", within)]) == [2, 6, 10]


@pytest.mark.parametrize("text", ["status:shipped", "channel:fbm", "sku:mat", "buyer:ann", "order:113",
                                  "from:2026-01-01", "to:2026-12-31", "flag:blacklisted", "mat status:shipped"])
def test_every_term_on_a_shop_without_orders_finds_nothing(text: str) -> None:
    """An empty frame's columns have no text type: a term must still answer 'no rows', not fail."""
    frame = build_orders([]).assign(flagged=False)
    assert list(filter_orders(frame, text)) == []
    assert list(filter_orders(build_orders(DOCS).assign(flagged=False), text, within=np.array([], dtype=int))) == []


def test_a_phrase_spanning_fields_finds_the_rows_whose_joined_text_holds_it() -> None:
    # the frame carries no joined text: the filter's index joins the fields on the first phrase
    frame = build_orders(DOCS * 3)
    assert "haystack" not in frame
    phrases = ('"unshipped fbm"', '"large ann"', '"σοφια  shipped"', '"ann lee unshipped"', '"买家 cancelled"',
               '"113-0001 mat"', '"mat, large"')
    for phrase in phrases:
        assert list(filter_orders(frame, phrase)) == list(expected(frame, [phrase.strip('"')]))
    within = filter_orders(frame, "mat")
    assert list(within[filter_orders(frame, '"large bob"', within)]) == list(expected(frame, ["mat", "large bob"]))

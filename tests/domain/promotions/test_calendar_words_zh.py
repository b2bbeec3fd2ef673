"""Under 简体中文 the promotion calendar's seeded notes, a copy's name and a cancellation's note read in Chinese.

The seeded notes and the cancellation line are stored in English (old stores' too) and translated when shown; a note
the user wrote shows as written.
"""

from __future__ import annotations

from datetime import date


from sellertui.core.i18n import set_language
from sellertui.domain.promotions import events, records
from sellertui.domain.promotions.board import shop_board
from sellertui.domain.promotions.tables import events_frame
from tests.domain.promotions.test_records import record
from tests.domain.promotions.test_tables import NOW, shop  # noqa: F401 - the fixture


def test_seeded_notes_are_stored_english_and_shown_in_chinese(chinese) -> None:
    seeded = {e["id"]: e for e in events.seeds(date(2026, 11, 22))}
    prime_2026 = next(e for key, e in seeded.items() if key.endswith("2026-prime-day"))
    assert prime_2026["note"] == ("estimated from the 2025 pattern until Amazon announces the dates: second Tuesday "
                                  "of July, four days")
    assert events.note_text(prime_2026["note"]) == "按 2025 年的规律估算，直到亚马逊公布日期：7月第二个星期二起，共四天"
    bfcm_2025 = next(e for key, e in seeded.items() if key.endswith("2025-bfcm"))
    assert events.note_text(bfcm_2025["note"]).startswith("11月20/21日–12月1/2日；提报截止 10月28日")
    assert events.note_text("ours") == "ours"


def test_the_events_table_in_chinese(shop, chinese) -> None:  # noqa: F811
    frame = events_frame(shop_board(shop, seed=True, now=NOW)).set_index("id")
    estimated = frame[frame.index.str.endswith("2027-prime-day")].iloc[0]
    assert estimated["note"] == "估算：按 2025 年的规律估算，直到亚马逊公布日期：7月第二个星期二起，共四天"
    assert "second tuesday" in estimated["haystack"] and "7月第二个星期二" in estimated["haystack"]
    assert frame.loc["mine", "note"] == "ours"


def test_the_events_table_in_english_is_as_before(shop) -> None:  # noqa: F811
    frame = events_frame(shop_board(shop, seed=True, now=NOW)).set_index("id")
    estimated = frame[frame.index.str.endswith("2027-prime-day")].iloc[0]
    assert estimated["note"] == ("estimate: estimated from the 2025 pattern until Amazon announces the dates: "
                                 "second Tuesday of July, four days")


def test_a_copy_and_a_cancellation_in_chinese(chinese) -> None:
    copy = records.duplicate({**record(status="approved"), "id": "x"}, date(2026, 11, 22))
    assert copy["name"] == "Winter coupon（副本）"
    stored = "bring the mugs\nCancelled: supplier late"
    assert records.notes_text(stored) == "bring the mugs\n已取消：supplier late"


def test_a_cancellation_note_is_stored_in_english(store, chinese) -> None:
    with store.transaction() as tx:
        promo = tx["promotions"].insert({**record(status="approved"), "notes": "bring the mugs"})
    done = records.cancel(store, promo["id"], "ana", "supplier late")
    assert done["notes"] == "bring the mugs\nCancelled: supplier late"
    set_language("en")
    assert records.notes_text(done["notes"]) == done["notes"]

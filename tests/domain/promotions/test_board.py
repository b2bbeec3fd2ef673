"""The board on the demo shop, the Today section it feeds, and the CLI (`export promotions`, `promotions upcoming`)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

from sellertui.domain.promotions import board as board_mod
from sellertui.domain.promotions.today import SECTION, promotions_section
from sellertui.domain.today.sections import PROVIDERS, SLOW, checklist
from sellertui.store import open_store
from tests.test_cli import run
from tests.shops import shop_of

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


def by_name(board, name: str) -> dict:
    return next(p for p in board.promotions if p["name"] == name)


def test_the_demo_shows_every_status_each_failing_check_and_the_next_events(demo_copy: Path) -> None:
    store = open_store(demo_copy)
    board = board_mod.load(store, shop_of(store).settings, now=NOW)
    assert {p["status"] for p in board.promotions} == {"idea", "submitted", "approved", "running", "ended",
                                                       "cancelled"}
    failed = {(p["name"], c.code) for p in board.promotions for c in board.checks_of(p) if c.failed}
    assert ("Holiday coupon – Baking Mats", "overlap") in failed
    assert ("Cyber Monday Best Deal – Tea Towels", "margin") in failed
    assert ("Lightning Deal – Spatula Pair", "deadline") in failed
    assert ("New Year reset – Glass Jars coupon", "stock") in failed
    coming = [e["name"] for e in board.events if e["start"] >= "2026-11-22"][:3]
    assert coming == ["Thanksgiving", "Christmas", "New Year's Day"]
    assert any(e["name"] == "Prime Day" and e["start"] == "2027-07-13" and e["estimate"] for e in board.events)
    # an ended promotion shows a lift from the orders it brought
    ended = board.results_of(by_name(board, "Prime Big Deal Days Lightning – Spice Rack"))
    assert ended is not None and ended.lift is not None and ended.lift > 1 and ended.promoted_units > 0
    store.close()


def test_the_today_provider_lists_deadlines_within_the_window_and_failed_checks(demo_copy: Path) -> None:
    assert promotions_section in PROVIDERS and promotions_section in SLOW
    store = open_store(demo_copy)
    section = promotions_section(shop_of(store), NOW, "ana")
    titles = [i.title for i in section.items]
    assert section.name == SECTION and section.area == "promotions"
    assert "Lightning Deal – Spatula Pair: missed: the deadline was 2026-11-18 (passed 4 days ago)" in titles
    # the Coffee Canister deal is due in 6 days (within 14): a warning, listed; failing overlaps too
    canister = next(i for i in section.items if i.title.startswith("Lightning Deal – Coffee Canister"))
    assert canister.detail == "submit in 6 days" and not canister.late
    assert any("overlaps" in t for t in titles)
    assert section.items == sorted(section.items, key=lambda i: i.urgency)
    # items lead to the promotion's row in the list view
    missed = next(i for i in section.items if "Spatula" in i.title)
    assert (missed.area, missed.view, missed.column) == ("promotions", "promotionlistview", "id") and missed.late
    store.close()


def test_an_event_deadline_within_the_window_is_on_today(demo_copy: Path) -> None:
    store = open_store(demo_copy)
    with store.transaction() as tx:
        tx["events"].insert({"id": "US-2026-12-20-sale", "name": "Shop birthday", "marketplace": "US",
                             "kind": "event", "start": "2026-12-20", "end": "2026-12-21", "peak": False,
                             "deadline": "2026-11-30", "inventory_by": "2026-12-13", "source": "user"})
    section = promotions_section(shop_of(store), NOW, "ana")
    event_items = [i for i in section.items if i.view == "eventsview"]
    assert [(i.title, i.detail) for i in event_items] == [("Shop birthday: deal deadline 2026-11-30", "in 8 days")]
    sections = checklist(shop_of(store), "ana", NOW, which="slow")  # and the checklist runs it in the slow pass
    assert any(s.name == SECTION and s.items for s in sections)
    store.close()


def test_export_promotions_csv_and_json(capsys, demo_copy: Path) -> None:
    code, out, _ = run(capsys, "export", "promotions", "--data-dir", str(demo_copy))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 11
    towels = next(r for r in rows if r["name"] == "Cyber Monday Best Deal – Tea Towels")
    assert (towels["fee"], towels["event"], towels["checks_failed"]) == ("1000.00", "Black Friday–Cyber Monday", "2")
    code, out, _ = run(capsys, "export", "promotions", "--format", "json", "--data-dir", str(demo_copy))
    data = json.loads(out)
    ended = next(r for r in data if r["name"].endswith("Spice Rack"))
    assert ended["units"] > 0 and ended["lift_pct"] > 100 and ended["status"] == "ended"


def test_exported_names_cannot_run_as_formulas(capsys, demo_copy: Path) -> None:
    store = open_store(demo_copy)
    first = store["promotions"].all()[0]
    with store.transaction() as tx:
        tx["promotions"].update(first["id"], {"name": "=HYPERLINK(\"http://x\")"})
    store.close()
    out = run(capsys, "export", "promotions", "--data-dir", str(demo_copy))[1]
    assert "'=HYPERLINK" in out and ",=HYPERLINK" not in out


def test_promotions_upcoming_text_and_json(capsys, demo_copy: Path) -> None:
    code, out, _ = run(capsys, "promotions", "upcoming", "--days", "14", "--data-dir", str(demo_copy))
    assert code == 0 and out.startswith("Promotions from 2026-11-22 to 2026-12-06 (14 days)")
    assert "passed 4 days ago" in out and "Lightning Deal – Spatula Pair" in out
    code, out, _ = run(capsys, "promotions", "upcoming", "--json", "--data-dir", str(demo_copy))
    data = json.loads(out)
    assert data["until"] == "2026-12-22"  # the 30-day default
    assert [d["name"] for d in data["deadlines"]][:2] == ["Lightning Deal – Spatula Pair",
                                                         "Lightning Deal – Coffee Canister"]
    assert {s["name"] for s in data["starting"]} >= {"BF Lightning – Baking Mat", "Utensil sets 20% coupon"}
    assert all(f["working"] for f in data["failing"])
    code, _, err = run(capsys, "promotions", "upcoming", "--days", "-1", "--data-dir", str(demo_copy))
    assert code != 0 and "--days" in err


def test_upcoming_on_an_empty_store(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "promotions", "upcoming", "--days", "7", "--data-dir", str(data_dir))
    assert code == 0 and "Thanksgiving" in out  # the seeded calendar, read without writing

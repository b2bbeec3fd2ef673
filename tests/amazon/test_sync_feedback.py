"""The ``feedback`` stream: the Seller Feedback report requested through the Reports API, imported as a file would be."""

from __future__ import annotations

from sellertui.domain.sync import state
from sellertui.domain.sync.runner import sync
from sellertui.importers.pipeline import Options, import_report
from tests.importers.conftest import fixture

FEEDBACK = "GET_SELLER_FEEDBACK_DATA"
HEADER = "Date\tRating\tComments\tResponse\tOrder ID\tRater Email\n"
CHANGED = (HEADER + "11/20/26\t4\tReplacement came fast, thanks.\t\t112-0000002-0000002\tdef456uvw@marketplace.amazon.com\n"
           "11/12/26\t4\tGood, as described.\t\t112-0000004-0000004\tjkl012opq@marketplace.amazon.com\n").encode()


def run(shop, **kw):
    result = sync(shop, ["feedback"], sleep=lambda s: None, **kw)
    return result, result.streams[0]


def test_the_report_is_requested_for_the_window_polled_and_imported_with_its_checkpoint(connected, shop,
                                                                                       monkeypatch) -> None:
    connected.on_create[FEEDBACK] = (["IN_QUEUE", "IN_PROGRESS", "DONE"], fixture("feedback-us.txt").read_bytes(),
                                     False)
    planned, unit = run(shop, dry_run=True)
    assert unit.would == [{"what": f"request {FEEDBACK} from 2026-10-23"}] and not connected.reports
    result, unit = run(shop)
    assert result.ok and unit.reports == 1 and unit.new == 4 and shop.store["feedback"].count() == 4
    create = [c for c in connected.calls if c[0] == "createReport"]
    report = next(iter(connected.reports.values()))
    assert len(create) == 1 and report.type == FEEDBACK
    assert (report.start, report.end) == ("2026-10-23T09:00:00Z", "2026-11-22T09:00:00Z")
    checkpoint = state.read_state(shop.store, "feedback", "US")["checkpoints"][FEEDBACK]
    assert checkpoint == "2026-11-22T09:00:00Z"
    assert shop.store["sync_reports"].get(report.id)["kind"] == "feedback"
    again, unit = run(shop)  # the same moment: nothing new to ask for
    assert again.ok and "up to date" in " ".join(unit.notes) and len(connected.reports) == 1


def test_a_changed_rating_replaces_the_old_one_and_nothing_counts_twice(connected, shop, monkeypatch) -> None:
    connected.on_create[FEEDBACK] = (["DONE"], fixture("feedback-us.txt").read_bytes(), False)
    run(shop)
    connected.on_create[FEEDBACK] = (["DONE"], CHANGED, False)
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-23T09:00:00+00:00")
    result, unit = run(shop)
    assert result.ok and (unit.new, unit.updated, unit.unchanged) == (0, 1, 1)
    assert shop.store["feedback"].count() == 4
    changed = shop.store["feedback"].get("112-0000002-0000002")
    assert changed["rating"] == 4 and changed["date"] == "2026-11-20"
    report = list(connected.reports.values())[-1]
    assert report.start == "2026-11-22T09:00:00Z"  # from the checkpoint on
    # the older file imported by hand afterwards does not undo the buyer's newer word
    import_report(shop.store, fixture("feedback-us.txt"), Options())
    assert shop.store["feedback"].get("112-0000002-0000002")["rating"] == 4
    assert shop.store["feedback"].count() == 4


def test_a_report_that_does_not_import_is_asked_afresh_and_the_checkpoint_stays(connected, shop) -> None:
    connected.on_create[FEEDBACK] = (["DONE"], (HEADER + "11/20/26\t9\tNine?\t\t112-1\tx@y.z\n").encode(), False)
    result, unit = run(shop)
    assert not result.ok and shop.store["feedback"].count() == 0
    record = state.read_state(shop.store, "feedback", "US")
    assert FEEDBACK not in record.get("checkpoints", {}) and FEEDBACK not in record.get("pending", {})

"""The import screen: open it, preview, import, read the summary; errors shown literally; esc."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Button, Input, OptionList, Static

from sellertui.store import open_store
from sellertui.ui.shell.importing import ImportScreen
from sellertui.ui.shell.importing.paths import complete
from sellertui.ui.shell.importing.period_question import PeriodQuestion
from sellertui.ui.kit.messages import StoreChanged
from sellertui.ui.shell.welcome import WelcomeScreen
from tests.importers.conftest import fixture
from tests.ui.conftest import settle


def shown(screen) -> str:
    return str(screen.query_one("#preview", Static).render())


async def type_path(pilot, app, path: Path) -> None:
    field = app.screen.query_one("#path", Input)
    field.value = str(path)
    field.focus()
    await pilot.press("enter")
    await settle(pilot, app)


async def test_i_previews_then_imports(make_app, data_dir: Path, tmp_path: Path) -> None:
    report = tmp_path / "All Orders.txt"
    shutil.copy(fixture("all-orders-us.txt"), report)
    app = make_app(data_dir)
    changes: list[frozenset] = []
    async with app.run_test(size=(100, 30), message_hook=lambda m: isinstance(m, StoreChanged) and changes.append(
            m.collections)) as pilot:
        await settle(pilot, app)
        await pilot.press("escape")  # the welcome screen of an empty store
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        await type_path(pilot, app, report)
        preview = shown(app.screen)
        assert "All Orders.txt: an All Orders report, 7 rows" in preview
        assert "totals: lines 6, units 7, item_price 107.94" in preview and "Nothing is written yet" in preview
        assert open_store(data_dir)["orders"].count() == 0  # a preview writes nothing
        await pilot.press("enter")  # Import has the focus
        await settle(pilot, app)
        assert "6 new, 0 updated, 0 unchanged" in shown(app.screen)
        buttons = [b for b in app.screen.query(Button) if b.display and not b.disabled]
        assert [b.label.plain for b in buttons] == ["Close  enter · esc"]  # one Close, not two
        await pilot.press("enter")
        await settle(pilot, app)
        assert not isinstance(app.screen, ImportScreen)
    assert open_store(data_dir)["orders"].count() == 6
    assert frozenset({"orders"}) in changes


async def test_a_bad_file_shows_why_literally_and_writes_nothing(make_app, demo_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "[red]evil[b].csv"
    bad.write_text("name,email\n[b]Ana,a@example.com\n")
    before = open_store(demo_copy).summary()
    app = make_app(demo_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("i")
        await type_path(pilot, app, bad)
        preview = shown(app.screen)
        assert "Cannot import this file" in preview and "[red]evil[b].csv: has no header row" in preview
        assert "its first line reads 'name,email'" in preview
        assert app.screen.query_one("#import", Button).disabled
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, ImportScreen)
    assert open_store(demo_copy).summary() == before


async def test_bad_rows_can_be_set_aside(make_app, demo_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "returns.txt"
    path.write_text(fixture("fba-returns-us.txt").read_text().replace("\t2\tPHX6", "\ttwo\tPHX6"))
    app = make_app(demo_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("i")
        await type_path(pilot, app, path)
        assert "line 3, column 'quantity': 'two' is not a whole number" in shown(app.screen)
        assert app.screen.query_one("#import", Button).disabled
        skip = app.screen.query_one("#skip", Button)
        assert not skip.disabled
        skip.focus()
        await pilot.press("enter")
        await settle(pilot, app)
        assert "1 set aside" in shown(app.screen) and "returns.txt.rejects.csv" in shown(app.screen)
    assert (tmp_path / "returns.txt.rejects.csv").exists()


async def asked_which_days(pilot, app, report: Path) -> None:
    """Open the import screen on ``report`` (a file without dates): the period question comes up."""
    await settle(pilot, app)
    await pilot.press("i")
    await type_path(pilot, app, report)
    assert isinstance(app.screen, PeriodQuestion)


async def test_a_report_without_dates_asks_which_days_first_choice_focused(make_app, demo_copy: Path,
                                                                         tmp_path: Path) -> None:
    report = tmp_path / "BusinessReport-15-10-2025.csv"
    shutil.copy(fixture("BusinessReport-15-10-2025.csv"), report)
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await asked_which_days(pilot, app, report)
        choices = app.screen.query_one(OptionList)
        assert app.focused is choices and choices.highlighted == 0
        offered = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert offered == ["the last full month, September 2025  2025-09-01..2025-09-30",
                           "the last 30 days  2025-09-15..2025-10-14", "other days…"]
        await pilot.press("enter")  # the last full month
        await settle(pilot, app)
        assert isinstance(app.screen, ImportScreen)
        assert app.screen.query_one("#period", Input).value == "2025-09-01..2025-09-30"
        assert "period 2025-09-01..2025-09-30 (from --period)" in shown(app.screen)
        await pilot.press("enter")
        await settle(pilot, app)
        assert "Imported" in shown(app.screen)
    stored = open_store(demo_copy)["business_report"].all()
    assert stored and {(r["period_start"], r["period_end"]) for r in stored} == {("2025-09-01", "2025-09-30")}


async def test_other_days_are_typed_and_escape_cancels_without_writing(make_app, demo_copy: Path,
                                                                      tmp_path: Path) -> None:
    report = tmp_path / "BusinessReport.csv"
    shutil.copy(fixture("business-report-in.csv"), report)
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await asked_which_days(pilot, app, report)
        await pilot.press("down", "down", "enter")  # other days…
        field = app.screen.query_one("#other-days", Input)
        assert app.focused is field
        field.value = "2026-02-30..2026-03-01"
        await pilot.press("enter")
        assert isinstance(app.screen, PeriodQuestion)  # not a day: said, and asked again
        assert "--period" in str(app.screen.query_one("#period-hint", Static).render())
        field.value = "2026-01-01..2026-01-31"
        await pilot.press("enter")
        await settle(pilot, app)
        assert "period 2026-01-01..2026-01-31 (from --period)" in shown(app.screen)
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, ImportScreen)
        await pilot.press("i")
        await type_path(pilot, app, report)
        await pilot.press("escape")  # no answer: the import screen says what it needs
        await settle(pilot, app)
        assert isinstance(app.screen, ImportScreen) and "--period START..END" in shown(app.screen)
    assert open_store(demo_copy)["business_report"].count() == 0


async def test_welcome_import_choice_and_palette_open_the_screen(make_app, data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("i")
        await settle(pilot, app)
        assert isinstance(app.screen, ImportScreen)
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.press(*"App: import a report")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, ImportScreen)


def test_path_completion(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "Downloads").mkdir()
    (tmp_path / "Downloads" / "All Orders.txt").write_text("x")
    (tmp_path / "Downloads" / "All notes.pdf").write_text("x")
    (tmp_path / ".hidden").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    assert complete("~/Dow") == "~/Downloads/"
    assert complete("~/Downloads/All") == "~/Downloads/All Orders.txt"  # reports first
    assert complete(f"{tmp_path}/Downloads/All n") == f"{tmp_path}/Downloads/All notes.pdf"
    assert complete("~/.hi") == "~/.hidden/" and complete("~/nothing") is None and complete("") is None


async def test_closing_while_a_preview_is_read_is_harmless(make_app, demo_copy: Path, tmp_path: Path) -> None:
    from sellertui.devtools.reports import all_orders

    from textual.worker import Worker, WorkerState

    big = all_orders(tmp_path / "orders.txt", 20_000)
    app = make_app(demo_copy)
    failed: list = []

    def hook(message) -> None:
        if isinstance(message, Worker.StateChanged) and message.state == WorkerState.ERROR:
            failed.append(message.worker.error)

    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await settle(pilot, app)
        await pilot.press("i")
        field = app.screen.query_one("#path", Input)
        field.value = str(big)
        field.focus()
        await pilot.press("enter")
        await pilot.press("escape")  # at once, while the worker reads
        await settle(pilot, app)
        assert not isinstance(app.screen, ImportScreen)
    assert failed == []

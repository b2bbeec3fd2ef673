"""The key map's rules, without a running app: malformed keys, unknown ids and clashes where a key is live; the
tab's keys win over a table's everywhere; ``sellertui check`` says the same as the app's start."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sellertui.cli import main
from sellertui.ui.app import TABS, SellerApp
from sellertui.ui.shell.keys import check_keymap, hidden_by_widgets, key_problem, known_ids, places
from tests.ui.conftest import write_config

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture(scope="module")
def known() -> set[str]:
    return known_ids()


@pytest.mark.parametrize("key, fine", [
    ("o", True), ("ctrl+o", True), ("f2", True), ("question_mark", True), ("ctrl+shift+left", True),
    ("ctrl+", False), ("F2", False), ("Ctrl+o", False), ("hyperspace", False), ("ctrl+ctrl+o", False),
    ("", False), ("cmd+o", False),
])
def test_malformed_keys_are_named(key, fine) -> None:
    problem = key_problem(key)
    assert (problem is None) == fine, problem
    if key == "F2":
        assert "f2" in problem  # says what to write instead


def test_unknown_ids_and_malformed_keys_are_listed_and_not_applied(known) -> None:
    checked = check_keymap({"tab.ordrs": "ctrl+o", "app.help": "ctrl+", "tab.team": "f9"}, SellerApp, TABS, known)
    assert checked.usable == {"tab.team": "f9"}
    assert len(checked.problems) == 2
    assert "“tab.ordrs”" in checked.problems[0] and "did you mean “tab.orders”" in checked.problems[0]
    assert "“app.help” = “ctrl+”" in checked.problems[1] and "no key after its modifier" in checked.problems[1]


def test_a_remapped_key_that_a_table_holds_is_a_clash_named_once(known) -> None:
    checked = check_keymap({"tab.orders": "o"}, SellerApp, TABS, known)
    assert len(checked.problems) == 1  # every table has Sort on o: one sentence, the places counted
    problem = checked.problems[0]
    assert "Table: Sort (table.sort)" in problem and "tab.orders" in problem and "Sort wins there" in problem
    assert re.search(r"and \d+ more;", problem)


def test_the_readme_example_is_free(known) -> None:
    example = re.search(r'^\[keymap\]\n"([\w.]+)" = "([^"]+)"', README.read_text(), re.M)
    assert example, "the README shows a key map example"
    checked = check_keymap({example[1]: example[2]}, SellerApp, TABS, known)
    assert checked.usable == {example[1]: example[2]} and checked.problems == []


def test_no_widget_hides_a_key_of_its_tab_or_view_anywhere() -> None:
    """The table, the month grid and the checklist keep to keys no view uses (Promotions' l is List)."""
    found = places(SellerApp, TABS, {})
    assert {p.name for p in found} >= {"Promotions › Events", "Promotions › Fees", "Orders › All orders"}
    assert [(place, mine.id, theirs.id, key) for place, mine, theirs, key in hidden_by_widgets(found)] == []


def test_sellertui_check_has_a_keys_section(capsys, data_dir: Path) -> None:
    write_config('user = "ana"\n[keymap]\n"tab.orders" = "o"\n"tab.nowhere" = "z"\n')
    code = main(["check", "--data-dir", str(data_dir)])
    out = capsys.readouterr().out
    assert code == 1
    store, keys = out.split("Keys\n")
    assert store.startswith("Store\n") and "healthy" in store
    lines = keys.splitlines()
    assert len(lines) == 2 and all(line.startswith("  ") for line in lines)
    assert any("tab.nowhere" in line for line in lines) and any("Sort wins there" in line for line in lines)
    write_config('user = "ana"\n[keymap]\n"tab.orders" = "ctrl+o"\n')
    assert main(["check", "--data-dir", str(data_dir)]) == 0
    assert "1 remapped, none clashes" in capsys.readouterr().out

"""An import is all there or not there: bad rows, --skip-bad-rows, dry runs, mutated files, kill -9."""

from __future__ import annotations

import csv
import os
import random
import signal
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sellertui.devtools.reports import all_orders, search_terms_xlsx
from sellertui.core.errors import UserError
from sellertui.importers.errors import RowProblems
from sellertui.store import open_store
from tests.importers.conftest import fixture, run_import, store_files


def _with_bad_quantities(tmp_path: Path, bad: int) -> Path:
    lines = fixture("all-orders-us.txt").read_text().splitlines()
    header, row = lines[0], lines[1].split("\t")
    out = [header]
    for n in range(bad + 5):
        cells = list(row)
        cells[0] = f"112-{n:07d}-0000001"
        cells[14] = "two" if n < bad else "1"
        out.append("\t".join(cells))
    path = tmp_path / "orders.txt"
    path.write_text("\n".join(out) + "\n")
    return path


def test_one_bad_row_and_nothing_is_written(store, data_dir: Path, tmp_path: Path) -> None:
    run_import(store, fixture("all-orders-us.txt"))
    before = store_files(data_dir)
    with pytest.raises(RowProblems) as caught:
        run_import(store, _with_bad_quantities(tmp_path, 1))
    assert str(caught.value).splitlines() == [
        "orders.txt: 1 of 6 rows cannot be imported, so nothing was imported (fix them, or use --skip-bad-rows to "
        "import the other rows and set these aside):",
        "  orders.txt, line 2, column 'quantity': 'two' is not a whole number"]
    assert store_files(data_dir) == before


def test_the_first_20_problems_and_a_count_of_the_rest(store, tmp_path: Path) -> None:
    with pytest.raises(RowProblems) as caught:
        run_import(store, _with_bad_quantities(tmp_path, 25))
    shown = str(caught.value).splitlines()
    assert len(caught.value.problems) == 25 and len(shown) == 22
    assert shown[20] == "  orders.txt, line 21, column 'quantity': 'two' is not a whole number"
    assert shown[-1] == "  … and 5 more"


def test_skip_bad_rows_imports_the_rest_and_sets_the_bad_ones_aside(store, tmp_path: Path) -> None:
    path = tmp_path / "returns.txt"
    path.write_text(fixture("fba-returns-us.txt").read_text().replace("\t2\tPHX6", "\ttwo\tPHX6"))
    result = run_import(store, path, skip_bad_rows=True)
    assert (result.rows, result.inserted, result.rejected) == (2, 1, 1)
    rejects = path.with_name("returns.txt.rejects.csv")
    assert result.rejects_file == str(rejects)
    with open(rejects, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["line", "problem", "return-date", "order-id"]
    assert rows[1][:2] == ["3", "quantity: 'two' is not a whole number"]
    assert rows[1][-1] == "'=HYPERLINK(\"http://x\",\"arrived torn\")"  # a formula in a report never runs
    assert store["returns"].count() == 1


def test_a_dry_run_counts_what_would_change_and_writes_nothing(store, data_dir: Path) -> None:
    run_import(store, fixture("all-orders-us.txt"))
    before = store_files(data_dir)
    dry = run_import(store, fixture("fbm-unshipped-us.txt"), dry_run=True)
    assert (dry.inserted, dry.updated, dry.unchanged, dry.dry_run) == (1, 1, 0, True)
    assert store_files(data_dir) == before
    real = run_import(store, fixture("fbm-unshipped-us.txt"))
    assert (real.inserted, real.updated, real.unchanged) == (dry.inserted, dry.updated, dry.unchanged)


def test_a_dry_run_with_bad_rows_writes_no_rejects_file(store, tmp_path: Path) -> None:
    path = _with_bad_quantities(tmp_path, 2)
    result = run_import(store, path, dry_run=True, skip_bad_rows=True)
    assert result.rejected == 2 and result.rejects_file is None
    assert not list(tmp_path.glob("*.rejects.csv")) and store["orders"].count() == 0


# -- mutated files: a correct import or a clear error, never a traceback, never a partial write ---------
SOURCES = ["all-orders-us.txt", "settlement-v2-us.txt", "search-terms-us-summary.csv", "date-range-us.csv",
           "BusinessReport-2026-01-01-2026-01-31.csv", "fbm-returns-us.csv", "restock-us.csv", "search-terms.xlsx"]


def _source(name: str) -> bytes:
    if name.endswith(".xlsx"):  # a small workbook, made once
        if name not in _WORKBOOKS:
            with tempfile.TemporaryDirectory() as folder:
                _WORKBOOKS[name] = search_terms_xlsx(Path(folder) / name, 40).read_bytes()
        return _WORKBOOKS[name]
    return fixture(name).read_bytes()


_WORKBOOKS: dict[str, bytes] = {}


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(SOURCES))
    data = bytearray(_source(name))
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["flip", "cut", "drop-line", "double-line", "garbage-cell", "insert"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if how == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif how == "cut":
            del data[at:]
        elif how in ("drop-line", "double-line"):
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines[i:i + 1] = [] if how == "drop-line" else [lines[i], lines[i]]
            data = bytearray(b"\n".join(lines))
        elif how == "garbage-cell":
            junk = draw(st.sampled_from([b"=cmd|' /C calc'!A0", b"\xff\xfe", b"1e999", b"--", b"\"", b"N/A",
                                         b"2026-02-30", b"\t\t", "¥".encode(), b"-0", b"\x00"]))
            data[at:at] = junk
        else:
            data[at:at] = draw(st.binary(max_size=8))
    return name, bytes(data)


@pytest.mark.xdist_group("fsync-heavy")  # hundreds of small durable commits: not beside the timing tests
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_files_import_cleanly_or_not_at_all(case) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        store = open_store(folder / "shop", user="ana")
        run_import(store, fixture("all-orders-us.txt"))
        before = store_files(folder / "shop")
        path = folder / name
        path.write_bytes(data)
        try:
            result = run_import(store, path, period="2025-10-15")
        except UserError as exc:
            assert str(exc).strip() and "Traceback" not in str(exc)
            assert store_files(folder / "shop") == before
        else:
            assert result.rejected == 0
            # what it says it wrote is what is there: importing it again changes nothing
            again = run_import(store, path, period="2025-10-15")
            assert again.inserted == 0 and again.updated == 0
        finally:
            store.close()


# -- kill -9 in the middle of a big import: the store holds all of it or none of it ------------------
def _importer(data_dir: Path, report: Path) -> None:
    store = open_store(data_dir, user="cron")
    run_import(store, report)


@pytest.mark.xdist_group("fsync-heavy")
def test_kill_9_mid_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    report = all_orders(tmp_path / "orders.txt", 12_000, seed=3)  # a year: 13 partitions + the activity log
    empty = tmp_path / "empty"
    open_store(empty, user="ana").close()
    _importer(tmp_path / "warm-up", report)  # the children are forked warm: time a warm import
    started = time.perf_counter()
    _importer(tmp_path / "timing", report)
    duration = time.perf_counter() - started
    rng = random.Random(99)
    outcomes = {"none": 0, "all": 0}
    for attempt in range(14):
        data_dir = tmp_path / f"shop-{attempt}"
        shutil.copytree(empty, data_dir)
        pid = os.fork()
        if pid == 0:  # child
            try:
                _importer(data_dir, report)
            finally:
                os._exit(0)
        time.sleep(duration * rng.uniform(0.2, 1.0))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        store = open_store(data_dir)  # must open, finishing or undoing a half-done commit
        count = store["orders"].count()
        assert count in (0, 12_000), f"attempt {attempt}: {count} orders: a partial import"
        assert not store.layout.intent.exists()
        with store.transaction("next write"):  # a killed writer's temp files go with the next write
            pass
        assert not store.layout.temp_files()
        outcomes["all" if count else "none"] += 1
        store.close()
    assert outcomes["none"] >= 1, outcomes  # not vacuous: some kills landed before the commit finished


def test_rejects_hold_whole_rows_even_columns_the_import_skips(store, tmp_path: Path) -> None:
    path = _with_bad_quantities(tmp_path, 2)  # All Orders: 'url' and 'order-channel' are not read
    result = run_import(store, path, skip_bad_rows=True)
    assert (result.inserted, result.rejected) == (5, 2)
    with open(tmp_path / "orders.txt.rejects.csv", newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    source = [line.split("\t") for line in path.read_text().splitlines()]
    assert rows[0] == ["line", "problem", *source[0]]
    assert [r[2:] for r in rows[1:]] == source[1:3] and [r[0] for r in rows[1:]] == ["2", "3"]

"""`sellertui import`: JSON shape, exit codes, dry runs, rejects, bad files, several files at once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sellertui.cli import main
from sellertui.store import open_store
from tests.importers.conftest import fixture, store_files

KEYS = ["file", "kind", "rows", "inserted", "updated", "unchanged", "rejected", "removed", "totals"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_json_prints_one_object_per_file_with_totals_by_kind(capsys, data_dir: Path) -> None:
    code, out, err = run(capsys, "import", str(fixture("all-orders-us.txt")), str(fixture("search-terms-us-summary.csv")),
                         str(fixture("settlement-v2-us.txt")), str(fixture("fba-inventory-us.txt")),
                         str(fixture("fba-returns-us.txt")), str(fixture("BusinessReport-15-10-2025.csv")),
                         "--period", "2025-09-15..2025-10-14", "--json", "--data-dir", str(data_dir))
    assert code == 0 and err == ""
    objects = [json.loads(line) for line in out.splitlines()]
    assert [list(o) for o in objects] == [KEYS] * 6
    orders, terms, settlement, inventory, returns, business = objects
    assert orders == {"file": "all-orders-us.txt", "kind": "all-orders", "rows": 7, "inserted": 6, "updated": 0,
                      "unchanged": 0, "rejected": 0, "removed": 0,
                      "totals": {"lines": 6, "units": 7, "item_price": "107.94"}}
    assert terms["totals"] == {"spend": "146.24", "sales": "1439.63", "clicks": 92, "impressions": 4899, "orders": 37}
    assert settlement["totals"] == {"total_amount": "971.35", "sum_of_amounts": "971.35", "orders": 3}
    assert inventory["totals"] == {"skus": 3, "available": 160, "inbound": 310}
    assert returns["totals"] == {"lines": 2, "units": 3}
    assert business["totals"] == {"units": 393, "sales": "13365.30", "sessions": 2609}
    code, out, _ = run(capsys, "import", str(fixture("all-orders-us.txt")), "--json", "--data-dir", str(data_dir))
    assert json.loads(out)["unchanged"] == 6


def test_a_business_report_named_by_its_download_day_is_refused_naming_period(capsys, data_dir: Path) -> None:
    code, out, err = run(capsys, "import", str(fixture("BusinessReport-15-10-2025.csv")), "--data-dir", str(data_dir))
    assert code == 1 and out == ""
    assert err.strip().count("\n") == 0 and "named by the day it was downloaded (2025-10-15)" in err
    assert "--period START..END (e.g. --period 2025-09-01..2025-09-30)" in err


def test_text_summary(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "import", str(fixture("fbm-unshipped-us.txt")), "--data-dir", str(data_dir))
    assert code == 0
    assert out.splitlines()[0] == ("fbm-unshipped-us.txt: an unshipped or new orders report (FBM), 2 rows: 2 new, "
                                   "0 updated, 0 unchanged")
    assert "  buyers: 2 new, 0 updated, 0 unchanged" in out and "US marketplace, USD" in out


def test_dry_run_writes_nothing(capsys, data_dir: Path) -> None:
    run(capsys, "task", "add", "x", "--data-dir", str(data_dir))
    before = store_files(data_dir)
    code, out, _ = run(capsys, "import", str(fixture("all-orders-us.txt")), "--dry-run", "--json", "--data-dir", str(data_dir))
    assert code == 0 and json.loads(out)["inserted"] == 6
    assert store_files(data_dir) == before


def test_skip_bad_rows_writes_the_rejects_file(capsys, data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "returns.txt"
    path.write_text(fixture("fba-returns-us.txt").read_text().replace("\t2\tPHX6", "\ttwo\tPHX6"))
    code, out, err = run(capsys, "import", str(path), "--json", "--data-dir", str(data_dir))
    assert code == 1 and json.loads(out)["rejected"] == 1 and json.loads(out)["problems"][0]["line"] == 3
    assert "returns.txt, line 3, column 'quantity': 'two' is not a whole number" in err
    assert not (tmp_path / "returns.txt.rejects.csv").exists()
    code, out, _ = run(capsys, "import", str(path), "--skip-bad-rows", "--json", "--data-dir", str(data_dir))
    result = json.loads(out)
    assert code == 0 and (result["inserted"], result["rejected"]) == (1, 1)
    assert (tmp_path / "returns.txt.rejects.csv").read_text(encoding="utf-8-sig").count("\n") == 2


@pytest.mark.parametrize("content, message", [
    (b"", "empty.csv: is empty; expected one of the reports sellertui reads"),
    (b"name,email\nAna,a@example.com\n", "empty.csv: has no header row sellertui recognises"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "empty.csv: is binary data"),
])
def test_bad_files_exit_1_with_one_sentence_and_no_write(capsys, data_dir: Path, tmp_path: Path, content, message) -> None:
    run(capsys, "task", "add", "x", "--data-dir", str(data_dir))
    before = store_files(data_dir)
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    code, out, err = run(capsys, "import", str(path), "--data-dir", str(data_dir))
    assert code == 1 and out == "" and err.startswith(f"sellertui: {message}") and err.count("\n") == 1
    assert store_files(data_dir) == before


def test_one_bad_file_does_not_stop_the_others(capsys, data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing here\n")
    code, out, err = run(capsys, "import", str(bad), str(fixture("restock-us.csv")), "--json", "--data-dir", str(data_dir))
    first, second = (json.loads(line) for line in out.splitlines())
    assert code == 1 and first["error"].startswith("bad.txt: has no header row") and second["inserted"] == 3
    assert open_store(data_dir)["products"].count() == 3


def test_options_kind_market_period(capsys, data_dir: Path, tmp_path: Path) -> None:
    plain = tmp_path / "report.csv"
    shutil.copy(fixture("business-report-in.csv"), plain)
    code, out, err = run(capsys, "import", str(plain), "--json", "--data-dir", str(data_dir))
    assert code == 1 and "--period START..END" in err
    code, out, _ = run(capsys, "import", str(plain), "--period", "2026-01-01..2026-01-31", "--kind", "business-report",
                       "--json", "--data-dir", str(data_dir))
    assert code == 0 and json.loads(out)["totals"]["sales"] == "144957.78"
    code, out, err = run(capsys, "import", str(fixture("all-orders-de.txt")), "--kind", "fba-returns",
                         "--data-dir", str(data_dir))
    assert code == 1 and "has no 'return-date', 'order-id' columns, which an FBA customer returns " \
        "report needs (it has 'amazon-order-id', " in err
    code, _, err = run(capsys, "import", str(plain), "--market", "XX", "--period", "2026-01-01", "--data-dir", str(data_dir))
    assert code == 1 and "--market: unknown marketplace 'XX'" in err
    code, _, err = run(capsys, "import", str(plain), "--period", "last month", "--data-dir", str(data_dir))
    assert code == 1 and "--period 'last month' is not a period like 2026-01-01..2026-01-31" in err
    code, _, err = run(capsys, "import", str(plain), "--kind", "frobnicate", "--data-dir", str(data_dir))
    assert code == 2 and "invalid choice" in err


def test_market_decides_the_decimal_mark(capsys, data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "inv.txt"
    path.write_text("sku\tasin\tyour-price\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\nA\tB01\t1,234\t5\t0\n")
    run(capsys, "import", str(path), "--market", "DE", "--data-dir", str(data_dir))
    assert open_store(data_dir)["products"].get("A")["price_minor"] == 123  # 1,234 in Germany is 1.234 €
    path.write_text(path.read_text().replace("\tA\t", "\tA\t").replace("A\tB01", "C\tB01"))
    run(capsys, "import", str(path), "--market", "US", "--data-dir", str(data_dir))
    assert open_store(data_dir)["products"].get("C")["price_minor"] == 123400


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys, data_dir: Path) -> None:
    code, _, err = run(capsys, "import", str(fixture("all-orders-us.txt")), "--data-dir", str(data_dir))
    assert code == 0 and err == ""


def test_a_progress_bar_on_a_terminal(monkeypatch, data_dir: Path) -> None:
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["import", str(fixture("all-orders-us.txt")), "--data-dir", str(data_dir)]) == 0
    drawn = screen.getvalue()
    assert "] 100% done" in drawn and "#" * 30 in drawn and "all-orders-us.txt" in drawn
    assert drawn.endswith("\r")  # the bar is wiped before the summary is printed

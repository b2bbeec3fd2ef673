"""`sellertui ads proposals` and `sellertui ads export`: the same functions as the Ads tab."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from sellertui.domain.ads import decisions
from sellertui.domain.ads.service import AdsService
from sellertui.domain.frames import FrameCache
from sellertui.store import open_store
from sellertui.cli import main
from tests.test_cli import run


def test_proposals_as_text_and_json(capsys, demo_copy: Path) -> None:
    code, out, _ = run(capsys, "ads", "proposals", "--data-dir", str(demo_copy))
    assert code == 0 and out.startswith("30 days · Oct 23 – Nov 21 2026: ")
    assert "[new] harvest exact: " in out and "    Harvest '" in out
    code, out, _ = run(capsys, "ads", "proposals", "--json", "--kind", "bid", "--days", "14",
                       "--data-dir", str(demo_copy))
    data = json.loads(out)
    assert code == 0 and data["window"] == {"start": "2026-11-08", "end": "2026-11-21", "days": 14}
    assert data["proposals"] and {p["kind"] for p in data["proposals"]} == {"bid"}
    first = data["proposals"][0]
    assert {"reason", "working", "key", "fingerprint", "current_bid_minor", "new_bid_minor"} <= set(first)


def test_bad_days_is_one_line(capsys, demo_copy: Path) -> None:
    code, _, err = run(capsys, "ads", "proposals", "--days", "0", "--data-dir", str(demo_copy))
    assert code == 1 and err.strip() == "sellertui: --days wants a number of days from 1 to 730"


def test_export_writes_the_approved_changes(capsys, demo_copy: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "ads", "export", str(tmp_path / "none.xlsx"), "--data-dir", str(demo_copy))
    assert code == 0 and "no approved changes to export" in err and not (tmp_path / "none.xlsx").exists()
    store = open_store(demo_copy, user="ana")
    service = AdsService(store, FrameCache(store), {})
    found = service.proposals(service.default_window()).proposals
    decisions.approve(store, [p for p in found if p.kind == "negate"][:3])
    store.close()
    code, _, err = run(capsys, "ads", "export", str(tmp_path / "bulk.xlsx"), "--data-dir", str(demo_copy))
    assert code == 0 and "wrote 3 row(s) for 3 change(s)" in err
    assert load_workbook(tmp_path / "bulk.xlsx").active.max_row == 4
    code, _, err = run(capsys, "ads", "export", str(tmp_path / "bulk.txt"), "--data-dir", str(demo_copy))
    assert code == 1 and "must end in .xlsx or .csv" in err


def test_the_ledger_exports_as_csv(capsys, demo_copy: Path) -> None:
    code, out, _ = run(capsys, "export", "ads-ledger", "--status", "exported", "--data-dir", str(demo_copy))
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("decided_at,decided_by,status,kind,action,term")
    assert len(lines) == 4 and all(",exported," in line for line in lines[1:])


def test_reports_list_the_imported_ads_reports(capsys, tmp_path: Path) -> None:
    from tests.ads_files import sp_summary

    data_dir = tmp_path / "data"
    for name, first, last in (("a.csv", "2025-11-24", "2026-01-23"), ("b.csv", "2025-12-02", "2026-01-31")):
        assert main(["import", str(sp_summary(tmp_path / name, first, last, {"bamboo board": 1000})),
                     "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert main(["ads", "reports", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2 ads report(s), newest first"
    assert out[2].startswith("SP search terms US 2025-11-24..2026-01-23 (summary, 7-day): 1 rows, spend $10.00, "
                             "53 of its days also in newer reports")
    assert main(["ads", "reports", "--json", "--data-dir", str(data_dir)]) == 0
    found = json.loads(capsys.readouterr().out)["reports"]
    assert [r["covered_days"] for r in found] == [0, 53] and found[0]["first"] == "2025-12-02"

"""`sellertui sync` and `sellertui connect` as a user (and cron) runs them, and the acceptance test."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.amazon.standin import CLIENT_ID, CLIENT_SECRET, ENV, REFRESH_TOKEN
from tests.importers.conftest import fixture, samples_dir
from tests.test_cli_import import run as cli

SETTLEMENT = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2"
REPO = Path(__file__).resolve().parents[2]


def test_acceptance_settlements_by_sync_match_the_pnl_to_the_cent_and_a_second_sync_changes_nothing(
        connected, capsys, data_dir) -> None:
    """Only the three environment variables and config.toml's [amazon] pointing at the stand-in."""
    sample = samples_dir()
    path = sample / "ca-2025-settlement.txt" if sample else fixture("settlement-v2-us.txt")
    connected.add_report(SETTLEMENT, path.read_bytes(), gzipped=True)
    if sample:  # the CA sample is in CAD: the shop's home currency
        config = Path(os.environ["SELLERTUI_CONFIG_DIR"]) / "config.toml"
        config.write_text('home_currency = "CAD"\nmarketplace = "CA"\n' + config.read_text()
                          .replace('marketplaces = ["US"]', 'marketplaces = ["CA"]'))
        connected.reports[next(iter(connected.reports))].marketplace = "A2EUQ1WTGCTBG2"
    code, out, err = cli(capsys, "sync", "--only", "settlements", "--json", "--data-dir", str(data_dir))
    assert code == 0, err
    result = json.loads(out)
    assert result["ok"] and result["streams"][0]["reports"] == 1 and result["streams"][0]["new"] > 0
    code, out, _ = cli(capsys, "import", str(path), "--dry-run", "--json", "--data-dir", str(data_dir))
    total = json.loads(out)["totals"]["total_amount"]
    assert json.loads(out)["inserted"] == 0  # the same report by hand: already there
    code, out, _ = cli(capsys, "pnl", "--json", "--data-dir", str(data_dir))
    periods = json.loads(out)
    # the months no settlement covers carry the subscription and storage estimated (~): not the settlement's money
    estimated = sum(p[f"{k}_minor"] for p in periods for k in ("subscription", "storage") if p[f"{k}_estimated"])
    paid = sum(p["net_minor"] + p["tax_passed_through_minor"] + p["transfer_passed_through_minor"] for p in periods)
    assert f"{(paid - estimated) / 100:.2f}" == total  # the P&L's net plus tax and transfers kept apart: to the cent
    before = store_state(data_dir)
    code, out, _ = cli(capsys, "sync", "--only", "settlements", "--json", "--data-dir", str(data_dir))
    again = json.loads(out)["streams"][0]
    assert code == 0 and (again["new"], again["updated"], again["reports"]) == (0, 0, 0)
    assert store_state(data_dir) == before


DATA = ("settlements", "settlement_summaries", "orders", "sync_reports")


def store_state(data_dir: Path) -> dict:
    """The data collections as stored, less the moments they were written (a rerun's clock differs)."""
    from sellertui.store import open_store

    store = open_store(data_dir, user="ana")
    try:
        state = {name: sorted(({k: v for k, v in d.items() if k not in ("_at", "at")} for d in store[name].all()),
                              key=lambda d: d["id"]) for name in DATA}
        state["checkpoints"] = {d["id"]: d.get("checkpoints") for d in store["sync_state"].all()}
        return state
    finally:
        store.close()


def test_exit_codes_text_and_status(connected, capsys, data_dir) -> None:
    connected.on_create["GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA"] = (["FATAL"], b"", False)
    code, out, _ = cli(capsys, "sync", "--only", "settlements,transactions", "--data-dir", str(data_dir))
    assert code == 1
    assert out.splitlines()[0] == "settlements US: 0 new, 0 updated, 0 unchanged"
    assert "transactions US: 0 new, 0 updated, 0 unchanged — failed: GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA" in out
    code, out, _ = cli(capsys, "sync", "--status", "--data-dir", str(data_dir))
    assert code == 0 and out.startswith("synced just now · 1 stream failed") and "transactions US failed" in out
    code, out, _ = cli(capsys, "sync", "--status", "--json", "--data-dir", str(data_dir))
    status = json.loads(out)
    assert status["last_ok"] is False and [s["stream"] for s in status["streams"]] == ["settlements", "transactions"]
    code, _, err = cli(capsys, "sync", "--only", "nope", "--data-dir", str(data_dir))
    assert code == 1 and "unknown stream nope" in err
    code, _, err = cli(capsys, "sync", "--since", "yesterday", "--data-dir", str(data_dir))
    assert code == 1 and "--since 'yesterday' is not a date" in err


def test_connect_checks_before_keeping_and_says_what_is_wrong(standin, capsys, monkeypatch, data_dir) -> None:
    from tests.amazon.conftest import write_config

    write_config(standin.url)
    answers = iter([CLIENT_ID, CLIENT_SECRET, "Atzr|WRONG-REFRESH-TOKEN"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, out, err = cli(capsys, "connect", "--region", "NA", "--marketplaces", "US", "--data-dir", str(data_dir))
    assert code == 1 and "invalid_grant" in err and "self-authorise the app again" in err
    from sellertui.amazon import credentials

    assert credentials.load() is None  # nothing kept
    answers = iter([CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN])
    code, out, err = cli(capsys, "connect", "--region", "NA", "--marketplaces", "US", "--data-dir", str(data_dir))
    assert code == 0 and "connected: the account sells in US" in out and "secrets.toml" in out
    assert credentials.load().refresh_token.reveal() == REFRESH_TOKEN
    code, out, _ = cli(capsys, "connect", "--check", "--data-dir", str(data_dir))
    assert code == 0 and "connected" in out
    standin.marketplaces = ["A1F83G8C2ARO7P"]  # the account sells in the UK only: NA was the wrong region
    code, _, err = cli(capsys, "connect", "--check", "--data-dir", str(data_dir))
    assert code == 1 and "does not sell in US (Amazon.com) in the NA region; it sells in UK" in err
    code, out, _ = cli(capsys, "connect", "--forget", "--data-dir", str(data_dir))
    assert code == 0 and "secrets.toml" in out and credentials.load() is None


def test_connect_refuses_a_marketplace_of_another_region(standin, capsys, data_dir) -> None:
    code, _, err = cli(capsys, "connect", "--region", "NA", "--marketplaces", "US,DE", "--data-dir", str(data_dir))
    assert code == 1 and "DE is served by the EU region, not NA" in err


def sync_process(data_dir: Path) -> subprocess.Popen:
    env = {**os.environ, **ENV, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "sellertui", "sync", "--only", "settlements", "--json",
                             "--data-dir", str(data_dir)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_kill_9_mid_sync_loses_nothing_and_repeats_nothing(connected, tmp_path) -> None:
    """SIGKILL during the download of the second report; the next sync ends as one uninterrupted sync."""
    first = connected.add_report(SETTLEMENT, fixture("settlement-v2-us.txt").read_bytes(), gzipped=True,
                                 created="2026-11-01T00:00:00+00:00")
    second = connected.add_report(SETTLEMENT, fixture("settlement-v2-de.txt").read_bytes(),
                                  created="2026-11-15T00:00:00+00:00")
    connected.hold_download = f"doc-{second.id}"
    killed = tmp_path / "killed"
    process = sync_process(killed)
    try:
        assert connected.holding.wait(60), process.stderr.read().decode() if process.poll() is not None else ""
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        connected.release.set()
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    half = store_state(killed)
    assert [r["id"] for r in half["sync_reports"]] == [first.id]  # the first report, whole; the second, nothing
    connected.hold_download = None
    rerun = sync_process(killed)
    out, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, err.decode()
    assert json.loads(out)["streams"][0]["reports"] == 1  # only the second: the first is not downloaded again
    whole = tmp_path / "whole"
    once = sync_process(whole)
    out, err = once.communicate(timeout=60)
    assert once.returncode == 0, err.decode()
    assert store_state(killed) == store_state(whole)

"""No secret, and no access token, in any output, store file, backup, log, cache or error text."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable

from sellertui.cli import main
from tests.amazon.standin import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, SECRETS
from tests.amazon.test_sync_orders import orders
from tests.importers.conftest import fixture

SETTLEMENT = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2"
TOKENS = ("Atza|standin-access", "Atz.sprdt|standin-rdt")


def leaks(text: str) -> list[str]:
    return [s for s in (*SECRETS, *TOKENS) if s in text]


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def test_no_secret_anywhere(connected, capsys, caplog, monkeypatch, data_dir, tmp_path) -> None:
    caplog.set_level(logging.DEBUG)  # whatever anything logs, at any level
    connected.orders = orders(2)
    connected.add_report(SETTLEMENT, fixture("settlement-v2-us.txt").read_bytes(), gzipped=True)
    connected.on_create["GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA"] = (["FATAL"], b"failed", False)
    connected.throttle["getOrders"] = 1
    connected.expire_after_calls = 3
    cli, outputs = runner(capsys, data_dir)
    cli("sync")
    cli("sync", "--json")
    cli("sync", "--status", "--json")
    cli("sync", "--dry-run", "--json")
    cli("connect", "--check")
    answers = iter([CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    cli("connect", "--region", "NA", "--marketplaces", "US")
    cli("export", "orders", "--format", "json")
    cli("today", "--json")
    # a crash inside a stream: the sentence kept in the run log has the secrets cut out
    from sellertui.amazon import reports

    def crash(*args, **kwargs):
        raise RuntimeError(f"boom {CLIENT_SECRET} {REFRESH_TOKEN}")

    monkeypatch.setattr(reports.Reports, "listed", crash)
    cli("sync", "--only", "settlements", "--json")
    assert any("boom … …" in o for o in outputs)
    monkeypatch.setenv("SELLERTUI_SP_CLIENT_SECRET", "wrong")  # refused credentials
    cli("sync", "--only", "orders")
    nothing_leaks(leaks, SECRETS, outputs, caplog, data_dir)


def runner(capsys, data_dir: Path) -> tuple[Callable[..., None], list[str]]:
    """``cli(*argv)`` runs sellertui on the shop, and every output it printed is kept in the list."""
    outputs: list[str] = []

    def cli(*argv: str) -> None:
        try:
            main([*argv, "--data-dir", str(data_dir)])
        except SystemExit:
            pass
        out, err = capsys.readouterr()
        outputs.extend([out, err])

    return cli, outputs


def nothing_leaks(leaks: Callable[[str], list[str]], secrets: tuple[str, ...], outputs: list[str], caplog,
                  data_dir: Path) -> None:
    """No output, log record, store file, backup, cache or config file holds one; secrets.toml holds them all."""
    assert [o for o in outputs if leaks(o)] == []
    assert [r.getMessage() for r in caplog.records if leaks(r.getMessage())] == []
    config = Path(os.environ["SELLERTUI_CONFIG_DIR"])
    stored = files_under(data_dir, Path(os.environ["SELLERTUI_CACHE_DIR"]), config)
    assert any("backups" in p.parts for p in stored)  # backups were taken too
    found = [str(p) for p in stored if p.name != "secrets.toml" and leaks(p.read_bytes().decode("utf-8", "replace"))]
    assert found == []
    assert leaks((config / "secrets.toml").read_text()) == list(secrets)  # the one place they live (0600)

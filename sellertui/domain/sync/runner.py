"""``sellertui sync`` (and the app's sync-now worker): every chosen stream for every marketplace.

One sync at a time (``lock``); each stream and marketplace on its own, so one
failing does not stop the others, except Login with Amazon refusing the
credentials, which stops the run (nothing else can work). Errors are kept as
sentences with any secret or token cut out. The run's summary is recorded in
``sync_runs`` for the header status and the Today item.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Callable

from sellertui import clock
from sellertui.amazon import credentials as secrets
from sellertui.amazon.errors import AuthError, NotConnected
from sellertui.amazon.settings import ApiSettings
from sellertui.core.errors import UserError
from sellertui.domain.sync import state
from sellertui.domain.sync.confirmations import send_pending
from sellertui.domain.sync.context import RunContext
from sellertui.domain.sync.lock import SyncLock
from sellertui.domain.sync.orders_stream import sync_orders
from sellertui.domain.sync.plan import planned
from sellertui.domain.sync.reports_streams import sync_requested, sync_settlements
from sellertui.domain.sync.results import STREAMS, Progress, Step, StreamResult, SyncResult
from sellertui.domain.watch.sync_stream import sync_watch

RUNS: dict[str, Callable[[RunContext, StreamResult], None]] = {
    "orders": sync_orders, "settlements": sync_settlements, "inventory": sync_requested, "returns": sync_requested,
    "transactions": sync_requested, "business": sync_requested, "confirmations": send_pending,
    "watch": sync_watch,
}
NOT_CONNECTED = ("not connected to Seller Central: run `sellertui connect`, or set SELLERTUI_SP_CLIENT_ID, "
                 "SELLERTUI_SP_CLIENT_SECRET and SELLERTUI_SP_REFRESH_TOKEN")


def chosen_streams(only: list[str] | None) -> list[str]:
    if not only:
        return list(STREAMS)
    unknown = [s for s in only if s not in STREAMS]
    if unknown:
        raise UserError(f"unknown stream {', '.join(unknown)}; the streams are {', '.join(STREAMS)}")
    return [s for s in STREAMS if s in only]


def api_settings(shop) -> ApiSettings:
    return ApiSettings.from_section(shop.settings.section("amazon"), shop.settings.marketplace)


def sync(shop, only: list[str] | None = None, since: date | None = None, dry_run: bool = False,
         progress: Progress | None = None, sleep: Callable[[float], None] = time.sleep) -> SyncResult:
    """Run the sync; raises ``SyncBusy`` when another holds the lock and ``NotConnected`` without credentials."""
    streams = chosen_streams(only)
    settings = api_settings(shop)
    result = SyncResult(clock.stamp(), dry_run=dry_run)
    if dry_run:
        result.streams = planned(shop, settings, streams, since)
        result.finished_at = clock.stamp()
        return result
    creds = secrets.load()
    if creds is None:
        raise NotConnected(NOT_CONNECTED)
    from sellertui.amazon.client import SpApi
    from sellertui.amazon.orders import Orders
    from sellertui.amazon.reports import Reports

    with SyncLock(shop.store.layout.data_dir, shop.user), SpApi(settings, creds, sleep=sleep) as api:
        reports, orders = Reports(api, sleep=sleep), Orders(api)
        units = [(s, m) for s in streams for m in settings.marketplaces]
        for done, (stream, market) in enumerate(units):
            if progress is not None:
                progress(Step(stream, market.code, f"syncing {stream} ({market.code})", done / len(units)))
            unit = StreamResult(stream, market.code)
            result.streams.append(unit)
            if result.credentials_problem:
                unit.errors.append("skipped: the credentials were refused")
                continue
            run = RunContext(shop, api, reports, orders, settings, market, since)
            try:
                RUNS[stream](run, unit)
            except AuthError as exc:
                result.credentials_problem = str(exc)
                unit.errors.append(str(exc))
            except UserError as exc:
                unit.errors.append(secrets.redact(str(exc), creds))
            except Exception as exc:  # noqa: BLE001 - a bug in one stream must not stop the others (cron)
                unit.errors.append(secrets.redact(f"sellertui failed unexpectedly ({type(exc).__name__}: {exc})",
                                                  creds))
            for token in api.tokens.revealed():
                unit.errors = [e.replace(token, "…") for e in unit.errors]
            _remember(shop, unit)
        if progress is not None:
            progress(Step("", "", "done", 1.0))
    result.finished_at = clock.stamp()
    state.record_run(shop.store, result.run_record(shop.user))
    return result


def _remember(shop, unit: StreamResult) -> None:
    fields = {"last_run_at": clock.stamp(), "ok": unit.ok, "error": "; ".join(unit.errors)}
    if unit.ok:
        fields["last_ok_at"] = fields["last_run_at"]
    state.save_state(shop.store, unit.stream, unit.marketplace, f"sync of {unit.stream}", **fields)

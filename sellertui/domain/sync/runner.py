"""``sellertui sync`` (and the app's sync-now worker): every chosen stream for every marketplace.

One sync at a time (``lock``); each stream and marketplace on its own, so one
failing does not stop the others, except Login with Amazon refusing an API's
credentials, which stops that API's streams (nothing else of it can work).
The Seller Central streams need the SP-API's credentials, the ``ads`` stream
the Ads API's: without options a sync runs what is connected, and a stream
asked for by name needs its own. Errors are kept as sentences with any
secret or token cut out. The run's summary is recorded in ``sync_runs`` for
the header status and the Today item.
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from datetime import date
from typing import Callable

from sellertui import clock
from sellertui.amazon import credentials as secrets
from sellertui.amazon.errors import AuthError, NotConnected
from sellertui.amazon.settings import ApiSettings
from sellertui.core.errors import UserError
from sellertui.core.i18n import N_, _
from sellertui.domain.reviews.solicit import send_requests
from sellertui.domain.sync import state
from sellertui.domain.sync.ads_stream import NOT_CONNECTED as ADS_NOT_CONNECTED
from sellertui.domain.sync.ads_stream import planned_ads, sync_ads
from sellertui.domain.sync.confirmations import send_pending
from sellertui.domain.sync.context import RunContext
from sellertui.domain.sync.lock import SyncLock
from sellertui.domain.sync.orders_stream import sync_orders
from sellertui.domain.sync.plan import planned
from sellertui.domain.sync.reports_streams import sync_requested, sync_settlements
from sellertui.domain.sync.results import ADS_STREAMS, SP_STREAMS, STREAMS, Progress, Step, StreamResult, SyncResult
from sellertui.domain.sync.words import SKIPPED, UNEXPECTED, stream_name
from sellertui.domain.watch.sync_stream import sync_watch

RUNS: dict[str, Callable[[RunContext, StreamResult], None]] = {
    "orders": sync_orders, "settlements": sync_settlements, "inventory": sync_requested, "returns": sync_requested,
    "transactions": sync_requested, "business": sync_requested,
    "feedback": sync_requested, "confirmations": send_pending,
    "reviews": send_requests,
    "watch": sync_watch,
}
NOT_CONNECTED = N_("not connected to Seller Central: run `sellertui connect`, or set SELLERTUI_SP_CLIENT_ID, "
                   "SELLERTUI_SP_CLIENT_SECRET and SELLERTUI_SP_REFRESH_TOKEN")  # worded when raised


def chosen_streams(only: list[str] | None) -> list[str]:
    if not only:
        return list(STREAMS)
    unknown = [s for s in only if s not in STREAMS]
    if unknown:
        raise UserError(_("unknown stream {unknown}; the streams are {streams}").format(
            unknown=", ".join(unknown), streams=", ".join(STREAMS)))
    return [s for s in STREAMS if s in only]


def api_settings(shop) -> ApiSettings:
    return ApiSettings.from_section(shop.settings.section("amazon"), shop.settings.marketplace)


def connected_streams(streams: list[str], asked: bool) -> tuple[list[str], object, object]:
    """The streams to run with the credentials each API's need (SP, Ads); ``NotConnected`` names what is missing.

    Asked by name (``--only``), a stream needs its API's credentials; otherwise a
    sync runs what is connected, and needs at least one of the two.
    """
    sp = secrets.load(secrets.SP) if set(streams) & set(SP_STREAMS) else None
    ads = secrets.load(secrets.ADS) if set(streams) & set(ADS_STREAMS) else None
    if asked:
        if sp is None and set(streams) & set(SP_STREAMS):
            raise NotConnected(_(NOT_CONNECTED))
        if ads is None and set(streams) & set(ADS_STREAMS):
            raise NotConnected(_(ADS_NOT_CONNECTED))
    elif sp is None and ads is None:
        raise NotConnected(_(NOT_CONNECTED))
    kept = [s for s in streams if (s in SP_STREAMS and sp is not None) or (s in ADS_STREAMS and ads is not None)]
    return kept, sp, ads


def sync(shop, only: list[str] | None = None, since: date | None = None, dry_run: bool = False,
         progress: Progress | None = None, sleep: Callable[[float], None] = time.sleep) -> SyncResult:
    """Run the sync; raises ``SyncBusy`` when another holds the lock and ``NotConnected`` without credentials."""
    streams = chosen_streams(only)
    settings = api_settings(shop)
    result = SyncResult(clock.stamp(), dry_run=dry_run)
    if dry_run:  # what a sync would run: asked for by name, or what is connected (Seller Central by default)
        ads_on = bool(only) or secrets.load(secrets.ADS) is not None
        sp_on = bool(only) or not ads_on or secrets.load(secrets.SP) is not None
        result.streams = planned(shop, settings, [s for s in streams if s in SP_STREAMS and sp_on], since)
        result.streams += [planned_ads(shop, settings, since)] if "ads" in streams and ads_on else []
        result.finished_at = clock.stamp()
        return result
    streams, sp_creds, ads_creds = connected_streams(streams, bool(only))
    from sellertui.amazon.ads.client import AdsApi
    from sellertui.amazon.client import SpApi
    from sellertui.amazon.orders import Orders
    from sellertui.amazon.reports import Reports

    with SyncLock(shop.store.layout.data_dir, shop.user), ExitStack() as stack:
        sp_api = stack.enter_context(SpApi(settings, sp_creds, sleep=sleep)) if sp_creds else None
        ads_api = stack.enter_context(AdsApi(settings, ads_creds, sleep=sleep)) if ads_creds else None
        reports, orders = (Reports(sp_api, sleep=sleep), Orders(sp_api)) if sp_api else (None, None)
        units = [(s, m) for s in streams if s in SP_STREAMS for m in settings.marketplaces]
        units += [("ads", None)] if "ads" in streams else []
        refused: dict[str, str] = {}  # the API whose credentials Login with Amazon refused -> why
        for done, (stream, market) in enumerate(units):
            vault = secrets.ADS if stream in ADS_STREAMS else secrets.SP
            where = market.code if market else _("the advertiser profile")
            if progress is not None:
                progress(Step(stream, market.code if market else "",
                              _("syncing {stream} ({where})").format(stream=stream_name(stream), where=where),
                              done / len(units)))
            unit = StreamResult(stream, market.code if market else shop.settings.marketplace)
            result.streams.append(unit)
            if vault.section in refused:
                unit.errors.append(SKIPPED)  # stored English, shown translated
                continue
            creds, api = (ads_creds, ads_api) if stream in ADS_STREAMS else (sp_creds, sp_api)
            try:
                if stream in ADS_STREAMS:
                    sync_ads(shop, ads_api, settings, since, unit, sleep)
                else:
                    RUNS[stream](RunContext(shop, sp_api, reports, orders, settings, market, since), unit)
            except AuthError as exc:
                refused[vault.section] = str(exc)
                unit.errors.append(str(exc))
            except UserError as exc:
                unit.errors.append(secrets.redact(str(exc), creds))
            except Exception as exc:  # noqa: BLE001 - a bug in one stream must not stop the others (cron)
                unit.errors.append(secrets.redact(UNEXPECTED.format(error=f"{type(exc).__name__}: {exc}"), creds))
            for token in api.tokens.revealed():
                unit.errors = [e.replace(token, "…") for e in unit.errors]
            _remember(shop, unit)
        result.credentials_problem = "; ".join(refused.values()) or None
        if progress is not None:
            progress(Step("", "", _("done"), 1.0))
    result.finished_at = clock.stamp()
    state.record_run(shop.store, result.run_record(shop.user))
    return result


def _remember(shop, unit: StreamResult) -> None:
    fields = {"last_run_at": clock.stamp(), "ok": unit.ok, "error": "; ".join(unit.errors)}
    if unit.ok:
        fields["last_ok_at"] = fields["last_run_at"]
    state.save_state(shop.store, unit.stream, unit.marketplace, f"sync of {unit.stream}", **fields)

"""What the header, the Today item and ``sellertui sync --status`` show: how fresh the data is, what failed.

Cheap and offline: it reads the store (the last run, the per-stream state,
the outbox) and the lock file, never the network, httpx or the keyring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sellertui import clock
from sellertui.core.i18n import _, ngettext
from sellertui.domain.sync import state
from sellertui.domain.sync.confirmations import FAILED, PENDING, Confirmation, confirmations
from sellertui.domain.sync.lock import holder


@dataclass(frozen=True)
class StreamStatus:
    stream: str
    marketplace: str
    ok: bool
    last_run_at: str
    last_ok_at: str
    error: str
    checkpoints: dict

    def as_json(self) -> dict:
        return {"stream": self.stream, "marketplace": self.marketplace, "ok": self.ok,
                "last_run_at": self.last_run_at, "last_ok_at": self.last_ok_at, "error": self.error,
                "checkpoints": self.checkpoints}


@dataclass
class SyncStatus:
    connected: bool  # credentials in the environment or secrets.toml, or a sync has run (keyring not asked)
    last_sync_at: str | None = None
    last_ok: bool | None = None
    new_orders: int = 0  # added by the last sync
    settlements: int = 0  # settlement reports the last sync downloaded
    credentials_problem: str | None = None  # Login with Amazon refused the credentials at the last sync
    streams: list[StreamStatus] = field(default_factory=list)
    running: dict | None = None  # who holds the sync lock now
    pending_confirmations: list[Confirmation] = field(default_factory=list)
    failed_confirmations: list[Confirmation] = field(default_factory=list)

    @property
    def failing(self) -> list[StreamStatus]:
        return [s for s in self.streams if not s.ok]

    def header(self, now: datetime | None = None) -> str:
        """``synced 7 min ago · 2 new orders · 1 settlement`` (or what is wrong), for the app's header."""
        if self.running:
            return _("syncing…")
        if not self.last_sync_at:
            return _("not synced yet") if self.connected else ""
        parts = [_("synced {ago}").format(ago=ago(self.last_sync_at, now or clock.now()))]
        if self.new_orders:
            parts.append(ngettext("{n} new order", "{n} new orders", self.new_orders).format(n=self.new_orders))
        if self.settlements:
            parts.append(ngettext("{n} settlement", "{n} settlements", self.settlements).format(n=self.settlements))
        if self.credentials_problem:
            parts.append(_("credentials refused"))
        elif self.failing:
            parts.append(ngettext("{n} stream failed", "{n} streams failed", len(self.failing)).format(
                n=len(self.failing)))
        if self.failed_confirmations:
            parts.append(_("{n} confirmation(s) refused").format(n=len(self.failed_confirmations)))
        return " · ".join(parts)

    def as_json(self) -> dict:
        return {"connected": self.connected, "last_sync_at": self.last_sync_at, "last_ok": self.last_ok,
                "new_orders": self.new_orders, "settlements": self.settlements,
                "credentials_problem": self.credentials_problem, "running": self.running,
                "streams": [s.as_json() for s in self.streams],
                "pending_confirmations": [c.as_json() for c in self.pending_confirmations],
                "failed_confirmations": [c.as_json() for c in self.failed_confirmations], "header": self.header()}


def ago(stamp: str, now: datetime) -> str:
    try:
        seconds = (now - datetime.fromisoformat(stamp)).total_seconds()
    except (ValueError, TypeError):
        return _("at {stamp}").format(stamp=stamp)
    minutes = max(0, int(seconds // 60))
    if minutes < 1:
        return _("just now")
    if minutes < 60:
        return _("{n} min ago").format(n=minutes)
    if minutes < 48 * 60:
        return _("{n} h ago").format(n=minutes // 60)
    return _("{n} days ago").format(n=minutes // 1440)


def _connected() -> bool:
    from sellertui.amazon.credentials import ADS, SP, in_file_or_environment

    return in_file_or_environment(SP) or in_file_or_environment(ADS)


def sync_status(shop) -> SyncStatus:
    store = shop.store
    runs = state.last_runs(store, 1)
    status = SyncStatus(_connected() or bool(runs))
    if runs:
        run = runs[0]
        status.last_sync_at = run.get("finished_at") or run.get("started_at")
        status.last_ok = bool(run.get("ok"))
        status.credentials_problem = run.get("credentials_problem")
        for unit in run.get("streams", []):
            if unit.get("stream") == "orders":
                status.new_orders += int(unit.get("new") or 0)
            elif unit.get("stream") == "settlements":
                status.settlements += int(unit.get("reports") or 0)
    for record in sorted(store["sync_state"].rows(), key=lambda r: r["id"]):
        if "last_run_at" in record:
            status.streams.append(StreamStatus(record.get("stream", ""), record.get("marketplace", ""),
                                               bool(record.get("ok")), record.get("last_run_at", ""),
                                               record.get("last_ok_at", ""), record.get("error", ""),
                                               record.get("checkpoints", {})))
    status.running = holder(store.layout.data_dir)
    waiting = confirmations(shop)
    status.pending_confirmations = [c for c in waiting if c.status == PENDING]
    status.failed_confirmations = [c for c in waiting if c.status == FAILED]
    return status

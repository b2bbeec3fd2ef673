"""What the sync remembers in the store: checkpoints, reports handled, and each run's result.

``sync_state`` holds one record per stream and marketplace (``orders|US``):
``checkpoints`` (per report type, or ``orders``: how far the data goes),
``pending`` (a requested report not ready yet, polled again by the next sync
instead of asked for twice), and the last result. A checkpoint is only ever
written by ``advance``, a hook that ``importers.pipeline.write_report`` runs
inside the transaction of the records it covers: a kill -9 leaves both or
neither. ``sync_reports`` remembers each report id handled (a settlement is
downloaded once); ``sync_runs`` one summary per run, the newest 200 kept.
"""

from __future__ import annotations

from typing import Callable

KEEP_RUNS = 200


def state_id(stream: str, marketplace: str) -> str:
    return f"{stream}|{marketplace}"


def read_state(store, stream: str, marketplace: str) -> dict:
    return store["sync_state"].get(state_id(stream, marketplace)) or {}


def _merge_into(tx, collection: str, record_id: str, change: Callable[[dict], dict]) -> None:
    current = tx[collection].get(record_id) or {"id": record_id}
    tx[collection].upsert_many([change({k: v for k, v in current.items() if not k.startswith("_")})])


def _changed_state(stream: str, marketplace: str, checkpoints: dict | None = None, pending: dict | None = None,
                   done_pending: tuple[str, ...] = (), **fields) -> Callable[[dict], dict]:
    def change(record: dict) -> dict:
        record.update(stream=stream, marketplace=marketplace, **fields)
        record["checkpoints"] = {**record.get("checkpoints", {}), **(checkpoints or {})}
        waiting = {**record.get("pending", {}), **(pending or {})}
        for report_type in done_pending:
            waiting.pop(report_type, None)
        record["pending"] = waiting
        return record

    return change


def advance(stream: str, marketplace: str, checkpoints: dict | None = None, report: dict | None = None,
            done_pending: tuple[str, ...] = ()) -> Callable[[object], None]:
    """A write hook for ``write_report``: the checkpoint (and the report handled) with the records."""

    def write(tx) -> None:
        _merge_into(tx, "sync_state", state_id(stream, marketplace),
                    _changed_state(stream, marketplace, checkpoints, done_pending=done_pending))
        if report is not None:
            _merge_into(tx, "sync_reports", report["id"], lambda r: {**r, **report})

    return write


def save_state(store, stream: str, marketplace: str, note: str, checkpoints: dict | None = None,
               pending: dict | None = None, done_pending: tuple[str, ...] = (), report: dict | None = None,
               **fields) -> None:
    """State on its own (a report requested, a result): one small transaction, not in the activity feed."""
    with store.transaction(note, log=False) as tx:
        _merge_into(tx, "sync_state", state_id(stream, marketplace),
                    _changed_state(stream, marketplace, checkpoints, pending, done_pending, **fields))
        if report is not None:
            _merge_into(tx, "sync_reports", report["id"], lambda r: {**r, **report})


def handled_reports(store, report_ids: list[str]) -> dict[str, dict]:
    view = store["sync_reports"]
    return {i: doc for i in report_ids if (doc := view.get(i)) is not None}


def record_run(store, run: dict) -> None:
    """One run's summary; the oldest beyond ``KEEP_RUNS`` go."""
    with store.transaction("recorded a Seller Central sync", log=False) as tx:
        runs = tx["sync_runs"]
        runs.insert(run)
        old = sorted(runs.all(), key=lambda r: (r.get("started_at", ""), r["id"]))[:-KEEP_RUNS]
        for doc in old:
            runs.delete(doc["id"])


def last_runs(store, n: int = 1) -> list[dict]:
    """The newest runs first."""
    runs = store["sync_runs"].all()
    return sorted(runs, key=lambda r: (r.get("started_at", ""), r["id"]), reverse=True)[:n]

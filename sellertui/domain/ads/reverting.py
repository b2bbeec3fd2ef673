"""Applied changes taken back through the Ads API, by the reverse change.

What was created (a keyword, a negative, a product target) is archived; a bid
is set back to the bid it replaced. Each reverse item's result goes into the
change's record beside the item it takes back; when every item is taken back
the change is ``undone`` (it stays in the ledger, and the rules may propose
its term again). A dry run says what would be sent and sends nothing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from sellertui.core.i18n import _, shown
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.domain.ads.api_items import Item, NotByApi, reverse_of
from sellertui.domain.ads.applying import Progress, ads_client, send
from sellertui.domain.ads.decisions import APPLIED, COLLECTION, FAILED, UNDONE


@dataclass
class Reversal:
    record: dict
    items: list[tuple[str, Item]]  # (the key of the item it takes back, the reverse item)


@dataclass
class RevertResult:
    reversals: list[Reversal] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # why some could not be taken back
    dry_run: bool = False
    undone: list[dict] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.refused

    def lines(self) -> list[str]:
        lines = []
        for r in self.reversals:
            lines.append(f"{shown(r.record.get('kind'))} '{r.record.get('term')}':")
            lines += [f"  {item.words}" for _key, item in r.items]
        return lines + [_("not taken back: {why}").format(why=why) for why in self.refused]

    def outcomes(self) -> list[str]:
        """After sending: each change, and each reverse item taken or refused with Amazon's reason."""
        lines = []
        for r in self.reversals:
            lines.append(f"{shown(r.record.get('status'))}: {shown(r.record.get('kind'))} '{r.record.get('term')}'")
            entries = {e["key"]: e for e in r.record.get("api") or []}
            for key, item in r.items:
                entry = entries.get(key, {})
                outcome = _("done") if entry.get("reverted_at") else \
                    _("Amazon refused it: {error}").format(error=entry.get("revert_error") or _("no answer"))
                lines.append(f"  {item.words}: {outcome}")
        return lines + [_("not taken back: {why}").format(why=why) for why in self.refused]

    def summary(self) -> str:
        if self.dry_run:
            text = _("would take back {n} change(s)").format(n=len(self.reversals))
        else:
            text = _("took back {n} change(s) through the Ads API").format(n=len(self.undone))
            if self.failed:
                text += _("; Amazon refused part of ") + "; ".join(
                    f"'{r.get('term')}': {r.get('revert_error')}" for r in self.failed[:3])
        return text + (f"; {'; '.join(self.refused[:3])}" if self.refused else "")

    def as_json(self) -> dict:
        return {"dry_run": self.dry_run, "changes": [{"id": r.record["id"], "term": r.record.get("term"),
                                                      "items": [i.as_json() for _, i in r.items]}
                                                     for r in self.reversals],
                "refused": self.refused, "undone": [r["id"] for r in self.undone],
                "failed": [{"id": r["id"], "error": r.get("revert_error")} for r in self.failed]}


def planned(store, record_ids: list[str]) -> RevertResult:
    result = RevertResult()
    col = store[COLLECTION]
    for record_id in record_ids:
        record = col.get(record_id)
        if record is None:
            result.refused.append(_("no ad decision {id}").format(id=record_id))
            continue
        label = _("{kind} '{term}'").format(kind=shown(record.get("kind")), term=record.get("term"))
        if record.get("status") not in (APPLIED, FAILED):
            result.refused.append(_("{change} is {status}, not applied through the Ads API").format(
                change=label, status=shown(record.get("status"))))
            continue
        try:
            items = [(e["key"], reverse_of(e, record)) for e in record.get("api") or []
                     if e.get("id") and not e.get("reverted_at")]
        except NotByApi as exc:
            result.refused.append(_("{change}: {reason}").format(change=label, reason=exc))
            continue
        items = [(key, item) for key, item in items if item is not None]
        if items:
            result.reversals.append(Reversal(record, items))
    return result


def _write(store, batch: list, results: list, user: str) -> None:
    stamp = clock.stamp()
    with store.transaction("took back ad changes through the Ads API") as tx:
        col = tx[COLLECTION]
        for ((reversal, key), _item), outcome in zip(batch, results):
            record = col.get(reversal.record["id"])
            if record is None:
                continue
            entries = [dict(e, **({"reverted_at": stamp, "revert_error": ""} if outcome.ok else
                                  {"revert_error": outcome.error})) if e["key"] == key else e
                       for e in record.get("api") or []]
            left = [e for e in entries if e.get("id") and not e.get("reverted_at")]
            changes = {"api": entries, "revert_error": "; ".join(e["revert_error"] for e in left
                                                                  if e.get("revert_error"))}
            if not left:
                changes.update(status=UNDONE, undone_at=stamp, undone_by=user)
            reversal.record = col.update(record["id"], changes)


def revert(shop, record_ids: list[str], dry_run: bool = False, progress: Progress | None = None,
           sleep: Callable[[float], None] = time.sleep) -> RevertResult:
    """Take applied changes back (a dry run says how and sends nothing)."""
    from sellertui.domain.sync.lock import SyncLock

    if not record_ids:
        raise UserError(_("name the applied changes to take back (their ids, from the ledger export)"))
    if dry_run:
        return RevertResult(**{**planned(shop.store, record_ids).__dict__, "dry_run": True})
    with SyncLock(shop.store.layout.data_dir, shop.user, "sellertui ads revert"), ads_client(shop, sleep) as api:
        result = planned(shop.store, record_ids)
        groups: dict[tuple[str, str], list] = {}
        for reversal in result.reversals:
            for key, item in reversal.items:
                groups.setdefault((item.entity, item.verb), []).append(((reversal, key), item))
        send(api, shop.store, groups, lambda store, batch, results: _write(store, batch, results, shop.user),
             progress)
    for reversal in result.reversals:
        (result.undone if reversal.record.get("status") == UNDONE else result.failed).append(reversal.record)
    return result

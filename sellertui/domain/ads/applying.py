"""Approved changes sent through the Ads API, and applied ones taken back; a dry run first, results in the ledger.

- ``plan(store)``: what would be sent: every approved change whose ids are
  known (and, of a change Amazon refused in part, the items still not done),
  as the API items that make the same change as the bulk file. Nothing else:
  rejected, exported and applied changes never go.
- ``apply_approved(shop)``: sends the plan in batches under the sync lock (one
  sender at a time, and never beside a sync); each batch's results go into the
  changes' ``ad_actions`` records as they come (``api``: each item with its
  new id or Amazon's reason). Every item done: ``applied``; one refused:
  ``failed`` (sent again by the next apply, or undone). A kill mid-way loses
  at most the answer of the batch in flight.
- taking an applied change back is ``reverting``'s.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Callable

from sellertui.core.i18n import _, shown
from sellertui import clock
from sellertui.domain.ads import bulk, decisions
from sellertui.domain.ads.api_items import Item, NotByApi, item_for
from sellertui.domain.ads.decisions import APPLIED, APPROVED, COLLECTION, FAILED, IN_AMAZON

Progress = Callable[[int, int], None]  # (items done, items in all)


def key_of(item: Item) -> str:
    return json.dumps([item.entity, item.verb, item.body], sort_keys=True)


@dataclass
class Planned:
    record: dict
    items: list[Item]  # still to send
    needed: int  # items the whole change takes (done before and to send now)
    after: list[Item] = field(default_factory=list)  # sent once ``items`` are all in (a harvest's negative)

    def waiting(self) -> list[Item]:
        return self.items + self.after

    def done(self) -> bool:
        keys = {e["key"] for e in self.record.get("api") or [] if e.get("id")}
        return all(key_of(i) in keys for i in self.items)


@dataclass
class ApplyPlan:
    changes: list[Planned] = field(default_factory=list)
    held: list[tuple[dict, str]] = field(default_factory=list)

    @property
    def items(self) -> int:
        return sum(len(p.waiting()) for p in self.changes)

    def lines(self) -> list[str]:
        lines = []
        for p in self.changes:
            r = p.record
            lines.append(f"{shown(r.get('kind'))} '{r.get('term')}' ({r.get('campaign')} › {r.get('ad_group')}):")
            lines += [f"  {item.words}" for item in p.items]
            lines += [_("  then, once that is in: {words}").format(words=item.words) for item in p.after]
        lines += [_("held back: {kind} '{term}': {why}").format(kind=shown(r.get("kind")), term=r.get("term"), why=why)
                  for r, why in self.held]
        return lines

    def as_json(self) -> dict:
        return {"changes": [{"id": p.record["id"], "kind": p.record.get("kind"), "term": p.record.get("term"),
                             "items": [i.as_json() for i in p.waiting()]} for p in self.changes],
                "held": [{"id": r["id"], "kind": r.get("kind"), "term": r.get("term"), "why": why}
                         for r, why in self.held]}


@dataclass
class ApplyResult:
    plan: ApplyPlan
    dry_run: bool = False
    applied: list[dict] = field(default_factory=list)  # records all of whose items Amazon accepted
    failed: list[dict] = field(default_factory=list)  # records Amazon refused an item of

    @property
    def ok(self) -> bool:
        return not self.failed and not self.plan.held

    def lines(self) -> list[str]:
        """The dry run: each change and the items that make it."""
        return self.plan.lines()

    def summary(self) -> str:
        if self.dry_run:
            text = _("would send {items} item(s) for {changes} approved change(s)").format(
                items=self.plan.items, changes=len(self.plan.changes))
        elif not self.plan.changes:
            text = _("no approved changes to send")
        else:
            text = _("applied {n} change(s) through the Ads API").format(n=len(self.applied))
            if self.failed:
                reasons = "; ".join(f"'{r.get('term')}': {r.get('api_error')}" for r in self.failed[:3])
                text += _("; Amazon refused part of {n}: {reasons}").format(n=len(self.failed), reasons=reasons)
        if self.plan.held:
            text += _("; {n} held back (see the dry run)").format(n=len(self.plan.held))
        return text

    def outcomes(self) -> list[str]:
        """After sending: each change, and each item with its new id or Amazon's reason."""
        lines = []
        for p in self.plan.changes:
            r = p.record
            lines.append(f"{shown(r.get('status'))}: {shown(r.get('kind'))} '{r.get('term')}' ({r.get('campaign')} › "
                         f"{r.get('ad_group')})")
            sent = {e["key"]: e for e in r.get("api") or []}
            for item in p.waiting():
                entry = sent.get(key_of(item))
                outcome = (_("not sent: it goes once the item before it is in") if entry is None else
                           _("new id {id}").format(id=entry["id"]) if entry.get("id") else
                           _("Amazon refused it: {error}").format(error=entry.get("error")))
                lines.append(f"  {item.words}: {outcome}")
        return lines

    def as_json(self) -> dict:
        return {"dry_run": self.dry_run, "ok": self.ok, **self.plan.as_json(),
                "applied": [r["id"] for r in self.applied],
                "failed": [{"id": r["id"], "term": r.get("term"), "error": r.get("api_error")} for r in self.failed]}


def plan(store) -> ApplyPlan:
    """Every approved change (and the undone items of one refused in part) as the items to send."""
    records = decisions.load(store)
    found = bulk.plan([r for r in records if r.get("status") in (APPROVED, FAILED)],
                      [r for r in records if r.get("status") in IN_AMAZON])
    result = ApplyPlan(held=list(found.held))
    for change in found.changes:
        record = change.record
        try:
            items = [item_for(row, record.get("currency", "USD")) for row in change.rows]
        except NotByApi as exc:
            result.held.append((record, str(exc)))
            continue
        done = {e["key"] for e in record.get("api") or [] if e.get("id")}
        waiting = [i for i in items if key_of(i) not in done]
        if len(waiting) == 2 and record.get("kind") == "harvest":  # negate the source only once the term is in
            result.changes.append(Planned(record, waiting[:1], len(items), waiting[1:]))
        elif waiting:
            result.changes.append(Planned(record, waiting, len(items)))
    return result


def _status(entries: list[dict], needed: int) -> str:
    if sum(1 for e in entries if e.get("id")) >= needed:
        return APPLIED
    return FAILED if any(e.get("error") for e in entries) else APPROVED


def _write(store, sent: list[tuple[Planned, Item]], results: list, user: str, note: str) -> None:
    """One batch's results into its changes' records (a record a teammate removed meanwhile is put back)."""
    stamp = clock.stamp()
    with store.transaction(note) as tx:
        col = tx[COLLECTION]
        for (planned, item), result in zip(sent, results):
            record = col.get(planned.record["id"]) or col.insert({**planned.record})
            key = key_of(item)
            entries = [e for e in record.get("api") or [] if e["key"] != key]
            entries.append({"key": key, "entity": item.entity, "verb": item.verb, "item": item.body,
                            "what": item.words, "id": result.id if result.ok else "",
                            "error": "" if result.ok else result.error, "at": stamp})
            status = _status(entries, planned.needed)
            changes = {"api": entries, "status": status, "api_needed": planned.needed,
                       "api_error": "; ".join(dict.fromkeys(e["error"] for e in entries if e["error"] and not e["id"])),
                       "amazon_ids": " ".join(e["id"] for e in entries if e["id"])}
            if status == APPLIED:
                changes.update(applied_at=stamp, applied_by=user)
            planned.record = col.update(record["id"], changes)


def ads_client(shop, sleep: Callable[[float], None]):
    """The Ads API client for the connected profile; ``NotConnected`` says the bulk file is the other way."""
    from sellertui.amazon import credentials as secrets
    from sellertui.amazon.ads.client import AdsApi
    from sellertui.amazon.errors import NotConnected
    from sellertui.domain.sync.ads_stream import NOT_CONNECTED
    from sellertui.domain.sync.runner import api_settings

    creds = secrets.load(secrets.ADS)
    if creds is None:
        raise NotConnected(_("{not_connected}; without it, export the approved changes as a bulk file (b)").format(
            not_connected=_(NOT_CONNECTED)))
    return AdsApi(api_settings(shop), creds, sleep=sleep)


def send(api, store, groups: dict[tuple[str, str], list], write: Callable, progress: Progress | None) -> None:
    """Each (entity, verb) group of (context, item) in batches; ``write(store, batch, results)`` keeps each
    batch's results before the next batch goes."""
    from sellertui.amazon.ads import changes

    total, done = sum(len(m) for m in groups.values()), 0
    for (entity, verb), members in groups.items():
        for start in range(0, len(members), changes.BATCH):
            batch = members[start:start + changes.BATCH]
            results = changes.send(api, entity, verb, [item.body for _, item in batch])
            write(store, batch, results)
            done += len(batch)
            if progress is not None:
                progress(done, total)


def apply_approved(shop, dry_run: bool = False, progress: Progress | None = None,
                   sleep: Callable[[float], None] = time.sleep) -> ApplyResult:
    """Send every approved change (a dry run says what would go and sends nothing)."""
    from sellertui.domain.sync.lock import SyncLock

    if dry_run:
        return ApplyResult(plan(shop.store), dry_run=True)
    with SyncLock(shop.store.layout.data_dir, shop.user, "sellertui ads apply"), ads_client(shop, sleep) as api:
        the_plan = plan(shop.store)  # read again under the lock: a teammate may have sent or exported some
        note = _("applied {n} ad change(s) through the Ads API").format(n=len(the_plan.changes))
        answered, total = 0, the_plan.items  # counted over both phases (an item left waiting is never counted)
        for phase in ("items", "after"):
            groups: dict[tuple[str, str], list] = {}
            for planned in the_plan.changes:
                if phase == "items" or planned.done():
                    for item in getattr(planned, phase):
                        groups.setdefault((item.entity, item.verb), []).append((planned, item))
            step = None if progress is None else lambda done, _, before=answered: progress(before + done, total)
            send(api, shop.store, groups, lambda store, batch, results: _write(store, batch, results, shop.user, note),
                 step)
            answered += sum(len(members) for members in groups.values())
    result = ApplyResult(the_plan)
    for planned in the_plan.changes:
        (result.applied if planned.record.get("status") == APPLIED else result.failed).append(planned.record)
    return result

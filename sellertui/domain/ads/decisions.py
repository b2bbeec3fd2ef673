"""What the user decided about proposals: approvals, rejections, exports (collection ``ad_actions``).

``ad_actions`` records (uid ids): the proposal as it was decided (its fields, numbers
at the time, ``key`` and ``fingerprint``) plus status (approved → exported or applied,
or rejected), decided_at, decided_by, and exported_at, export_file once exported, or
applied_at and ``api`` (each item sent with its id or Amazon's reason) once applied
through the Ads API (``failed`` when Amazon refused part of it; ``undone`` when taken
back by the reverse change).

- an approval waits for export or the API; ``undo`` deletes it until then (exported
  changes live in Amazon and are undone there; applied ones by ``reverting``);
- a rejection hides the proposal while its fingerprint (its numbers) is the same;
  undoing a rejection brings the proposal back;
- an exported negation or harvest is never proposed again; an exported bid
  becomes the keyword's current bid, and only later rows count for the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.domain.ads.proposal import Proposal, proposal_key
from sellertui.core.errors import UserError
from sellertui.store.errors import Conflict

COLLECTION = "ad_actions"
TRANSIENT = ("status", "action_id", "action_rev", "rejected_before")
APPROVED, REJECTED, EXPORTED = "approved", "rejected", "exported"
APPLIED, FAILED, UNDONE = "applied", "failed", "undone"  # sent by API; refused in part; reversed by API
IN_AMAZON = (EXPORTED, APPLIED)  # changes that live in the ads account now


class DecisionError(UserError):
    pass


@dataclass
class Outcome:
    done: list[dict] = field(default_factory=list)  # the records written
    skipped: list[str] = field(default_factory=list)  # why some were not

    def summary(self, done: str) -> str:
        """``done``: the whole sentence of what was done, translated, with ``{n}`` for how many ('Approved {n}')."""
        text = done.format(n=len(self.done))
        if self.skipped:
            text += "; " + _("{n} skipped: {why}").format(n=len(self.skipped), why="; ".join(self.skipped[:3]))
            if len(self.skipped) > 3:
                text += " " + _("(+{n} more)").format(n=len(self.skipped) - 3)
        return text


def record_of(p: Proposal, status: str, user: str) -> dict:
    data = {f.name: getattr(p, f.name) for f in fields(Proposal) if f.name not in TRANSIENT}
    data.update(key=p.key, fingerprint=p.fingerprint, status=status, decided_at=clock.stamp(), decided_by=user)
    return data


def _label(p: Proposal) -> str:
    return f"{p.kind} '{p.term}' in {p.ad_group}"


WAITING = (APPROVED, FAILED)  # to send (a failed one: the items Amazon refused, again)
LIVE = (*WAITING, *IN_AMAZON)  # decided and not taken back


def _live(records: dict) -> dict[str, dict]:
    """Approved, sent or exported records by key (what must not be approved twice)."""
    return {r["key"]: r for r in records.values() if r.get("status") in LIVE
            and not (r.get("kind") == "bid" and r.get("status") in IN_AMAZON)}


def approve(store, proposals: list[Proposal], user: str | None = None) -> Outcome:
    """Approve proposals (as they stand, edits included); a teammate's earlier approval wins."""
    outcome = Outcome()
    with store.transaction(f"approved {len(proposals)} ad proposal(s)") as tx:
        col = tx[COLLECTION]
        live = _live(col.docs())
        for p in proposals:
            if p.status == "approved":
                outcome.skipped.append(_("{p} is already approved").format(p=_label(p)))
                continue
            if p.key in live:
                other = live[p.key]
                outcome.skipped.append(_("{p} was already {status} by {decided_by}").format(p=_label(p), status=other['status'], decided_by=other.get('decided_by', '?')))
                continue
            if p.kind == "harvest" and not p.dest_campaign:
                outcome.skipped.append(_("{p} needs a campaign to go to: choose one with e").format(p=_label(p)))
                continue
            record = col.insert(record_of(p, "approved", tx.user))
            live[p.key] = record
            outcome.done.append(record)
    return outcome


def save_edit(store, p: Proposal, changes: dict, user: str | None = None) -> dict:
    """Approve one proposal with the user's changes (or change an approval not yet exported)."""
    allowed = {"new_bid_minor", "dest_campaign", "dest_campaign_id", "dest_ad_group", "dest_ad_group_id",
               "negate_level", "negate_match"}
    unknown = set(changes) - allowed
    if unknown:
        raise DecisionError(_("cannot change {unknown} of a proposal").format(unknown=', '.join(sorted(unknown))))
    with store.transaction(f"edited and approved {p.kind} '{p.term}'") as tx:
        col = tx[COLLECTION]
        if p.status == "approved" and p.action_id:
            current = col.get(p.action_id)
            if current is None or current.get("status") != "approved":
                raise DecisionError(_("{p} was exported or undone meanwhile; reload (r)").format(p=_label(p)))
            return col.update(p.action_id, {**changes, "decided_at": clock.stamp(), "decided_by": tx.user},
                              expect_rev=p.action_rev)
        live = _live(col.docs())
        if p.key in live:
            raise DecisionError(_("{p} was already {status} by {decided_by}").format(p=_label(p), status=live[p.key]['status'], decided_by=live[p.key].get('decided_by')))
        record = record_of(p, "approved", tx.user)
        record.update(changes)
        return col.insert(record)


def reject(store, proposals: list[Proposal]) -> Outcome:
    """Remember rejections with the numbers they were made on (an older rejection of the same key is replaced)."""
    outcome = Outcome()
    with store.transaction(f"rejected {len(proposals)} ad proposal(s)") as tx:
        col = tx[COLLECTION]
        for p in proposals:
            if p.status == "approved":
                outcome.skipped.append(_("{p} is approved: undo it first (u)").format(p=_label(p)))
                continue
            for old in [r for r in col.docs().values() if r.get("key") == p.key and r.get("status") == "rejected"]:
                col.delete(old["id"])
            outcome.done.append(col.insert(record_of(p, "rejected", tx.user)))
    return outcome


def undo(store, refs: list[tuple[str, int | None]]) -> Outcome:
    """Take back approvals not yet exported, or forget rejections; ``refs`` are (record id, revision)."""
    outcome = Outcome()
    with store.transaction(f"undid {len(refs)} ad decision(s)") as tx:
        col = tx[COLLECTION]
        for record_id, rev in refs:
            current = col.get(record_id)
            if current is None:
                outcome.skipped.append(_("one was already undone"))
                continue
            label = f"{current.get('kind')} '{current.get('term')}'"
            if current.get("status") == EXPORTED:
                outcome.skipped.append(_("{label} was exported on {exported_at}: change it back in Amazon")
                                           .format(label=label, exported_at=current.get('exported_at', '')[:10]))
                continue
            if current.get("status") in (APPLIED, FAILED):
                outcome.skipped.append(_("{label} was sent through the Ads API: take it back with U (or `sellertui ads "
                                         "revert {record_id}`)")
                                           .format(label=label, record_id=record_id))
                continue
            if current.get("status") == UNDONE:
                outcome.skipped.append(_("{label} was already taken back").format(label=label))
                continue
            try:
                col.delete(record_id, expect_rev=rev)
            except Conflict:
                outcome.skipped.append(_("{label} was changed by {by} meanwhile")
                                           .format(label=label, by=current.get('_by', 'someone')))
                continue
            outcome.done.append(current)
    return outcome


def load(store) -> list[dict]:
    return list(store[COLLECTION].docs().values())


def apply(proposals: list[Proposal], records: list[dict]) -> list[Proposal]:
    """Proposals as the decisions leave them: approved ones marked, settled or rejected ones hidden.

    Approvals whose proposal no longer comes up (the numbers moved) are still
    listed, from their record, so everything waiting for export is in one place.
    """
    approved = {r["key"]: r for r in records if r.get("status") in WAITING}
    settled = {r["key"] for r in records if r.get("status") in IN_AMAZON and r.get("kind") != "bid"}
    # a harvest also negates its source: no separate negation of the same term there
    settled |= {proposal_key("negate", r.get("campaign", ""), r.get("ad_group", ""), r.get("match_type", ""),
                             r.get("term", "")) for r in records
                if r.get("kind") == "harvest" and r.get("status") in LIVE}
    rejected = {r["key"]: r for r in records if r.get("status") == "rejected"}
    shown: list[Proposal] = []
    for p in proposals:
        if p.key in settled:
            continue
        if p.key in approved:
            continue  # shown from its record below, with the user's edits
        old = rejected.get(p.key)
        if old is not None:
            if old.get("fingerprint") == p.fingerprint:
                continue
            p.rejected_before = True
        shown.append(p)
    for record in sorted(approved.values(), key=lambda r: r.get("decided_at", "")):
        p = Proposal.from_record(record)
        p.status, p.action_id, p.action_rev = APPROVED, record["id"], record.get("_rev")
        shown.append(p)
    return shown


def bid_changes(records: list[dict]) -> dict[str, tuple[str, int]]:
    """Exported or applied bid changes by keyword key: (the day it went out, the bid it set), latest wins."""
    found: dict[str, tuple[str, int]] = {}

    def sent(r: dict) -> str:
        return r.get("exported_at") or r.get("applied_at") or r.get("decided_at") or ""

    for r in sorted((r for r in records if r.get("kind") == "bid" and r.get("status") in IN_AMAZON), key=sent):
        if r.get("new_bid_minor") is not None:
            found[r["key"]] = (sent(r)[:10], int(r["new_bid_minor"]))
    return found


def harvested(records: list[dict]) -> dict[str, str]:
    """Terms (lower case) an approved or exported harvest added as keywords or product targets -> where."""
    return {str(r.get("term", "")).strip().lower(): r.get("dest_campaign") or "a manual campaign"
            for r in records if r.get("kind") == "harvest" and r.get("status") in LIVE}

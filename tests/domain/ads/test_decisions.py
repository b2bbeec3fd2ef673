"""Approve, reject, undo, and what the decisions do to the next run of the rules."""

from __future__ import annotations

from sellertui.domain.ads import decisions
from sellertui.domain.ads.rules import bid_proposals, negate_proposals
from sellertui.domain.ads.settings import AdsRules
from sellertui.store import open_store
from tests.domain.ads.helpers import WINDOW, book, exact, keywords, row, terms


def waste(clicks: int = 5, spend: int = 800):
    return negate_proposals(terms(row("waste", clicks=clicks, spend=spend)), book(), AdsRules(), WINDOW)[0]


def test_an_approval_waits_for_export_and_shows_as_approved(store) -> None:
    p = waste()
    outcome = decisions.approve(store, [p])
    (record,) = outcome.done
    assert (record["status"], record["decided_by"], record["key"], record["fingerprint"]) == \
        ("approved", "ana", p.key, p.fingerprint)
    assert record["reason"] == p.reason and record["spend_minor"] == 800  # the numbers at the time
    (shown,) = decisions.apply([waste()], decisions.load(store))
    assert (shown.status, shown.action_id, shown.action_rev) == ("approved", record["id"], 1)


def test_an_approval_stays_listed_when_the_rule_no_longer_fires(store) -> None:
    decisions.approve(store, [waste()])
    (shown,) = decisions.apply([], decisions.load(store))
    assert shown.status == "approved" and shown.term == "waste"


def test_a_teammates_approval_is_not_doubled(store, data_dir) -> None:
    decisions.approve(store, [waste()])
    ben = open_store(data_dir, user="ben")
    outcome = decisions.approve(ben, [waste()])
    assert outcome.done == [] and "already approved by ana" in outcome.skipped[0]
    assert len(decisions.load(store)) == 1


def test_a_rejection_hides_the_term_until_its_numbers_change(store) -> None:
    decisions.reject(store, [waste()])
    records = decisions.load(store)
    assert decisions.apply([waste()], records) == []
    (back,) = decisions.apply([waste(clicks=6)], records)
    assert back.rejected_before and back.status == "new"
    decisions.reject(store, [waste(clicks=6)])  # rejecting again replaces the old rejection
    assert [r["clicks"] for r in decisions.load(store)] == [6]


def test_undo_takes_back_an_approval_or_a_rejection_but_not_an_export(store) -> None:
    approved = decisions.approve(store, [waste()]).done[0]
    outcome = decisions.undo(store, [(approved["id"], approved["_rev"])])
    assert len(outcome.done) == 1 and decisions.load(store) == []
    rejected = decisions.reject(store, [waste()]).done[0]
    decisions.undo(store, [(rejected["id"], rejected["_rev"])])
    assert decisions.apply([waste()], decisions.load(store))[0].status == "new"
    approved = decisions.approve(store, [waste()]).done[0]
    with store.transaction("exported") as tx:
        tx["ad_actions"].update(approved["id"], {"status": "exported", "exported_at": "2026-11-20T10:00:00+00:00"})
    outcome = decisions.undo(store, [(approved["id"], 2)])
    assert outcome.done == [] and "exported on 2026-11-20" in outcome.skipped[0]


def test_undo_refuses_an_approval_changed_meanwhile(store) -> None:
    approved = decisions.approve(store, [waste()]).done[0]
    decisions.save_edit(store, decisions.apply([waste()], decisions.load(store))[0], {"negate_level": "campaign"})
    outcome = decisions.undo(store, [(approved["id"], approved["_rev"])])
    assert outcome.done == [] and "changed by ana meanwhile" in outcome.skipped[0]


def test_an_edit_approves_with_the_users_values(store) -> None:
    record = decisions.save_edit(store, waste(), {"negate_level": "campaign", "negate_match": "negativePhrase"})
    assert (record["status"], record["negate_level"], record["negate_match"]) == ("approved", "campaign",
                                                                                   "negativePhrase")
    (shown,) = decisions.apply([waste()], decisions.load(store))
    assert shown.negate_level == "campaign"


def test_exported_negations_are_settled_and_exported_bids_become_current(store) -> None:
    negation = decisions.approve(store, [waste()]).done[0]
    kw = keywords(exact("bamboo board", clicks=20, spend=600, sales=1500, orders=2, bid=100))
    bid = bid_proposals(kw, book(), AdsRules(), WINDOW)[0]
    bid_record = decisions.approve(store, [bid]).done[0]
    with store.transaction("exported") as tx:
        for r in (negation, bid_record):
            tx["ad_actions"].update(r["id"], {"status": "exported", "exported_at": "2026-11-12T10:00:00+00:00"})
    records = decisions.load(store)
    assert decisions.apply([waste(), bid], records) == [bid]  # a new bid proposal may follow an exported one
    assert decisions.bid_changes(records) == {bid.key: ("2026-11-12", 88)}


def test_a_harvest_needs_somewhere_to_go_before_approval(store) -> None:
    from sellertui.domain.ads.rules import harvest_proposals

    p = harvest_proposals(terms(row("bamboo board", clicks=10, orders=2, spend=1000, sales=4000)), book(), AdsRules(),
                          WINDOW, {})[0]
    outcome = decisions.approve(store, [p])
    assert outcome.done == [] and "needs a campaign to go to: choose one with e" in outcome.skipped[0]
    record = decisions.save_edit(store, p, {"dest_campaign": "SP | Exact | ABC", "dest_campaign_id": "333",
                                            "dest_ad_group": "Exact – ABC", "dest_ad_group_id": "444"})
    assert record["status"] == "approved" and record["dest_ad_group_id"] == "444"

"""The tabs and the domain modules already converted (part B of the issue) mark every user-visible string.

The same check as ``test_coverage`` (literals and f-strings handed to a place the user reads), over the modules
of the tabs done so far; a module joins the list when its tab is converted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.i18n.test_coverage import ROOT, unmarked

TABS_DONE = ["today", "orders", "inventory", "ads", "promotions", "profit", "team"]
DOMAIN_DONE = ["today", "orders", "reviews", "inventory", "watch"]
ALSO = ["sellertui/domain/fields.py", "sellertui/domain/query.py", "sellertui/domain/sync/today.py",
        "sellertui/domain/team/notices_today.py", "sellertui/domain/promotions/today.py",
        "sellertui/domain/promotions/deadlines.py", "sellertui/domain/watch/today.py",
        "sellertui/domain/watch/alerts.py", "sellertui/domain/ads/rules.py",
        "sellertui/domain/profit/readiness.py", "sellertui/domain/profit/flags.py", "sellertui/domain/profit/ecb.py",
        "sellertui/domain/promotions/checks.py", "sellertui/domain/ads/targets.py", "sellertui/domain/ads/campaigns.py",
        "sellertui/domain/ads/tables.py", "sellertui/domain/economics.py", "sellertui/domain/promotions/fees.py",
        "sellertui/domain/promotions/fee_table.py", "sellertui/domain/promotions/records.py",
        "sellertui/domain/promotions/tables.py", "sellertui/domain/promotions/events.py",
        "sellertui/domain/team/tasks.py", "sellertui/domain/promotions/pricing.py",
        "sellertui/domain/promotions/results.py", "sellertui/domain/profit/account_fees.py",
        "sellertui/domain/profit/hiring.py",
        "sellertui/domain/ads/proposal.py", "sellertui/domain/ads/ledger.py",
        "sellertui/domain/watch/listing.py", "sellertui/domain/watch/entry.py",
        *[f"sellertui/domain/profit/{name}.py" for name in (
            "adspread", "entries", "expenses", "ledger", "pnl", "records", "service", "settings", "skus", "sources",
            "tables")],
        "sellertui/domain/ads/spend.py", "sellertui/domain/ads/bulk.py", "sellertui/domain/ads/reverting.py",
        *[f"sellertui/domain/sync/{name}.py" for name in ("lock", "runner", "status", "words")]]


# velocity.py shows no text (its 'NaT' is pandas')
NOT_YET = {"sellertui/domain/inventory/velocity.py"}


def converted() -> list[str]:
    found = [p for tab in TABS_DONE for p in sorted((ROOT / "sellertui/ui/tabs" / tab).glob("*.py"))]
    found += [p for area in DOMAIN_DONE for p in sorted((ROOT / "sellertui/domain" / area).glob("*.py"))]
    return [m for m in (p.relative_to(ROOT).as_posix() for p in found) if m not in NOT_YET] + ALSO


# codes the check takes for words: a calendar mark's name, a marketplace code, and the names of the ad rules
# that fired (stored with a proposal and matched by code, never shown)
CODES = {"due", "US", "clicks", "spend", "low_ctr", "harvest", "harvested"}


@pytest.mark.parametrize("module", converted())
def test_converted_tab_modules_mark_every_user_visible_string(module: str) -> None:
    problems = [(line, text) for line, text in unmarked((ROOT / module).read_text(encoding="utf-8"))
                if text not in CODES]
    assert not problems, f"{module}: unmarked user-visible strings (wrap them in _() or N_()):\n" + "\n".join(
        f"  line {line}: {text!r}" for line, text in problems)

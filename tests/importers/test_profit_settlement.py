"""The P&L over the real CA settlement sample adds up to the settlement's total, to the cent."""

from __future__ import annotations

from tests.importers.conftest import run_import


def test_the_settlement_sample_sums_to_its_total(samples, store) -> None:
    from sellertui import config
    from sellertui.domain.frames import FrameCache
    from sellertui.domain.profit import account_fees
    from sellertui.domain.profit.lines import KEYS
    from sellertui.domain.profit.service import ProfitService

    run_import(store, samples / "ca-2025-settlement.txt")
    settings = config.load()
    settings.home_currency = "CAD"
    settings.marketplace = "CA"  # a Canadian shop: Amazon charges its subscription in dollars of Canada
    service = ProfitService(store, FrameCache.for_store(store), settings, "ana")
    ledger, _ = service.ledger()
    total = int(ledger.actual["amount_minor"].sum())
    assert total == 101608  # the settlement's total-amount
    statement = service.statement("month")
    lines = sum(sum(statement.values[k]) for k in KEYS) + sum(sum(v) for v in statement.extra.values())
    # the months after it, which no settlement covers, carry the estimated subscription (marked ~)
    small = ledger.entries_between(ledger.first, ledger.today)  # the P&L runs to today
    estimated = small[(small["source"] == account_fees.SOURCE).to_numpy()]
    assert set(estimated["line"]) == {"subscription"} and "2025-08" not in set(estimated["day"].astype(str).str[:7])
    assert lines - int(estimated["amount_minor"].sum()) == 101608  # every amount lands on one line of the P&L (tax and transfers kept apart)
    assert sum(statement.values["sales"]) > 0 and not any(statement.estimated["referral"])

"""Settlement flat file V2 (wide), its long layout, and the check that the lines add up to the total."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellertui.importers.errors import FileProblem
from tests.importers.conftest import fixture, parse, run_import


def test_v2_us_lines_summary_and_sum() -> None:
    parsed = parse(fixture("settlement-v2-us.txt"))
    assert parsed.totals == {"total_amount": "971.35", "sum_of_amounts": "971.35", "orders": 3}
    lines = parsed.output.records["settlements"]
    assert len(lines) == 14 and sum(d["amount_minor"] for d in lines) == 97135
    ads = [d for d in lines if d["amount_description"] == "Cost of Advertising"]
    assert [d["id"].rsplit("|", 1)[1] for d in ads] == ["1", "2"]  # two identical lines stay two records
    assert ads[0]["id"].rsplit("|", 1)[0] == ads[1]["id"].rsplit("|", 1)[0]
    assert ads[0]["amount_type"] == "OtherFees" and ads[0]["transaction_type"] == "ServiceFee"
    both = next(d for d in lines if d["sku"] == "MM-BIG-ORDER")
    assert both["amounts"] == {"price-amount": 105374, "shipment-fee-amount": -500} and both["amount_minor"] == 104874
    quantity = next(d for d in lines if d["quantity"] == 2)
    assert quantity["amount_minor"] == 0 and quantity["order_id"] == "112-0000001-0000001"
    promo = next(d for d in lines if d["amount_type"] == "Promotion")
    assert promo["promotion_id"] == "PLM-2026-JAN" and promo["amount_minor"] == -300
    [summary] = parsed.output.records["settlement_summaries"]
    assert summary == {"id": "12345678901", "settlement_id": "12345678901", "start": "2026-01-01T00:00:00+00:00",
                       "end": "2026-01-15T00:00:00+00:00", "deposit_date": "2026-01-17T00:00:00+00:00",
                       "total_minor": 97135, "currency": "USD", "sum_minor": 97135, "lines": 14, "marketplace": "US"}


def test_de_decimal_commas_and_dotted_dates() -> None:
    parsed = parse(fixture("settlement-v2-de.txt"))
    assert parsed.totals == {"total_amount": "1012.48", "sum_of_amounts": "1012.48", "orders": 1}
    first = parsed.output.records["settlements"][0]
    assert first["posted_date"] == "2025-03-02T14:22:01+00:00" and first["amount_minor"] == 125980
    assert first["currency"] == "EUR" and first["marketplace"] == "DE"


def test_the_long_layout() -> None:
    parsed = parse(fixture("settlement-long-us.txt"))
    assert parsed.totals == {"total_amount": "-7.01", "sum_of_amounts": "-7.01", "orders": 2}
    first = parsed.output.records["settlements"][0]
    assert (first["amount_type"], first["amount_description"], first["amount_minor"]) == ("ItemPrice", "Principal", 5998)
    assert first["posted_date"] == "2026-01-07T02:10:00+00:00" and first["quantity"] == 2


def test_reimport_is_unchanged_and_keys_are_stable(store) -> None:
    first = run_import(store, fixture("settlement-v2-us.txt"))
    assert first.inserted == 14 and first.collections["settlement_summaries"]["inserted"] == 1
    assert run_import(store, fixture("settlement-v2-us.txt")).unchanged == 14
    assert store["settlements"].count() == 14


def test_lines_that_do_not_add_up_are_refused(store, tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(fixture("settlement-v2-us.txt").read_text().splitlines()[:-2]) + "\n")
    with pytest.raises(FileProblem, match=r"cut.txt: settlement 12345678901: its lines add up to -37.40 USD but its "
                                          r"total-amount is 971.35 USD; the file may be incomplete"):
        run_import(store, path)
    assert store["settlements"].count() == 0


def test_a_file_without_its_summary_row_is_refused(tmp_path: Path) -> None:
    lines = fixture("settlement-v2-us.txt").read_text().splitlines()
    path = tmp_path / "nosummary.txt"
    path.write_text("\n".join([lines[0], *lines[2:]]) + "\n")
    with pytest.raises(FileProblem, match="has no summary row"):
        run_import(None, path)

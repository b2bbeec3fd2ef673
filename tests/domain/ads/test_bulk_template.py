"""The bulk file's header: Amazon's template, or exactly the header of the bulk file the user imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from sellertui.core.errors import UserError
from sellertui.devtools.xlsx import Sheet, write_xlsx
from sellertui.domain.ads import decisions
from sellertui.domain.ads.bulk import export_approved, rows_for
from sellertui.domain.ads.bulk_sheets import SB_COLUMNS, SD_COLUMNS, SHEETS, SP_COLUMNS
from sellertui.domain.ads.proposal import Proposal
from tests.domain.ads.test_bulk import AMAZON_HEADER, filled, proposals
from tests.importers.test_ads import BULK
from tests.importers.conftest import run_import

# a user's bulk file of an older year: fewer columns, some in another order, and the SB sheet of the time
USERS_SP = ["Product", "Entity", "Operation", "Campaign ID", "Ad Group ID", "Portfolio ID", "Ad ID (Read only)",
            "Keyword ID (Read only)", "Product Targeting ID (Read only)", "Campaign Name", "Ad Group Name",
            "Start Date", "End Date", "Targeting Type", "State", "Daily Budget", "SKU", "ASIN", "Ad Group Default Bid",
            "Bid", "Keyword Text", "Match Type", "Bidding Strategy", "Placement", "Percentage",
            "Product Targeting Expression", "Impressions", "Clicks", "Spend", "Sales", "Orders", "Units",
            "Keyword ID", "Product Targeting ID"]
USERS_SB = ["Product", "Entity", "Operation", "Campaign ID", "Draft Campaign ID", "Portfolio ID", "Ad Group ID",
            "Keyword ID", "Product Targeting ID", "Campaign Name", "State", "Bid", "Keyword Text", "Match Type"]
TERM_ROW = ["Sponsored Products", "111", "222", "", "", "SP | Auto | ABC", "Auto – ABC", "", "enabled", "enabled",
            0.5, "", "", "close-match", "close-match", "waste", 250.0, 5.0, 0.02, 8.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.6,
            0.0]


def users_bulk_file(path: Path, sp_header: list[str] = USERS_SP) -> Path:
    return write_xlsx(path, [Sheet("Portfolios", [["Product", "Entity", "Operation", "Portfolio ID"]]),
                             Sheet("Sponsored Products Campaigns", [sp_header, ["Sponsored Products", "Campaign"]]),
                             Sheet("Sponsored Brands Campaigns", [USERS_SB]),
                             Sheet("SP Search Term Report", [BULK, TERM_ROW])])


def test_the_templates_are_amazons_current_sheets() -> None:
    assert SP_COLUMNS == AMAZON_HEADER and len(SP_COLUMNS) == 52
    for columns in (SP_COLUMNS, SB_COLUMNS, SD_COLUMNS):
        assert columns[:3] == ["Product", "Entity", "Operation"] and len(set(columns)) == len(columns)
        start = columns.index("Impressions")
        assert columns[start:start + 11] == AMAZON_HEADER[-11:]  # the same eleven metric columns, in a run
    assert [s.name for s in SHEETS.values()] == ["Sponsored Products Campaigns", "SB Multi Ad Group Campaigns",
                                                 "Sponsored Display Campaigns"]


def test_importing_a_bulk_file_remembers_its_header_and_the_export_writes_it_back(store, tmp_path: Path) -> None:
    result = run_import(store, users_bulk_file(tmp_path / "bulk-2026-11-01-2026-11-21.xlsx"))
    assert result.inserted == 1
    assert any("'Sponsored Products Campaigns', 'Sponsored Brands Campaigns' is kept" in n for n in result.notes)
    assert store["ad_bulk_headers"].get("Sponsored Products Campaigns")["header"] == USERS_SP
    found = proposals()
    decisions.approve(store, [found[("negate", "waste")], found[("bid", "cutting board")]])
    exported = export_approved(store, tmp_path / "out.xlsx")
    assert "the header of bulk-2026-11-01-2026-11-21.xlsx" in exported.message()
    sheet = load_workbook(tmp_path / "out.xlsx")["Sponsored Products Campaigns"]
    header = [c.value for c in sheet[1]]
    for position, (ours, theirs) in enumerate(zip(header, USERS_SP, strict=True)):
        assert ours == theirs, f"column {position + 1}"
    rows = {r["Operation"]: r for r in filled(sheet)}
    assert rows["Create"] == {"Product": "Sponsored Products", "Entity": "Negative Keyword", "Operation": "Create",
                       "Campaign ID": "111", "Ad Group ID": "222", "Keyword Text": "waste",
                       "Match Type": "negativeExact", "State": "enabled"}
    assert rows["Update"]["Keyword ID"] == "555" and rows["Update"]["Bid"] == 0.88  # the plain column, not the "(Read only)" one
    assert run_import(store, tmp_path / "bulk-2026-11-01-2026-11-21.xlsx").unchanged == 1  # a re-import: no change


def test_a_remembered_header_without_a_column_the_rows_need_gives_way_to_the_template(store, tmp_path) -> None:
    run_import(store, users_bulk_file(tmp_path / "bulk-2026-11-01-2026-11-21.xlsx",
                                      [c for c in USERS_SP if c != "Keyword ID"]))
    decisions.approve(store, [proposals()[("bid", "cutting board")]])
    result = export_approved(store, tmp_path / "out.csv")
    assert "Amazon's current template" in result.message()
    assert (tmp_path / "out.csv").read_text().splitlines()[0] == ",".join(SP_COLUMNS)


def test_a_bid_on_a_product_target_updates_the_target() -> None:
    record = {"kind": "bid", "term": 'asin="B0TARGET12"', "targeting": 'asin="B0TARGET12"', "match_type": "-",
              "campaign_id": "777", "ad_group_id": "888", "keyword_id": "999", "new_bid_minor": 120,
              "currency": "USD"}
    (row,) = rows_for(record)
    assert {k: v for k, v in row.items() if k != "Bid"} == {
        "Product": "Sponsored Products", "Entity": "Product Targeting", "Operation": "Update", "State": "enabled",
        "Campaign ID": "777", "Ad Group ID": "888", "Product Targeting ID": "999",
        "Product Targeting Expression": 'asin="B0TARGET12"'}
    assert float(row["Bid"]) == 1.2


def sb_negative(term: str) -> Proposal:
    p = proposals()[("negate", "waste")]
    p.term = term
    return p


def test_changes_of_another_ad_product_go_on_its_own_sheet(store, tmp_path: Path) -> None:
    decisions.approve(store, [proposals()[("negate", "waste")]])
    with store.transaction("an SB negative") as tx:  # the rules make SP changes; an SB one comes from elsewhere
        record = decisions.record_of(sb_negative("brand waste"), "approved", "ana")
        tx["ad_actions"].insert({**record, "ad_product": "Sponsored Brands", "key": "sb-1"})
    with pytest.raises(UserError, match="two sheets .* export to .xlsx"):
        export_approved(store, tmp_path / "out.csv")
    export_approved(store, tmp_path / "out.xlsx")
    book = load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == ["Sponsored Products Campaigns", "SB Multi Ad Group Campaigns"]
    assert [c.value for c in book["SB Multi Ad Group Campaigns"][1]] == SB_COLUMNS
    (row,) = filled(book["SB Multi Ad Group Campaigns"])
    assert (row["Product"], row["Entity"], row["Keyword Text"]) == ("Sponsored Brands", "Negative Keyword",
                                                                    "brand waste")

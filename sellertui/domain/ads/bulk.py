"""Approved changes as the rows of Amazon's bulk-operations file, and the file itself.

Each row is filled as Amazon's bulk sheet requires, or the upload fails: Product
``Sponsored Products``; Entity ``Negative Keyword`` (ad group: Campaign ID and
Ad Group ID) or ``Campaign Negative Keyword`` (Campaign ID), ``Negative Product
Targeting`` for ASINs, ``Keyword`` / ``Product Targeting`` for harvested terms;
Operation ``Create``, or ``Update`` for a bid (with the Keyword ID, or the
Product Targeting ID of a product or auto target); State ``enabled``. A change
whose ids are unknown would not upload: it is held back and named, never
written. The same rows are what ``apply`` sends through the Ads API, so a
change is the same change whichever way it goes. The file has Amazon's whole
sheet header (``bulk_sheets``), or the header of the user's own bulk file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sellertui.core.i18n import N_, _, label, shown
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.core.money import to_decimal
from sellertui.domain.ads.bulk_sheets import SHEETS, SP_COLUMNS, SPONSORED_PRODUCTS, header_for
from sellertui.domain.ads.bulk_writer import SheetRows, write_csv, write_xlsx
from sellertui.domain.ads.decisions import APPROVED, COLLECTION, EXPORTED, FAILED, IN_AMAZON
from sellertui.domain.ads.metrics import is_asin

COLUMNS = list(SP_COLUMNS)
# the ids a row needs, as a missing one is named (translated where shown)
ID_NAMES = {"campaign_id": N_("campaign ID"), "ad_group_id": N_("ad group ID"), "keyword_id": N_("keyword ID"),
            "dest_campaign_id": N_("destination campaign ID"), "dest_ad_group_id": N_("destination ad group ID")}
SHEET = SHEETS[SPONSORED_PRODUCTS].name
PRODUCT = SPONSORED_PRODUCTS
KEYWORD_MATCHES = ("EXACT", "PHRASE", "BROAD")


class MissingIds(ValueError):
    pass


@dataclass
class Change:
    """One approved decision and the rows that make it (all of them go, or none)."""

    record: dict
    rows: list[dict]


@dataclass
class ExportPlan:
    changes: list[Change] = field(default_factory=list)
    held: list[tuple[dict, str]] = field(default_factory=list)  # records held back, and why

    @property
    def rows(self) -> list[dict]:
        return [row for change in self.changes for row in change.rows]

    @property
    def ready(self) -> list[dict]:
        """The records whose rows are in the plan."""
        return [change.record for change in self.changes]


@dataclass
class ExportResult:
    path: Path | None
    rows: int
    exported: list[dict]
    held: list[tuple[dict, str]]
    header: str = ""  # where the sheet's header came from
    failed_by_api: int = 0  # changes Amazon refused in part through the API: retried or undone there, not here

    def message(self) -> str:
        parts = []
        if self.path is not None:
            parts.append(_("wrote {rows} row(s) for {changes} change(s) to {path} ({header})").format(
                rows=self.rows, changes=len(self.exported), path=self.path, header=self.header))
        if self.held:
            parts.append(_("held back {n} change(s) whose ids are unknown: ").format(n=len(self.held)) +
                         "; ".join(_("{kind} '{term}' in {campaign} › {ad_group} ({why})").format(
                             kind=shown(r.get("kind")), term=r.get("term"), campaign=r.get("campaign"),
                             ad_group=r.get("ad_group"), why=why) for r, why in self.held[:5]) +
                         (_(" (+{n} more)").format(n=len(self.held) - 5) if len(self.held) > 5 else "") +
                         _(" — import the bulk file's Search Term Report tab (or sync the Ads console) to get ids"))
        if self.failed_by_api:
            parts.append(_("{n} change(s) Amazon refused in part through the API are not in the file: send them "
                           "again with `sellertui ads apply`, or undo them").format(n=self.failed_by_api))
        return "; ".join(parts) or _("no approved changes to export")


def asin_expression(term: str) -> str:
    return f'asin="{term.strip().upper()}"'


def _bid(minor: int | None, currency: str) -> Decimal | None:
    return None if minor is None else to_decimal(int(minor), currency)


def _row(record: dict, entity: str, cells: dict, operation: str = "Create") -> dict:
    row = {"Product": record.get("ad_product") or PRODUCT, "Entity": entity, "Operation": operation,
           "State": "enabled"}
    row.update({k: v for k, v in cells.items() if v is not None})
    return row


def _need(record: dict, *names: str) -> None:
    missing = [n for n in names if not record.get(n)]
    if missing:
        words = (label(ID_NAMES, n) for n in missing)
        raise MissingIds(_("no {ids}").format(ids=_(" or ").join(words)))


def _negative(record: dict) -> dict:
    """The negative that stops the term in its source (ad group; campaign when the user chose it)."""
    term = record["term"]
    if is_asin(term):
        _need(record, "campaign_id", "ad_group_id")
        return _row(record, "Negative Product Targeting", {
            "Campaign ID": record["campaign_id"], "Ad Group ID": record["ad_group_id"],
            "Product Targeting Expression": asin_expression(term)})
    match = record.get("negate_match") or "negativeExact"
    if record.get("negate_level") == "campaign":
        _need(record, "campaign_id")
        return _row(record, "Campaign Negative Keyword", {"Campaign ID": record["campaign_id"], "Keyword Text": term,
                                                          "Match Type": match})
    _need(record, "campaign_id", "ad_group_id")
    return _row(record, "Negative Keyword", {"Campaign ID": record["campaign_id"],
                                             "Ad Group ID": record["ad_group_id"], "Keyword Text": term,
                                             "Match Type": match})


def targets_a_product(record: dict) -> bool:
    """A bid on a product or auto target (its match type is no keyword match)."""
    return str(record.get("match_type") or "").upper() not in KEYWORD_MATCHES


def rows_for(record: dict) -> list[dict]:
    """The bulk rows of one approved change (all of them, or MissingIds)."""
    kind, currency = record.get("kind"), record.get("currency", "USD")
    bid = _bid(record.get("new_bid_minor"), currency)
    if kind == "negate":
        return [_negative(record)]
    if kind == "harvest":
        _need(record, "dest_campaign_id", "dest_ad_group_id")
        place = {"Campaign ID": record["dest_campaign_id"], "Ad Group ID": record["dest_ad_group_id"], "Bid": bid}
        if is_asin(record["term"]):
            add = _row(record, "Product Targeting",
                       place | {"Product Targeting Expression": asin_expression(record["term"])})
        else:
            add = _row(record, "Keyword", place | {"Keyword Text": record["term"], "Match Type": "exact"})
        if record.get("source") == "research":
            return [add]  # a term from keyword research: no campaign it came from, nothing to negate
        return [add, _negative(record)]  # both or neither: a harvest without its negative competes with itself
    if kind == "bid":
        _need(record, "campaign_id", "ad_group_id", "keyword_id")
        place = {"Campaign ID": record["campaign_id"], "Ad Group ID": record["ad_group_id"], "Bid": bid}
        if targets_a_product(record):
            return [_row(record, "Product Targeting", place | {
                "Product Targeting ID": record["keyword_id"],
                "Product Targeting Expression": record.get("targeting") or record["term"]}, "Update")]
        return [_row(record, "Keyword", place | {"Keyword ID": record["keyword_id"], "Keyword Text": record["term"],
                                                 "Match Type": str(record.get("match_type", "")).lower()}, "Update")]
    raise MissingIds(_("unknown kind {kind!r}").format(kind=kind))


def _created(record: dict) -> tuple:
    return (record.get("dest_campaign_id"), record.get("dest_ad_group_id"), str(record.get("term", "")).lower())


def plan(records: list[dict], done: list[dict] = ()) -> ExportPlan:
    """The rows of ``records``; a keyword or product target created once (in this plan or by a change
    ``done`` earlier) is not created again when a second source harvests the same term."""
    result = ExportPlan()
    created = {_created(r) for r in done if r.get("kind") == "harvest"}
    for record in sorted(records, key=lambda r: (r.get("decided_at") or "", r.get("id", ""))):
        try:
            rows = rows_for(record)
        except MissingIds as exc:
            result.held.append((record, str(exc)))
            continue
        if record.get("kind") == "harvest":
            if _created(record) in created:
                rows = rows[1:]  # only the negative in this source
            created.add(_created(record))
        result.changes.append(Change(record, rows))
    return result


def sheets_for(store, rows: list[dict]) -> tuple[list[SheetRows], str]:
    """The rows on their products' sheets, each under its header; and where the headers came from."""
    by_product: dict[str, list[dict]] = {}
    for row in rows:
        by_product.setdefault(row["Product"], []).append(row)
    sheets, sources = [], []
    for product in (p for p in SHEETS if p in by_product):
        product_rows = by_product[product]
        name, header, source = header_for(store, product, {k for row in product_rows for k in row})
        sheets.append(SheetRows(name, header, product_rows))
        sources.append(source)
    return sheets, "; ".join(dict.fromkeys(sources))


def export_approved(store, path: Path | str, user: str | None = None) -> ExportResult:
    """Write every approved change whose ids are known, and mark those exported, as one transaction."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(_("{name}: the bulk file must end in .xlsx or .csv").format(name=path.name))
    if not path.parent.is_dir():
        raise UserError(_("{parent}: no such folder").format(parent=path.parent))
    with store.transaction(f"exported approved ad changes to {path.name}") as tx:
        col = tx[COLLECTION]
        docs = col.docs().values()
        result = plan([r for r in docs if r.get("status") == APPROVED],
                      [r for r in docs if r.get("status") in (*IN_AMAZON, FAILED)])
        failed = sum(1 for r in docs if r.get("status") == FAILED)
        if not result.rows:
            return ExportResult(None, 0, [], result.held, failed_by_api=failed)
        sheets, header = sheets_for(tx, result.rows)
        (write_xlsx if suffix == ".xlsx" else write_csv)(path, sheets)
        stamp = clock.stamp()
        exported = [col.update(r["id"], {"status": EXPORTED, "exported_at": stamp, "export_file": str(path)},
                               expect_rev=r.get("_rev")) for r in result.ready]
    return ExportResult(path, len(result.rows), exported, result.held, header, failed)

"""Approved changes as an Amazon Sponsored Products bulk-operations file (XLSX or CSV).

Each row is filled as Amazon's bulk sheet requires, or the upload fails: Product
``Sponsored Products``; Entity ``Negative Keyword`` (ad group: Campaign ID and
Ad Group ID) or ``Campaign Negative Keyword`` (Campaign ID), ``Negative Product
Targeting`` for ASINs, ``Keyword`` / ``Product Targeting`` for harvested terms;
Operation ``Create``, or ``Update`` for a bid (which also needs the Keyword ID, so
that column follows the ten named ones); State ``enabled``. A row whose ids are
unknown would not upload: its change is held back and named, never written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sellertui import clock
from sellertui.domain.ads.decisions import COLLECTION
from sellertui.domain.ads.metrics import is_asin
from sellertui.core.errors import UserError
from sellertui.core.money import to_decimal

COLUMNS = ["Product", "Entity", "Operation", "Campaign ID", "Ad Group ID", "Keyword Text", "Match Type", "Bid",
           "State", "Product Targeting Expression", "Keyword ID"]
SHEET = "Sponsored Products Campaigns"
PRODUCT = "Sponsored Products"


class MissingIds(ValueError):
    pass


@dataclass
class ExportPlan:
    rows: list[dict] = field(default_factory=list)
    ready: list[dict] = field(default_factory=list)  # records whose rows are in the file
    held: list[tuple[dict, str]] = field(default_factory=list)  # records held back, and why


@dataclass
class ExportResult:
    path: Path | None
    rows: int
    exported: list[dict]
    held: list[tuple[dict, str]]

    def message(self) -> str:
        parts = []
        if self.path is not None:
            parts.append(f"wrote {self.rows} row(s) for {len(self.exported)} change(s) to {self.path}")
        if self.held:
            parts.append(f"held back {len(self.held)} change(s) whose ids are unknown: " +
                         "; ".join(f"{r.get('kind')} '{r.get('term')}' in {r.get('campaign')} › {r.get('ad_group')}"
                                   f" ({why})" for r, why in self.held[:5]) +
                         (f" (+{len(self.held) - 5} more)" if len(self.held) > 5 else "") +
                         " — import the bulk file's Search Term Report tab to get ids")
        return "; ".join(parts) or "no approved changes to export"


def asin_expression(term: str) -> str:
    return f'asin="{term.strip().upper()}"'


def _bid(minor: int | None, currency: str) -> Decimal | None:
    return None if minor is None else to_decimal(int(minor), currency)


def _row(entity: str, cells: dict, operation: str = "Create") -> dict:
    row = dict.fromkeys(COLUMNS)
    row.update({"Product": PRODUCT, "Entity": entity, "Operation": operation, "State": "enabled"})
    row.update(cells)
    return row


def _need(record: dict, *names: str) -> None:
    missing = [n for n in names if not record.get(n)]
    if missing:
        words = (n.replace("dest_", "destination ").replace("_id", " ID").replace("_", " ") for n in missing)
        raise MissingIds("no " + " or ".join(words))


def _negative(record: dict) -> dict:
    """The negative that stops the term in its source (ad group; campaign when the user chose it)."""
    term = record["term"]
    if is_asin(term):
        _need(record, "campaign_id", "ad_group_id")
        return _row("Negative Product Targeting", {"Campaign ID": record["campaign_id"],
                    "Ad Group ID": record["ad_group_id"], "Product Targeting Expression": asin_expression(term)})
    match = record.get("negate_match") or "negativeExact"
    if record.get("negate_level") == "campaign":
        _need(record, "campaign_id")
        return _row("Campaign Negative Keyword", {"Campaign ID": record["campaign_id"], "Keyword Text": term,
                                                  "Match Type": match})
    _need(record, "campaign_id", "ad_group_id")
    return _row("Negative Keyword", {"Campaign ID": record["campaign_id"], "Ad Group ID": record["ad_group_id"],
                                     "Keyword Text": term, "Match Type": match})


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
            add = _row("Product Targeting", place | {"Product Targeting Expression": asin_expression(record["term"])})
        else:
            add = _row("Keyword", place | {"Keyword Text": record["term"], "Match Type": "exact"})
        if record.get("source") == "research":
            return [add]  # a term from keyword research: no campaign it came from, nothing to negate
        return [add, _negative(record)]  # both or neither: a harvest without its negative competes with itself
    if kind == "bid":
        _need(record, "campaign_id", "ad_group_id", "keyword_id")
        return [_row("Keyword", {"Campaign ID": record["campaign_id"], "Ad Group ID": record["ad_group_id"],
                                 "Keyword ID": record["keyword_id"], "Keyword Text": record["term"],
                                 "Match Type": str(record.get("match_type", "")).lower(), "Bid": bid}, "Update")]
    raise MissingIds(f"unknown kind {kind!r}")


def _created(record: dict) -> tuple:
    return (record.get("dest_campaign_id"), record.get("dest_ad_group_id"), str(record.get("term", "")).lower())


def plan(records: list[dict], exported: list[dict] = ()) -> ExportPlan:
    """The rows of ``records``; a keyword or product target created once (in this file or an
    ``exported`` earlier one) is not created again when a second source harvests the same term."""
    result = ExportPlan()
    created = {_created(r) for r in exported if r.get("kind") == "harvest"}
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
        result.rows.extend(rows)
        result.ready.append(record)
    return result


def write_xlsx(path: Path, rows: list[dict]) -> None:
    """An XLSX with the bulk columns; ids and texts are typed as text, so nothing becomes a number or a formula.

    Text that starts like a formula (= + - @, tab, CR) also gets the CSV export's leading quote
    (``core.csvsafe.safe_cell``): typed as text it cannot run here, but a user who re-saves the
    sheet as CSV would otherwise write it out bare. Numbers stay numbers.
    """
    import io

    from openpyxl import Workbook

    from sellertui.core.csvsafe import safe_cell
    from sellertui.store.fsio import atomic_write

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([float(v) if isinstance(v, Decimal) else safe_cell(v) if isinstance(v, str) else v
                      for v in (row[c] for c in COLUMNS)])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would treat a leading "=" as a formula
    for letter, width in zip("ABCDEFGHIJK", (18, 26, 9, 18, 18, 32, 14, 7, 8, 30, 18)):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    atomic_write(Path(path), out.getvalue())


def write_csv(path: Path, rows: list[dict]) -> None:
    from sellertui.core.csvsafe import write_csv as write

    write(Path(path), COLUMNS, ([f"{v:.2f}" if isinstance(v, Decimal) else v for v in (row[c] for c in COLUMNS)]
                                for row in rows))


def export_approved(store, path: Path | str, user: str | None = None) -> ExportResult:
    """Write every approved change whose ids are known, and mark those exported, as one transaction."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(f"{path.name}: the bulk file must end in .xlsx or .csv")
    if not path.parent.is_dir():
        raise UserError(f"{path.parent}: no such folder")
    with store.transaction(f"exported approved ad changes to {path.name}") as tx:
        col = tx[COLLECTION]
        docs = col.docs().values()
        result = plan([r for r in docs if r.get("status") == "approved"],
                      [r for r in docs if r.get("status") == "exported"])
        if not result.rows:
            return ExportResult(None, 0, [], result.held)
        (write_xlsx if suffix == ".xlsx" else write_csv)(path, result.rows)
        stamp = clock.stamp()
        exported = [col.update(r["id"], {"status": "exported", "exported_at": stamp, "export_file": str(path)},
                               expect_rev=r.get("_rev")) for r in result.ready]
    return ExportResult(path, len(result.rows), exported, result.held)

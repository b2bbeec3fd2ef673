"""Importers: the reports sellers download, turned into store records exactly.

No Textual here; pandas only inside functions (never at app start-up). The
CLI (`sellertui import`) and the app's import screen call the same three
functions:

- ``parse_report(path, options)`` -> ``Parsed``: the kind, rows, totals and
  problems of a file, nothing written (the preview);
- ``write_report(store, parsed, options)`` -> ``Result``: one transaction, all or
  nothing (``--skip-bad-rows`` sets bad rows aside in ``<file>.rejects.csv``);
- ``import_report(store, path, options)``: both;
- ``parse_document``/``import_document``: the same for a report in memory whose
  kind is known (an SP-API report document, or orders as JSON), with an
  ``alongside(tx)`` hook committed in the same transaction (a sync's checkpoint).

Modules: ``source`` (bytes -> table), ``headers`` (names), ``values``/``dates``
(cells), ``locale`` (marketplace), ``period``, ``frame`` (parsed columns),
``kinds/`` (one module per report family), ``pipeline``, ``rejects``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sellertui.importers.pipeline import Options, Parsed, Result

__all__ = ["KIND_NAMES", "Document", "Options", "Parsed", "Result", "import_document", "import_report",
           "parse_document", "parse_report", "write_report"]

KIND_NAMES = ("all-orders", "fbm-orders", "search-terms", "bulk-search-terms", "sp-targeting",
              "sp-advertised-products", "sb-search-terms", "sb-targeting", "sd-matched-targets", "sd-targeting",
              "sd-advertised-products", "fba-inventory", "restock", "business-report", "settlement", "date-range",
              "fba-returns", "fbm-returns", "orders-api", "sales-traffic", "top-search-terms",
              "search-query-performance", "listings", "inventory-age", "reimbursements", "feedback",
              "product-reviews", "ads-api-sp-search-terms", "ads-api-sp-targeting",
              "ads-api-sp-advertised-products", "ads-api-sb-search-terms",
              "ads-api-sd-targeting")  # importers.kinds.KINDS, spelled out: the CLI's start-up imports no kind


def __getattr__(name: str):
    if name in ("Document", "Options", "Parsed", "Result", "import_document", "import_report", "parse_document",
                "parse_report", "write_report"):
        from sellertui.importers import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)

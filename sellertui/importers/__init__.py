"""Importers: the reports sellers download, turned into store records exactly.

No Textual here; pandas only inside functions (never at app start-up). The
CLI (`sellertui import`) and the app's import screen call the same three
functions:

- ``parse_report(path, options)`` -> ``Parsed``: the kind, rows, totals and
  problems of a file, nothing written (the preview);
- ``write_report(store, parsed, options)`` -> ``Result``: one transaction, all or
  nothing (``--skip-bad-rows`` sets bad rows aside in ``<file>.rejects.csv``);
- ``import_report(store, path, options)``: both.

Modules: ``source`` (bytes -> table), ``headers`` (names), ``values``/``dates``
(cells), ``locale`` (marketplace), ``period``, ``frame`` (parsed columns),
``kinds/`` (one module per report family), ``pipeline``, ``rejects``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sellertui.importers.pipeline import Options, Parsed, Result

__all__ = ["KIND_NAMES", "Options", "Parsed", "Result", "import_report", "parse_report", "write_report"]

KIND_NAMES = ("all-orders", "fbm-orders", "search-terms", "bulk-search-terms", "fba-inventory", "restock",
              "business-report", "settlement", "date-range", "fba-returns", "fbm-returns")


def __getattr__(name: str):
    if name in ("Options", "Parsed", "Result", "import_report", "parse_report", "write_report"):
        from sellertui.importers import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)

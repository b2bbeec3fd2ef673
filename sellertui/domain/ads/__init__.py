"""Sponsored Products: search terms over a window, targets, proposals, decisions, bulk files.

The pieces, each in its own module: ``window`` (which days), ``terms`` (rows to
aggregates through the shared frame cache), ``metrics`` (CTR, CPC, CVR, ACoS, ROAS, TACoS),
``targets`` (target ACoS with its working), ``rules`` (negate, harvest, bid),
``decisions`` (approve, reject, undo, the ledger), ``bulk`` (Amazon bulk files),
``overview`` (weekly spend, sales, ACoS, TACoS), ``tables`` (the frames the tab
shows) and ``service`` (what the UI and the CLI call). pandas is imported by the modules that need it, never here.
"""

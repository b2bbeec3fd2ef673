"""Seller Central sync: streams of SP-API data into the store, and ship confirmations out.

For the CLI and (later) the app, everything goes through these functions:

- ``runner.sync(shop, only, since, dry_run, progress)`` -> ``SyncResult``: the
  sync itself (a worker calls it; ``progress`` receives ``Step``s);
- ``status.sync_status(shop)`` -> ``SyncStatus``: the header's line
  (``.header()``), failing streams, refused confirmations; offline and cheap;
- ``today.sync_section(shop, now, user)``: the Today item;
- ``confirmations.confirmations(shop)`` / ``retry(store, order_id)``: the ship
  queue's pending and refused confirmations;
- ``connect.connect/check/forget``: ``sellertui connect``.

Modules: ``lock`` (one sync at a time), ``state`` (checkpoints committed with
their records), ``context``, ``orders_stream``, ``reports_streams``,
``confirmations``, ``plan`` (--dry-run), ``results``. The SP-API itself is
``sellertui.amazon``; nothing here imports httpx or keyring until a sync or a
connect runs.
"""

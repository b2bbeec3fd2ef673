"""Amazon's Selling Partner API: credentials, the token exchange, a polite HTTP client, reports and orders.

A layer of its own beside the importers, feeding them: it fetches bytes and
JSON and knows nothing of the store. ``domain.sync`` runs the streams and hands
what this package fetched to ``importers.pipeline``. Nothing here imports
Textual or pandas, and nothing imports httpx or keyring until a sync or
``sellertui connect`` runs: start-up stays as fast as without an account.
"""

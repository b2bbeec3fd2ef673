"""Profit and hiring readiness: the P&L by period, per SKU, expenses, exchange rates and the hiring plan.

``lines`` and ``periods`` are plain Python (the UI imports them at start-up);
everything that builds frames imports pandas and is imported inside workers.
"""

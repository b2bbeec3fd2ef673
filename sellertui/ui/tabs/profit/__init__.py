"""The Profit tab: tiles and charts, the P&L, profit per SKU, expenses, exchange rates, the hiring plan."""

"""Inventory: what runs out when, and how much to order (velocity over in-stock days,
cover, reorder point and quantity, stock-out date).

Pure rules, no Textual. Modules that need pandas (``velocity``, ``plan``,
``export``) import it at the top and are themselves imported only inside
workers and CLI handlers, so the app and the CLI start without pandas.

- ``settings``: the ``[inventory]`` thresholds, read into one object.
- ``seasonal``: manual monthly factors, per SKU and shop-wide.
- ``stock``: stock fields, hand changes with their reason and history.
- ``formulas``: cover, reorder point, order quantity, stock-out date, status.
- ``velocity``: units per day in stock, weighted 7/30/90, seasonally adjusted.
- ``aging``: the age of the stock on hand, first in first out.
- ``promos``: planned promotions the stock does not cover.
- ``plan``: all of it for every SKU as one frame; ``working``: how each number came about.
- ``products``, ``purchase_orders``: the records users add and edit.
"""

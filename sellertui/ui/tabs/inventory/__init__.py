"""The Inventory tab: SKUs (stock, velocity, cover, what to order) and purchase orders."""

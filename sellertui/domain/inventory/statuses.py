"""A SKU's stock status: its code, its label and its urgency (no numpy, so the UI can import it at start-up)."""

# (code, label, rank): rank orders the table from most to least urgent
STATUSES = (
    ("out", "out of stock", 0),
    ("now", "order now", 1),
    ("soon", "order soon", 2),
    ("healthy", "healthy", 3),
    ("over", "overstock", 4),
)
STATUS_LABEL = {code: label for code, label, _ in STATUSES}
STATUS_RANK = {code: rank for code, _, rank in STATUSES}

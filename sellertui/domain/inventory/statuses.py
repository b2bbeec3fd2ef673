"""A SKU's stock status: its code, its label and its urgency (no numpy, so the UI can import it at start-up)."""

from sellertui.core.i18n import N_

# (code, label, rank): rank orders the table from most to least urgent
STATUSES = (  # labels translated where shown (the filter and the styles use them in English)
    ("out", N_("out of stock"), 0),
    ("now", N_("order now"), 1),
    ("soon", N_("order soon"), 2),
    ("healthy", N_("healthy"), 3),
    ("over", N_("overstock"), 4),
)
STATUS_LABEL = {code: label for code, label, _ in STATUSES}
STATUS_RANK = {code: rank for code, _, rank in STATUSES}

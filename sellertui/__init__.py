"""sellertui: a terminal cockpit for marketplace sellers.

Kept import-free on purpose: `import sellertui` must not pull in Textual or pandas
(start-up time, and the store/domain layers must stay usable without a UI).
"""

__version__ = "0.1.0"

import os as _os

# Before pandas or pyarrow can load: Arrow (which holds pandas' text columns) then allocates from the system,
# which gives freed memory back, instead of its own pool, which keeps it (see sellertui.memory).
_os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

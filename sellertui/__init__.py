"""sellertui: a terminal cockpit for marketplace sellers.

Kept import-free on purpose: `import sellertui` must not pull in Textual or pandas
(start-up time, and the store/domain layers must stay usable without a UI).
"""

__version__ = "0.1.0"

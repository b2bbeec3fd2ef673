"""How much of a report sellertui will hold in memory: bounded by the file, never by what it claims.

A 4 MB workbook can declare (or hold) a 1.5 GB sheet, or one cell at XFD1048576
that makes the reader allocate sixteen billion empty ones; a text file can hold
a 150 MB "buyer name". These limits are far above any real report (Amazon's
largest search-term export is a few hundred thousand rows of ~20 columns) and
far below what would exhaust a small server.
"""

MiB = 1 << 20

XLSX_PART_BYTES = 256 * MiB  # one part of a workbook (a sheet, the shared strings), uncompressed
XLSX_TOTAL_BYTES = 512 * MiB  # every part together, uncompressed
XLSX_PARTS = 10_000  # members of the zip
SHEET_CELLS = 16 * MiB  # rows x columns a sheet spans (its reader holds every one, empty or not)
FIELD_CHARS = 64 * 1024  # one cell of one row: longer is not a value anyone typed


def size(n: int) -> str:
    """1_610_612_736 -> '1.5 GiB' (binary units, as the limits are set)."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", MiB), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"

"""Text from reports, teammates and buyers is data: a terminal must show it, never obey it.

A cell, a task title or a buyer's message can hold escape sequences (``ESC ]52;c;…BEL`` writes
the clipboard, ``ESC [2J`` clears the screen, C1 ``\\x9b`` starts a sequence on its own). One
rule, used by the app (``ui.kit.safe``) and by every line the command line prints
(``cli.output``): C0 controls except tab and newline, DEL, C1 and a lone carriage return are
shown as visible symbols (``␛`` for ESC, ``\\x9b`` for a C1 byte). JSON escapes them instead,
and files keep the data exactly as stored.
"""

from __future__ import annotations

import json
import re
from typing import Any

# CR before LF is a Windows line end (shown as one); any other CR would move the cursor home. Lone
# surrogates (undecodable bytes of a command-line argument) cannot even be encoded for the terminal.
_CONTROL = re.compile("\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# json.dumps(ensure_ascii=False) escapes C0 but passes DEL, C1, the JavaScript line separators and
# lone surrogates (which no terminal encoding can carry).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _symbol(match: re.Match) -> str:
    found = match.group()
    if found == "\r\n":
        return "\n"
    code = ord(found)
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL, ␍ for a lone CR
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xDC80 <= code <= 0xDCFF:  # the byte Python could not decode from an argument or file name
        return f"\\x{code - 0xDC00:02x}"
    if code >= 0xD800:
        return f"\\u{code:04x}"
    return f"\\x{code:02x}"


def visible(value: object) -> str:
    """``value`` as a string a terminal only displays: control characters become visible symbols."""
    return _CONTROL.sub(_symbol, "" if value is None else str(value))


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON with every control character escaped (``\\u001b``, ``\\u009b``): safe to print, exact to parse."""
    text = json.dumps(data, indent=indent, ensure_ascii=False, default=str)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

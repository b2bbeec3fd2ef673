"""Which text encoding a report is in, and how sure we are.

Seller Central downloads are UTF-8, but a file saved again by Excel is in the
Windows code page of whoever saved it: GBK on a Chinese Windows, Big5 on a
Taiwanese one, Shift_JIS on a Japanese one, Windows-1252 in Europe and the
Americas, or UTF-16 ("Unicode text"). Decoding with the wrong one never fails
loudly: GBK bytes read as Shift_JIS give half-width katakana, and as
Windows-1252 give accented capitals, so a wrong guess would store mojibake.

A byte order mark decides. Otherwise every candidate that decodes the whole
file is scored on how its non-ASCII characters look: a GBK file read as GBK
gives the 3,755 common hanzi of GB 2312 level 1; read as Big5 many of them
land among the rare characters, read as Shift_JIS on half-width katakana, and
read as Windows-1252 in runs of accented capitals no language writes. The
best score wins only when it is high and clearly ahead of the next; otherwise
the file is ``unsure`` and the user chooses (``--encoding``, or the import
screen's choice with a line of each reading). No dictionary, no network: the
standards' own layout of common and rare characters is the evidence.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from sellertui.core.i18n import N_, _

# name shown to the user, and the words ``--encoding`` accepts for each codec
LABELS = {
    "utf-8": "UTF-8",
    "utf-16-le": N_("UTF-16 (little-endian)"),
    "utf-16-be": N_("UTF-16 (big-endian)"),
    "gb18030": N_("GBK / GB18030 (Chinese, simplified)"),
    "cp950": N_("Big5 (Chinese, traditional)"),
    "cp932": N_("Shift_JIS (Japanese)"),
    "cp1252": N_("Windows-1252 (Western European)"),
}
ALIASES = {
    "utf8": "utf-8", "utf-8": "utf-8", "utf-8-sig": "utf-8", "utf16": "utf-16-le", "utf-16": "utf-16-le",
    "utf-16le": "utf-16-le", "utf-16-le": "utf-16-le", "utf-16be": "utf-16-be", "utf-16-be": "utf-16-be",
    "gbk": "gb18030", "gb2312": "gb18030", "gb18030": "gb18030", "cp936": "gb18030", "big5": "cp950",
    "cp950": "cp950", "big5-hkscs": "cp950", "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932",
    "cp932": "cp932", "windows-31j": "cp932", "cp1252": "cp1252", "windows-1252": "cp1252", "latin-1": "cp1252",
    "latin1": "cp1252", "iso-8859-1": "cp1252", "ansi": "cp1252",
}
GUESSED = ("gb18030", "cp950", "cp932", "cp1252")  # what a file without a BOM that is not UTF-8 may be
SURE_SCORE = 0.8  # the best reading must look this much like real text ...
SURE_MARGIN = 0.2  # ... and this much better than the next one
LONE_SCORE = 0.5  # the only encoding that reads the file at all needs only to look like text
MIN_EVIDENCE = 3  # characters needed to choose between encodings that each read every byte
CJK_EVIDENCE = 10  # characters needed to tell GBK, Big5 and Shift_JIS apart when each reads every byte
SAMPLE = 4000  # non-ASCII characters scored per candidate (plenty, and bounded)


def codec_for(name: str) -> str:
    """The codec for what a user typed after ``--encoding``; ValueError names the choices."""
    key = name.strip().lower().replace("_", "-") if name else ""
    key = {"shift-jis": "shift_jis"}.get(key, key)
    codec = ALIASES.get(key) or ALIASES.get(key.replace("-", ""))
    if codec is None:
        raise ValueError(_("unknown encoding {name}; sellertui reads utf-8, utf-16, gbk, big5, shift_jis "
                           "and windows-1252").format(name=repr(name)))
    return codec


@dataclass(frozen=True)
class Reading:
    """One candidate's reading of the file: how plausible it looks, and a line of it to show."""

    encoding: str
    score: float
    preview: str
    chars: int = 0  # non-ASCII characters the score is based on

    @property
    def label(self) -> str:
        return LABELS.get(self.encoding, self.encoding)


@dataclass(frozen=True)
class Verdict:
    """The encoding to read with, or (``sure`` False) the likely ones for the user to choose from."""

    encoding: str
    source: str  # "byte order mark", "detected", "ASCII", "chosen"
    readings: tuple[Reading, ...] = ()

    @property
    def sure(self) -> bool:
        return self.source != "unsure"

    @property
    def label(self) -> str:
        return LABELS.get(self.encoding, self.encoding)


def decide(readings: list[Reading]) -> Verdict:
    """The verdict from the candidates that decoded the whole file (best first)."""
    ranked = sorted(readings, key=lambda r: -r.score)
    if not ranked:
        return Verdict("", "unsure")
    best = ranked[0]
    if len(ranked) == 1 and best.score >= LONE_SCORE:
        return Verdict(best.encoding, "detected", tuple(ranked))
    runner = ranked[1].score if len(ranked) > 1 else 0.0
    # One or two characters prove nothing; and CJK code pages that all read every byte look alike
    # for a few characters (a name or two)
    rival_cjk = best.encoding in _WEIGHTS and any(r.encoding in _WEIGHTS for r in ranked[1:])
    if best.chars < MIN_EVIDENCE or rival_cjk and best.chars < CJK_EVIDENCE:
        return Verdict(best.encoding, "unsure", tuple(ranked[:3]))
    if best.score >= SURE_SCORE and best.score - runner >= SURE_MARGIN:
        return Verdict(best.encoding, "detected", tuple(ranked))
    likely = tuple(r for r in ranked if r.score >= best.score - 0.5)[:3]
    return Verdict(best.encoding, "unsure", likely)


# -- how plausible a reading looks ---------------------------------------------------------------
_COMMON_1252 = set("€£¥©®°±·–—‘’‚“”„…•™«»¿¡§²³µ½¼¾‰ßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ"
                   "ŒœŠšŽžŸ")
_RUN = re.compile(r"[^\x00-\x7f]{3,}")
# UTF-8 read as Windows-1252: é -> Ã©, ’ -> â€™, a no-break space -> Â followed by it
_MOJIBAKE = re.compile("Ã[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u203a\u20ac\u2122]|â€|Â[\xa0-\xbf]")


def _score_1252(text: str) -> tuple[float, int]:
    """Western text: accented letters sit in words; CJK bytes read this way make runs and a mess of symbols.

    charset-normalizer's mess ratio (symbols inside words, case flipping, accent soup) judges
    the Latin reading; the runs and UTF-8 markers catch what it lets through.
    """
    from charset_normalizer.md import mess_ratio

    total = weight = 0.0
    in_runs = sum(len(m.group()) for m in _RUN.finditer(text))
    in_runs += sum(len(m.group()) for m in _MOJIBAKE.finditer(text))
    for ch in text:
        if ch < "\x80":
            continue
        total += 1
        weight += 1.0 if ch in _COMMON_1252 else 0.3
    if not total:
        return 1.0, 0
    return max(0.0, weight / total - in_runs / total) * max(0.0, 1.0 - mess_ratio(text, 1.0)), int(total)


def _gb_weight(ch: str) -> float:
    b = ch.encode("gb18030")
    if len(b) != 2:
        return 0.0  # four-byte GB18030: characters a report never holds
    lead, trail = b
    if 0xB0 <= lead <= 0xD7 and trail >= 0xA1:
        return 1.0  # GB 2312 level 1: the common hanzi
    if 0xA1 <= lead <= 0xA3 and trail >= 0xA1:
        return 1.0  # full-width punctuation, digits and letters
    if 0xD8 <= lead <= 0xF7 and trail >= 0xA1:
        return 0.5  # level 2: rarer hanzi, some in names
    return 0.1  # GBK extensions, kana, Greek, box drawing


def _big5_weight(ch: str) -> float:
    code = int.from_bytes(ch.encode("cp950"), "big")
    if 0xA440 <= code <= 0xC67E or 0xA140 <= code <= 0xA3BF:
        return 1.0  # the frequently used characters, and punctuation
    if 0xC940 <= code <= 0xF9D5:
        return 0.4  # the less frequent ones
    return 0.0


def _sjis_weight(ch: str) -> float:
    b = ch.encode("cp932")
    if len(b) == 1:
        return 0.2  # half-width katakana: what other CJK bytes turn into
    code = int.from_bytes(b, "big")
    if 0x8140 <= code <= 0x83FF or 0x889F <= code <= 0x9872:
        return 1.0  # punctuation, full-width letters, kana, level-1 kanji
    if 0x989F <= code <= 0xEAA4:
        return 0.4  # level-2 kanji
    return 0.1


_WEIGHTS = {"gb18030": _gb_weight, "cp950": _big5_weight, "cp932": _sjis_weight}


def _big5_shape(text: str) -> float:
    """How likely the characters are real Big5 rather than GBK read as Big5, from their trail bytes.

    Real Big5 text puts ~40% of its trail bytes in 0x40-0x7E; GBK's common hanzi
    (read as Big5) almost never do (~2%, its rare extensions). The odds of the two
    explanations, as a probability: a handful of characters already tells them apart
    (eight with no low trail byte: 2%), with no frequency table.
    """
    pairs = [b for b in (ch.encode("cp950") for ch in text if ch >= "\x80") if len(b) == 2]
    low = sum(1 for b in pairs if b[1] <= 0x7E)
    odds = (0.4 / 0.02) ** low * (0.6 / 0.98) ** (len(pairs) - low)
    return odds / (1.0 + odds) if odds < 1e12 else 1.0


def score(encoding: str, text: str) -> tuple[float, int]:
    """(plausibility 0..1, non-ASCII characters looked at) of ``text`` as read with ``encoding``."""
    if encoding == "cp1252":
        return _score_1252(text)
    if encoding == "cp950":
        plausible, total = _score_chars(encoding, text)
        return plausible * _big5_shape(text), total
    return _score_chars(encoding, text)


def _score_chars(encoding: str, text: str) -> tuple[float, int]:
    weigh = _WEIGHTS.get(encoding)
    total = weight = 0.0
    for ch in text:
        if ch < "\x80":
            continue
        if unicodedata.category(ch) in ("Co", "Cn", "Cc"):
            weight += 0.0  # private use, unassigned or C1: never in a report
        elif weigh is None:
            weight += 1.0
        else:
            weight += weigh(ch)
        total += 1
    return (weight / total, int(total)) if total else (1.0, 0)


def preview(text: str, width: int = 60) -> str:
    """The first non-ASCII cells, as this reading shows them: what the user tells the readings apart by."""
    for line in text.splitlines():
        if not line.isascii():
            cells = [" ".join(cell.split()) for cell in re.split(r"[\t,;]", line) if not cell.isascii()]
            shown = " · ".join(cells)
            return shown if len(shown) <= width else shown[: width - 1] + "…"
    return ""


def decoder(encoding: str) -> codecs.IncrementalDecoder:
    return codecs.getincrementaldecoder(encoding)("strict")

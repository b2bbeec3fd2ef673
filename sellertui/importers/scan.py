"""One streamed pass over a flat file before it is parsed: is it text, in which encoding, how is it laid out.

The file is read in blocks (never whole): a 1 GiB file of NUL bytes is called
binary after its first block, a 1 GiB file of spaces is called empty without
being held in memory, and every candidate encoding's decoder runs over the
blocks, so an encoding is chosen only if it reads the *whole* file (a wrong
byte on line 900,000 is found here, not half way through an import). The pass
also counts what the parser needs to number lines (line breaks, quotes).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import BinaryIO

from sellertui.core.i18n import N_, _
from sellertui.importers import encodings
from sellertui.importers.encodings import Reading, Verdict
from sellertui.importers.errors import FileProblem

BLOCK = 1 << 15  # read and decoded at a time: under glibc's mmap threshold (``sellertui.memory``) even as UCS-2
# text, so each block reuses the last one's memory (1 MiB blocks page-faulted fresh memory each time: 200k
# search terms scanned in 0.07 s user + 0.065 s system, now 0.05 s + 0.01 s)
HEAD = 1 << 18  # bytes the header row is looked for in (and the encoding first judged on)
EVIDENCE = 32_768  # characters of non-ASCII lines kept per candidate for scoring
UTF8_SURE = 256  # non-ASCII characters that decoded as UTF-8 make every other reading moot
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_CONTROLS = bytes(set(range(0x01, 0x09)) | set(range(0x0E, 0x1B)) | set(range(0x1C, 0x20)))
_WHITE = b" \t\r\n\x0b\x0c"


class EncodingUnsure(FileProblem):
    """The file reads plausibly in more than one encoding (or in none well): the user must say which."""

    def __init__(self, file: str, verdict: Verdict) -> None:
        self.verdict = verdict
        readings = verdict.readings
        if readings:
            options = _(" or as ").join(_("{label} ('{preview}')").format(label=_(r.label), preview=r.preview)
                                        if r.preview else _(r.label) for r in readings)
            names = _(" or ").join(f"--encoding {_option(r.encoding)}" for r in readings)
            message = _("cannot tell which text encoding it is in: it reads as {readings}; say which with "
                        "{options}").format(readings=options, options=names)
        else:
            message = _("is not text in any encoding sellertui reads (UTF-8, UTF-16, GBK, Big5, Shift_JIS, "
                        "Windows-1252); if it is text, say which with --encoding")
        super().__init__(file, message)


def _option(codec: str) -> str:
    return {"gb18030": "gbk", "cp950": "big5", "cp932": "shift_jis", "cp1252": "windows-1252",
            "utf-16-le": "utf-16le", "utf-16-be": "utf-16be"}.get(codec, codec)


@dataclass
class Scan:
    """What the pass found: the encoding to read with, and the layout facts the parser needs."""

    encoding: str
    bom: int
    verdict: Verdict
    blank: bool = True  # nothing but white space (and a BOM)
    size: int = 0
    newlines: int = 0  # "\n" in the whole file
    quotes: bool = False  # any '"' at all
    ends_with_newline: bool = True


@dataclass
class _Candidate:
    encoding: str
    decoder: codecs.IncrementalDecoder
    evidence: list[str] = field(default_factory=list)  # lines holding non-ASCII text, as this encoding reads them
    kept: int = 0
    non_ascii: int = 0

    def take(self, text: str) -> None:
        if self.kept >= EVIDENCE or text.isascii():
            return
        for line in text.splitlines():
            if not line.isascii():
                self.evidence.append(line)
                self.kept += len(line)
                self.non_ascii += len(line) - len(line.encode("ascii", "ignore"))
                if self.kept >= EVIDENCE:
                    return


def scan(name: str, fh: BinaryIO, head: bytes, chosen: str | None = None) -> Scan:
    """Stream ``fh`` (positioned after ``head``, its first bytes); FileProblem for binary or unreadable text."""
    bom_encoding, bom = next(((enc, len(mark)) for mark, enc in BOMS if head.startswith(mark)), (None, 0))
    wide = bom_encoding if bom_encoding and bom_encoding.startswith("utf-16") else _utf16_without_bom(head)
    if wide is None:
        _refuse_binary(name, head)
    if chosen:
        names, source = [chosen], "chosen"
    elif bom_encoding or wide:
        names, source = [bom_encoding or wide], "byte order mark" if bom_encoding else "detected"
    else:
        names, source = ["utf-8", *encodings.GUESSED], "detected"
    live = [_Candidate(n, encodings.decoder(n)) for n in names]
    failures: dict[str, tuple[int, int, int]] = {}  # encoding: (byte, line, non-ASCII characters read before)
    facts = Scan("", bom, Verdict("", source))
    block, offset = head[bom:], bom
    while block:
        following = fh.read(BLOCK)
        last = not following
        if wide is None and b"\x00" in block:
            raise FileProblem(name, _("is binary data, not a text report (a NUL byte at byte {at:,})").format(
                at=offset + block.index(0)))
        facts.blank = facts.blank and not block.translate(None, _WHITE + (b"\x00" if wide else b""))
        _count(facts, block)
        if last or wide or not block.isascii() or not all(_idle(c.decoder) for c in live):
            live = _decode(live, block, last, offset, facts.newlines - block.count(b"\n"), failures)
            if not live:
                break
            if not chosen and len(live) > 1 and live[0].encoding == "utf-8" and live[0].non_ascii >= UTF8_SURE:
                live = live[:1]  # hundreds of valid UTF-8 sequences: no other encoding does that by chance
        offset += len(block)
        block = following
    facts.size = offset
    if not facts.blank:
        facts.verdict = _verdict(name, live, failures, chosen or bom_encoding, wide, source)
        facts.encoding = facts.verdict.encoding
    return facts


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly ASCII letters has a NUL in every other byte (Excel's "Unicode text" has a BOM)."""
    sample = head[: 1 << 16]
    pairs = len(sample) // 2
    if pairs < 8 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _refuse_binary(name: str, head: bytes) -> None:
    if b"\x00" in head:
        raise FileProblem(name, _("is binary data, not a text report or an Excel workbook"))
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if controls > max(8, len(head) // 100):  # text has tabs and line breaks, not these
        raise FileProblem(name, _("is binary data, not a text report or an Excel workbook"))


def _count(facts: Scan, block: bytes) -> None:
    """Line breaks and quotes (what numbering the rows needs)."""
    facts.newlines += block.count(b"\n")  # in UTF-16 an over-count is harmless: it only picks the careful path
    facts.quotes = facts.quotes or b'"' in block
    facts.ends_with_newline = block.endswith((b"\n", b"\n\x00"))


def _idle(decoder: codecs.IncrementalDecoder) -> bool:
    return not decoder.getstate()[0]


def _decode(live: list[_Candidate], block: bytes, last: bool, offset: int, lines_before: int,
            failures: dict[str, tuple[int, int, int]]) -> list[_Candidate]:
    kept = []
    for candidate in live:
        try:
            candidate.take(candidate.decoder.decode(block, final=last))
        except UnicodeDecodeError as exc:
            before = block[:exc.start].decode(candidate.encoding, "ignore")
            read = candidate.non_ascii + len(before) - len(before.encode("ascii", "ignore"))
            failures[candidate.encoding] = (offset + exc.start, lines_before + block.count(b"\n", 0, exc.start) + 1,
                                            read)
            continue
        kept.append(candidate)
    return kept


def _verdict(name: str, live: list[_Candidate], failures: dict[str, tuple[int, int, int]], told: str | None,
             wide: str | None, source: str) -> Verdict:
    if told or wide:  # a BOM, --encoding or the UTF-16 pattern: that encoding, or the file is not what it says
        encoding = told or wide
        if encoding in failures:
            at, line, _count = failures[encoding]
            label = encodings.LABELS.get(encoding, encoding)
            how = {"byte order mark": N_("says it is {encoding} but line {line} is not (the byte at {at:,} cannot "
                                         "be read that way); save it again as UTF-8, or say which encoding with "
                                         "--encoding"),
                   "chosen": N_("was read as {encoding} but line {line} is not (the byte at {at:,} cannot be read "
                                "that way); save it again as UTF-8, or say which encoding with --encoding")}.get(
                source, N_("looks like {encoding} but line {line} is not (the byte at {at:,} cannot be read that "
                           "way); save it again as UTF-8, or say which encoding with --encoding"))
            raise FileProblem(name, _(how).format(encoding=_(label), line=line, at=at))
        return Verdict(encoding, source)
    at, line, read = failures.get("utf-8", (0, 0, 0))
    if read >= UTF8_SURE:  # UTF-8 for hundreds of characters, then a byte that is not: not a guess to make
        raise FileProblem(name, _("is UTF-8 text until line {line}, where the byte at {at:,} is not UTF-8 (two "
                                  "files joined, or a damaged one?); save it again as UTF-8, or say which encoding "
                                  "with --encoding").format(line=line, at=at))
    if live and not any(c.evidence for c in live):
        return Verdict("utf-8", "ASCII")
    if live and live[0].encoding == "utf-8":  # valid UTF-8 through the whole file: what Seller Central writes
        return Verdict("utf-8", "detected")
    readings = []
    for candidate in live:
        text = "\n".join(candidate.evidence)
        plausible, chars = encodings.score(candidate.encoding, text)
        readings.append(Reading(candidate.encoding, round(plausible, 3), encodings.preview(text), chars))
    verdict = encodings.decide(readings)
    if not verdict.sure:
        raise EncodingUnsure(name, verdict)
    return verdict

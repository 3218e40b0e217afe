"""Decoding of email parts whose charset is declared, rightly or not."""

from __future__ import annotations

import codecs
import re

from analyzer.errors import InputError
from analyzer.textio import WESTERN_CODEC, Decoded, decode_bytes, display_encoding

_LATIN_1 = codecs.lookup("latin-1").name
_C1_BYTES = re.compile(b"[\x80-\x9f]")


def decode_with_charset(data: bytes, charset: str | None) -> Decoded:
    """Decode ``data`` that claims to be in ``charset`` (e.g. a MIME part).

    A missing, unknown or wrong charset falls back to detection
    (:func:`~analyzer.textio.decode_bytes`); valid UTF-8 wins over a
    declared single-byte charset (a frequent mislabel); ISO-8859-1 is read
    as windows-1252, as browsers do; bytes nothing can decode are replaced
    rather than rejected. Never raises.
    """
    declared = _lookup(charset)
    if declared is None:
        return _fallback(data, f"unknown charset {charset!r}" if charset else None)
    utf8 = _utf8(data)
    if declared in ("ascii", "utf-8"):
        return utf8 or _fallback(data, f"declared {charset} did not fit")
    if utf8 is not None and not data.isascii() and not declared.startswith("utf"):
        return Decoded(utf8.text, "utf-8", f"declared {charset} but decoded as utf-8")
    if declared == _LATIN_1 and _C1_BYTES.search(data):
        declared = WESTERN_CODEC
    try:
        return Decoded(data.decode(declared), display_encoding(declared))
    except UnicodeDecodeError:
        return _fallback(data, f"declared {charset} did not fit")


def _utf8(data: bytes) -> Decoded | None:
    """Return ``data`` decoded as UTF-8, ``None`` if it is not valid UTF-8."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _fallback(data: bytes, reason: str | None) -> Decoded:
    """Detect the encoding of ``data``, replacing bytes when nothing fits."""
    try:
        decoded = decode_bytes(data)
    except InputError:
        text = data.decode("utf-8", errors="replace")
        decoded = Decoded(text, "utf-8", "undecodable bytes were replaced")
    if reason is None:
        return decoded
    note = f"{reason}; {decoded.note or 'decoded as utf-8'}"
    return Decoded(decoded.text, decoded.encoding, note)


def _lookup(charset: str | None) -> str | None:
    """Return Python's canonical codec name for ``charset``, or ``None``."""
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None

"""Decoding of user-supplied text files and byte strings.

Used by ``analyze -f`` and by the mail readers. Everything here either
returns decoded text or raises :class:`~analyzer.errors.InputError` with a
one-line, human-readable reason; nothing is printed.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import charset_normalizer

from analyzer.errors import InputError

#: Largest text file (in bytes) that :func:`read_text_file` accepts: 10 MiB.
#: Feedback files are small; anything larger is almost certainly a mistake
#: (a log dump, an archive) and would only slow the analysis down.
MAX_FILE_BYTES = 10 * 1024 * 1024

#: Longest message text (in characters) a reader hands on; longer texts are
#: cut by :func:`clip_text` and the cut is reported in a note.
MAX_MESSAGE_CHARS = 200_000

# UTF-32 first: the UTF-32-LE byte order mark starts with the UTF-16-LE one.
_BOMS = (
    ((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),
    ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16"),
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.05
_MIN_UTF16_NUL_RATIO = 0.3
#: The most common legacy encoding; preferred when detection is unsure.
WESTERN_CODEC = "cp1252"
# Legacy codecs by how often they occur in practice; used to break the ties
# charset-normalizer produces on short texts.
_FAVOURITES = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso8859_15")
_TIE = 0.005
# Mac, DOS and EBCDIC code pages: rare today, and often mis-detected.
_RARE = re.compile(r"mac_|hp_|kz|ptcp|cp(0|2|4\d\d|5|7|8[56]|875|10[02]|11[24])")
_OS_PROBLEMS: Mapping[type[OSError], str] = MappingProxyType(
    {
        FileNotFoundError: "file not found",
        IsADirectoryError: "is a directory, not a file",
        PermissionError: "permission denied",
    }
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes.

    ``encoding`` is a codec name Python accepts (e.g. ``"utf-8"``,
    ``"windows-1252"``); ``note`` is a short sentence for the user when the
    text was not plain UTF-8, else ``None``.
    """

    text: str
    encoding: str
    note: str | None = None


def display_encoding(name: str) -> str:
    """Return the conventional, human-friendly spelling of codec ``name``."""
    canonical = codecs.lookup(name).name
    if canonical.startswith("cp125"):
        return "windows-" + canonical[2:]
    if canonical.startswith("iso8859-"):
        return "iso-" + canonical[3:]
    return canonical.replace("_", "-")


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` to text, detecting the encoding when it is not UTF-8.

    Tries UTF-16/32 announced by a byte order mark, BOM-less UTF-16 (told
    by its NUL bytes), UTF-8 with or without BOM, then charset-normalizer
    detection. Only non-UTF-8 results carry a note.

    Raises:
        InputError: the data looks binary or no encoding fits.
    """
    for attempt in (_try_bom, _try_bomless_utf16, _try_utf8):
        decoded = attempt(data)
        if decoded is not None:
            return _reject_binary(decoded)
    if b"\x00" in data:
        raise InputError("looks like a binary file (contains NUL bytes)")
    return _reject_binary(_detect(data))


def read_text_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> Decoded:
    """Read and decode the text file at ``path``.

    Raises:
        InputError: the file is missing, a directory, unreadable, larger
            than ``max_bytes``, binary, or empty / whitespace only.
    """
    data = read_file_bytes(path, max_bytes=max_bytes)
    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        raise InputError(f"{os.fspath(path)}: {exc}") from None
    if not decoded.text.strip():
        raise InputError(f"{os.fspath(path)}: file contains only whitespace")
    return decoded


def read_file_bytes(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of the non-empty regular file ``path``.

    Raises:
        InputError: missing, a directory, unreadable, larger than
            ``max_bytes``, or empty; the message names the path.
    """
    data = b""
    try:
        problem = _stat_problem(os.stat(path), max_bytes)
        if problem is None:
            with Path(path).open("rb") as handle:
                data = handle.read(max_bytes + 1)
    except OSError as exc:
        problem = _OS_PROBLEMS.get(type(exc), f"cannot read file ({exc.strerror or exc})")
    if problem is None and len(data) > max_bytes:
        problem = f"file is larger than the {max_bytes:,}-byte limit"
    if problem is None and not data:
        problem = "file is empty"
    if problem is not None:
        raise InputError(f"{os.fspath(path)}: {problem}")
    return data


def _stat_problem(info: os.stat_result, max_bytes: int) -> str | None:
    """Return why a file with ``info`` cannot be read as input, or ``None``."""
    if stat.S_ISDIR(info.st_mode):
        return _OS_PROBLEMS[IsADirectoryError]
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > max_bytes:
        return f"file is larger than the {max_bytes:,}-byte limit"
    return None


_LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> tuple[str, str | None]:
    """Replace lone surrogates (left by bad decoding) with U+FFFD; return it and a note if any.

    Such characters cannot be written in any Unicode encoding, so a report quoting them could
    not be printed or saved. The replacement keeps the length, so offsets are unchanged.
    """
    found = len(_LONE_SURROGATES.findall(text))
    if not found:
        return text, None
    plural = "s" if found > 1 else ""
    note = f"{found} undecodable character{plural} replaced with \ufffd"
    return _LONE_SURROGATES.sub("\ufffd", text), note


def clip_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> tuple[str, str | None]:
    """Cut ``text`` to at most ``limit`` characters; return it and a note if cut."""
    if len(text) <= limit:
        return text, None
    return text[:limit], f"truncated to the first {limit:,} characters"


def _try_utf8(data: bytes) -> Decoded | None:
    """Decode ``data`` as UTF-8 (BOM allowed), ``None`` if it is not UTF-8."""
    codec = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    return _decode_or_none(data, codec, None)


def _try_bom(data: bytes) -> Decoded | None:
    """Decode UTF-16/32 data that starts with a byte order mark."""
    for boms, codec in _BOMS:
        if data.startswith(boms):
            return _decode_or_none(data, codec, f"decoded as {codec} (byte order mark)")
    return None


def _try_bomless_utf16(data: bytes) -> Decoded | None:
    """Recognise BOM-less UTF-16 by its NUL bytes all on one side of each pair."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    enough = _MIN_UTF16_NUL_RATIO * len(data) / 2
    if odd_nuls >= enough and even_nuls == 0:
        codec = "utf-16-le"
    elif even_nuls >= enough and odd_nuls == 0:
        codec = "utf-16-be"
    else:
        return None
    return _decode_or_none(data, codec, f"decoded as {codec} (no byte order mark)")


def _decode_or_none(data: bytes, codec: str, note: str | None) -> Decoded | None:
    """Decode ``data`` strictly with ``codec``; ``None`` if the bytes do not fit."""
    try:
        return Decoded(data.decode(codec), codec, note)
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> Decoded:
    """Guess the encoding of ``data`` with charset-normalizer.

    Short texts often fit several codecs about equally well, so Mac, DOS and
    EBCDIC code pages are only used when nothing else fits, and among nearly
    tied codecs the most common one (``_FAVOURITES``) wins.
    """
    candidates = [
        match
        for match in charset_normalizer.from_bytes(data)
        if not match.encoding.startswith(("utf_16", "utf_32"))  # need NULs: handled above
    ]
    if not candidates:
        raise InputError("looks like a binary file (no text encoding fits)")
    candidates = [m for m in candidates if not _RARE.match(m.encoding)] or candidates
    floor = min(match.chaos for match in candidates)
    near = [match for match in candidates if match.chaos <= floor + _TIE]
    best = min(near, key=lambda match: (_preference(match.encoding), match.chaos))
    codec, text = best.encoding, str(best)
    if codec != WESTERN_CODEC and data.decode(WESTERN_CODEC, errors="replace") == text:
        codec = WESTERN_CODEC  # same text either way: name the far more common codec
    name = display_encoding(codec)
    return Decoded(text, name, f"decoded as {name}")


def _preference(encoding: str) -> int:
    """Rank ``encoding`` by how common it is; lower is more common."""
    return _FAVOURITES.index(encoding) if encoding in _FAVOURITES else len(_FAVOURITES)


def _reject_binary(decoded: Decoded) -> Decoded:
    """Return ``decoded`` unless its text is full of control characters."""
    text = decoded.text
    controls = len(_CONTROL_CHARS.findall(text))
    if "\x00" in text or controls > _MAX_CONTROL_RATIO * len(text):
        raise InputError("looks like a binary file (control characters)")
    return decoded

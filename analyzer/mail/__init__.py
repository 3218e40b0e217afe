"""Readers turning saved emails and text files into :class:`Message` objects.

:func:`iter_messages` is the entry point: give it files, directories or glob
patterns and it yields one :class:`Message` per message found, or a
:class:`ReadError` for anything that could not be read. It never raises for
bad input.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from types import MappingProxyType

from analyzer.mail.eml import read_eml
from analyzer.mail.html import html_to_text, read_html
from analyzer.mail.letter import read_by_content, read_letter
from analyzer.mail.mbox import read_mbox
from analyzer.mail.model import Message, Origin, ReadError
from analyzer.mail.msg import read_msg
from analyzer.mail.text import read_text

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "Message",
    "Origin",
    "ReadError",
    "html_to_text",
    "iter_messages",
    "read_file",
]

Result = Message | ReadError

_SINGLE_MESSAGE_READERS: Mapping[str, Callable[[str], Result]] = MappingProxyType(
    {
        ".eml": read_eml,
        ".msg": read_msg,
        ".txt": read_text,
        ".md": read_text,
        ".pdf": read_letter,
        ".docx": read_letter,
        ".html": read_html,
        ".htm": read_html,
    }
)

#: File extensions (lower case, with the dot) that :func:`iter_messages` reads.
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset({*_SINGLE_MESSAGE_READERS, ".mbox"})

_GLOB_CHARS = frozenset("*?[")


def iter_messages(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Message | ReadError]:
    """Yield the messages found in ``paths``, in order.

    Each path may be a file (read by its content or extension), a directory (searched
    recursively in path order, supported extensions only, hidden files and
    folders skipped) or, when it does not exist and contains ``*``, ``?`` or
    ``[``, a glob pattern (``**`` allowed). Problems are yielded as
    :class:`ReadError`, never raised.
    """
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            yield from _read_directory(name)
        elif _is_pattern(name):
            yield from _read_pattern(name)
        else:
            yield from read_file(name)


def read_file(path: str | os.PathLike[str]) -> Iterator[Message | ReadError]:
    """Yield the message(s) of one file, read as its content says: a PDF or Word document
    whatever its name, a known non-text format refused, else by the file's extension."""
    name = os.fspath(path)
    if not os.path.lexists(name):  # before the extension: a missing file is missing
        yield ReadError(Origin(name), "file not found")
        return
    try:
        by_content = _read_by_content(name)
        if by_content is not None:
            yield by_content
            return
        reader = _reader_for(name)
        if reader is None:
            yield ReadError(Origin(name), _unsupported_reason(name))
            return
        yield from reader(name)
    except Exception as exc:  # deliberately broad: the last line of defence
        yield ReadError(Origin(name), f"unexpected error: {type(exc).__name__}: {exc}")


def _read_by_content(name: str) -> Result | None:
    """The message of a file whose content is a document or a refused format, else ``None``
    (mailboxes are read by their extension only: they are text)."""
    suffix = _extension(name)
    return None if suffix == ".mbox" else read_by_content(name, suffix=suffix)


def _read_directory(root: str) -> Iterator[Result]:
    """Yield the messages of every supported file under ``root``."""
    files = _walk_supported(root)
    if not files:
        yield ReadError(Origin(root), "directory contains no supported files")
    for name in files:
        yield from read_file(name)


def _walk_supported(root: str) -> list[str]:
    """Return the supported files under ``root``, recursively, sorted by path.

    Hidden files and folders (name starting with ``.``) are skipped, as a
    shell glob would.
    """
    found: list[str] = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.extend(
            os.path.join(folder, name)
            for name in files
            if not name.startswith(".") and _extension(name) in SUPPORTED_EXTENSIONS
        )
    return sorted(found, key=lambda name: Path(name).parts)


def _read_pattern(pattern: str) -> Iterator[Result]:
    """Yield the messages of the supported files matching glob ``pattern``."""
    matches = sorted(glob.glob(pattern, recursive=True))
    files: list[str] = []
    for match in matches:
        files.extend(_walk_supported(match) if os.path.isdir(match) else _only_supported(match))
    if not files:
        yield ReadError(Origin(pattern), _empty_pattern_reason(matches))
    for name in files:
        yield from read_file(name)


def _only_supported(name: str) -> list[str]:
    """Return ``[name]`` if its extension is supported, else ``[]``."""
    return [name] if _extension(name) in SUPPORTED_EXTENSIONS else []


def _empty_pattern_reason(matches: list[str]) -> str:
    """Explain why a pattern with these ``matches`` gave nothing to read."""
    if matches:
        return "no supported files match this pattern"
    return "no files match this pattern"


def _is_pattern(name: str) -> bool:
    """Tell whether ``name`` is a glob pattern rather than a (missing) path."""
    return not os.path.lexists(name) and any(char in _GLOB_CHARS for char in name)


def _extension(name: str) -> str:
    """Return the lower-case extension of ``name``, with its dot."""
    return Path(name).suffix.lower()


def _unsupported_reason(name: str) -> str:
    """Explain that ``name``'s type is not supported and list the ones that are."""
    supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
    suffix = _extension(name) or "no extension"
    return f"unsupported file type ({suffix}); supported: {supported}"


def _reader_for(name: str) -> Callable[[str], Iterator[Result]] | None:
    """Return the reader for ``name``'s extension, ``None`` if unsupported."""
    suffix = _extension(name)
    if suffix == ".mbox":
        return read_mbox
    reader = _SINGLE_MESSAGE_READERS.get(suffix)
    if reader is None:
        return None
    return partial(_read_single, reader)


def _read_single(reader: Callable[[str], Result], name: str) -> Iterator[Result]:
    """Yield the one result of a single-message ``reader`` for ``name``."""
    yield reader(name)

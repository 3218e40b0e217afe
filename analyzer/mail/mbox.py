"""Reader for mbox mailboxes, streamed one message at a time."""

from __future__ import annotations

import mailbox
import os
import re
from collections.abc import Iterator

from analyzer.mail.eml import MAX_EMAIL_BYTES, parse_email_bytes
from analyzer.mail.model import Message, Origin, ReadError

_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.M)
_SNIFF_BYTES = 4096


def read_mbox(path: str | os.PathLike[str]) -> Iterator[Message | ReadError]:
    """Yield each message of the mbox at ``path``, in file order.

    The file is scanned once for message boundaries and then each message is
    read and parsed on its own, so memory use stays at one message. Problems
    are yielded as :class:`ReadError`; nothing is raised.
    """
    name = os.fspath(path)
    problem = _check_file(name)
    if problem is not None:
        yield ReadError(Origin(name), problem)
        return
    try:
        box = mailbox.mbox(name, create=False)
    except (OSError, mailbox.Error) as exc:
        yield ReadError(Origin(name), f"cannot open mailbox ({exc})")
        return
    try:
        yield from _read_messages(box, name)
    finally:
        box.close()


def _read_messages(box: mailbox.mbox, name: str) -> Iterator[Message | ReadError]:
    """Yield the parsed messages of ``box``; stop with a ReadError on I/O failure."""
    count = 0
    try:
        for index, key in enumerate(box.iterkeys()):
            count += 1
            yield _read_one(box, key, Origin(name, index))
    except OSError as exc:
        yield ReadError(Origin(name), f"reading stopped: {exc.strerror or exc}")
        return
    if count == 0:
        yield ReadError(Origin(name), "no messages found (not an mbox file?)")


def _read_one(box: mailbox.mbox, key: str, origin: Origin) -> Message | ReadError:
    """Read and parse the message stored under ``key``."""
    data = box.get_bytes(key)
    if len(data) > MAX_EMAIL_BYTES:
        return ReadError(origin, f"message is larger than the {MAX_EMAIL_BYTES:,}-byte limit")
    return parse_email_bytes(unescape_from_lines(data), origin)


def unescape_from_lines(data: bytes) -> bytes:
    """Undo mbox ``>From `` quoting: one ``>`` is removed from such lines."""
    return _ESCAPED_FROM.sub(rb"\1", data)


def _check_file(name: str) -> str | None:
    """Return why ``name`` cannot be an mbox, or ``None`` if it may be one."""
    try:
        with open(name, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except FileNotFoundError:
        return "file not found"
    except IsADirectoryError:
        return "is a directory, not a file"
    except PermissionError:
        return "permission denied"
    except OSError as exc:
        return f"cannot read file ({exc.strerror or exc})"
    if not head.strip():
        return "file is empty"
    if b"\x00" in head and not head.startswith(b"From "):
        # a file that starts as an mbox is read message by message: one damaged message
        # (NUL bytes) is its own error, not the loss of the whole mailbox
        return "looks like a binary file, not an mbox"
    return None

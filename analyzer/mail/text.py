"""Reader for plain text (``.txt``) and Markdown (``.md``) files."""

from __future__ import annotations

import os

from analyzer.errors import InputError
from analyzer.mail._common import build_message, reason_of
from analyzer.mail.model import Message, Origin, ReadError
from analyzer.textio import read_text_file


def read_text(path: str | os.PathLike[str]) -> Message | ReadError:
    """Read a text or Markdown file as one message, decoding it via textio."""
    name = os.fspath(path)
    origin = Origin(name)
    try:
        decoded = read_text_file(path)
    except InputError as exc:
        return ReadError(origin, reason_of(exc, name))
    return build_message(decoded.text, origin, notes=[decoded.note])

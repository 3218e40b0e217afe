"""The command line's exit codes, in one place (documented in the README)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit status of ``feedback-analyzer`` commands."""

    OK = 0
    #: An unexpected internal error (a bug): reported in one line, never as a traceback.
    ERROR = 1
    #: Wrong options or arguments (Click's own usage errors use this code too).
    USAGE = 2
    #: Unusable input: empty, missing, unreadable, binary or larger than the limit.
    INPUT = 3
    #: A rules file could not be read or has a malformed rule.
    RULES = 4
    #: A trained model is missing, corrupt or from an incompatible version.
    MODEL = 5
    #: Batch analysis finished, but some inputs could not be read or analyzed.
    PARTIAL = 6
    #: The message is not in English, which is the only language analyzed: the report is still
    #: written, with a note saying so (``--force`` accepts it and exits 0).
    NOT_ENGLISH = 7
    #: Interrupted by the user (Ctrl-C); whatever was finished has been written.
    INTERRUPTED = 130

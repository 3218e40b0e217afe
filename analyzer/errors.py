"""Exception hierarchy shared by the whole analyzer package."""

from __future__ import annotations


class AnalyzerError(Exception):
    """Base class for every error the analyzer raises on purpose."""


class InputError(AnalyzerError):
    """A user-supplied file or text cannot be used as input."""


class NotALetterError(InputError):
    """A file in a format that never holds a letter (an image, an archive, a spreadsheet)."""


class ModelError(AnalyzerError):
    """A model could not be loaded or failed while running."""


class RulesError(AnalyzerError):
    """A rules file is missing, malformed or inconsistent."""

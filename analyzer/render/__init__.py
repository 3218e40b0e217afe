"""Rendering of reports: the only package (with the CLI) that formats output."""

from __future__ import annotations

FORMATS = ("rich", "json", "markdown", "text")

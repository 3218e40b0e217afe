"""Access to the data files shipped inside the package (patterns, templates, lemma table).

Everything is read with :mod:`importlib.resources`, so it works the same from a source checkout,
an editable install and a wheel installed anywhere.
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.abc import Traversable
from typing import Any


def data_file(*parts: str) -> Traversable:
    """A file shipped in the ``analyzer`` package, e.g. ``data_file("patterns", "vague.jsonl")``."""
    node = resources.files("analyzer")
    for part in parts:
        node = node / part
    return node


def read_json(*parts: str) -> Any:
    """Parse a JSON file shipped in the package."""
    return json.loads(data_file(*parts).read_text(encoding="utf-8"))


def read_jsonl(*parts: str) -> list[dict[str, Any]]:
    """Parse a JSONL file shipped in the package (blank lines are skipped)."""
    text = data_file(*parts).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def read_lines(*parts: str) -> list[str]:
    """Lines of a text file shipped in the package, without comments and blank lines."""
    text = data_file(*parts).read_text(encoding="utf-8")
    return [s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#")]

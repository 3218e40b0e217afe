"""Vague-phrase rules: the built-in pattern file and users' own rule files.

A rule file is JSONL in spaCy's pattern format, one rule a line::

    {"label": "fit_euphemism", "pattern": [{"LOWER": "not"}, {"LEMMA": "gel"}], "id": "my-gel"}
    {"label": "noncommittal_future", "pattern": "when the timing is right"}

``label`` is one of the vague-phrase types; ``pattern`` is a list of token patterns or a phrase
(matched case-insensitively); ``id`` is optional; ``explanation`` is optional and replaces the
type's explanation for matches of this rule.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .errors import RulesError
from .labels import VAGUE_TYPES
from .resources import read_jsonl

BUILTIN = ("patterns", "vague.jsonl")
MAX_RULES_BYTES = 5 * 1024 * 1024


def builtin_rules() -> list[dict[str, Any]]:
    """The vague-phrase rules that ship with the analyzer."""
    return read_jsonl(*BUILTIN)


def load_rules(path: str | Path) -> list[dict[str, Any]]:
    """Read and check a user's rule file; :class:`RulesError` names the first bad line."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_RULES_BYTES:
            raise RulesError(f"{path}: rule file is larger than {MAX_RULES_BYTES} bytes")
        text = path.read_text(encoding="utf-8-sig")
    except RulesError:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: cannot read rule file ({exc})") from None
    rules = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rules.append(_parse_rule(line, f"{path}:{lineno}"))
    if not rules:
        raise RulesError(f"{path}: no rules found")
    return rules


def load_rule_files(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """All rules of several files, in order."""
    return [rule for path in paths for rule in load_rules(path)]


def _parse_rule(line: str, where: str) -> dict[str, Any]:
    try:
        entry = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RulesError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(entry, dict):
        raise RulesError(f"{where}: a rule must be a JSON object")
    label = entry.get("label")
    if label not in VAGUE_TYPES:
        raise RulesError(f"{where}: label must be one of {', '.join(VAGUE_TYPES)}, not {label!r}")
    pattern = entry.get("pattern")
    if isinstance(pattern, str):
        if not pattern.strip():
            raise RulesError(f"{where}: the phrase pattern is empty")
    elif isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern):
        _check_token_pattern(pattern, where)
    else:
        raise RulesError(f"{where}: pattern must be a phrase or a non-empty list of token dicts")
    if "id" in entry and not isinstance(entry["id"], str):
        raise RulesError(f"{where}: id must be a string")
    entry.setdefault("id", f"user-{where.rsplit(':', 1)[-1]}")
    return entry


def _check_token_pattern(pattern: Sequence[dict[str, Any]], where: str) -> None:
    from spacy.errors import MatchPatternError
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    try:
        Matcher(Vocab(), validate=True).add("check", [list(pattern)])
    except (MatchPatternError, ValueError, TypeError, KeyError) as exc:
        first = str(exc).strip().splitlines()
        detail = " ".join(s.strip() for s in first[:3] if s.strip())
        raise RulesError(f"{where}: invalid token pattern: {detail}") from None


def describe_pattern(pattern: str | list[dict[str, Any]]) -> str:
    """A compact human reading of a pattern: ``"not" [fit|match]`` style."""
    if isinstance(pattern, str):
        return f'"{pattern}"'
    return " ".join(_describe_token(t) for t in pattern)


def _describe_token(token: dict[str, Any]) -> str:
    op = token.get("OP", "")
    for attr in ("LOWER", "LEMMA", "ORTH", "TEXT"):
        if attr in token:
            value = token[attr]
            words = value["IN"] if isinstance(value, dict) and "IN" in value else [value]
            if isinstance(value, dict) and "NOT_IN" in value:
                return f"(not {'|'.join(value['NOT_IN'][:3])}){op}"
            shown = "|".join(str(w) for w in words[:6]) + ("|…" if len(words) > 6 else "")
            body = shown if attr != "LEMMA" else f"<{shown}>"
            return f"[{body}]{op}" if len(words) > 1 else f"{body}{op}"
    return f"*{op}"

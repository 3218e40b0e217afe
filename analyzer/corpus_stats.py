"""Surface and label statistics of annotated message files, to compare a corpus with real mail.

Reads any JSONL file or folder of files in the corpus or gold format (``text``, ``kind``,
``reasons``, ``vague_phrases``, ``specific_feedback``), groups the messages by kind and computes
the figures the corpus guide sets targets for. Comparing the corpus with a real annotated file
checks the corpus's distribution instead of assuming it.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

#: Words that make a signature line a team's or a department's rather than a person's.
_TEAM_WORDS = re.compile(
    r"\b(team|recruit(?:ing|ment|er)s?|talent|human resources|HR|people|careers?|hiring|"
    r"department|staffing|acquisition|office|services|resourcing)\b",
    re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: How many of a message's last non-empty lines are read as its signature.
SIGNATURE_LINES = 3


@dataclass(frozen=True)
class Stat:
    """One statistic: its key, what it measures, and how close a corpus must be to real mail
    (``band``: an absolute difference, or a relative one when ``relative``)."""

    key: str
    label: str
    band: float | None = None
    relative: bool = False


#: The statistics, in the order they are shown; bands as the corpus guide states them.
STATS: tuple[Stat, ...] = (
    Stat("concrete", "hold concrete feedback", 0.10),
    Stat("none_given", "give no reason at all (none_given)", 0.10),
    Stat("vague", "vague phrases per message", 0.5),
    Stat("median_chars", "median length (characters)", 0.25, relative=True),
    Stat("blank_lines", "paragraphs separated by blank lines", 0.15),
    Stat("curly", "curly apostrophes", 0.15),
    Stat("team_signed", "signed by a team or department"),
    Stat("em_dash", "em dashes"),
)


def read_messages(path: str | Path) -> list[dict[str, Any]]:
    """Every message of a JSONL file, or of every ``*.jsonl`` file in a folder."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    rows: list[dict[str, Any]] = []
    for file in files:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
            rows += [json.loads(line) for line in lines if line.strip()]
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{file}: cannot read annotated messages ({exc})") from None
    if not rows:
        raise InputError(f"{path}: no messages")
    if any(not isinstance(r, dict) or "text" not in r or "kind" not in r for r in rows):
        raise InputError(f"{path}: every line needs 'text' and 'kind'")
    return rows


def team_signed(text: str) -> bool:
    """True when one of the last :data:`SIGNATURE_LINES` short lines names a team or department."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    tail = [line for line in lines[-SIGNATURE_LINES:] if len(line) <= 60]
    return any(_TEAM_WORDS.search(line) for line in tail)


def message_figures(row: Mapping[str, Any]) -> dict[str, float]:
    """The per-message values that :func:`summarize` averages."""
    text = str(row["text"])
    return {
        "concrete": float(bool(row.get("specific_feedback"))),
        "none_given": float(list(row.get("reasons", [])) == ["none_given"]),
        "vague": float(len(row.get("vague_phrases", []))),
        "median_chars": float(len(text)),
        "blank_lines": float(bool(_BLANK_LINE.search(text.strip()))),
        "curly": float("\u2019" in text),
        "team_signed": float(team_signed(text)),
        "em_dash": float("\u2014" in text),
    }


def summarize(rows: Iterable[Mapping[str, Any]]) -> dict[str, float]:
    """Shares, means and the median length over ``rows`` (plus ``n``)."""
    figures = [message_figures(r) for r in rows]
    if not figures:
        return {"n": 0.0}
    out = {"n": float(len(figures))}
    for stat in STATS:
        values = [f[stat.key] for f in figures]
        out[stat.key] = (
            statistics.median(values) if stat.key == "median_chars" else statistics.fmean(values)
        )
    return out


def by_kind(rows: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, float]]:
    """:func:`summarize` for each kind present, and for all messages together (``all``)."""
    kinds = sorted({str(r["kind"]) for r in rows})
    table = {k: summarize(r for r in rows if r["kind"] == k) for k in kinds}
    table["all"] = summarize(rows)
    return table


def within_band(stat: Stat, ours: float, real: float) -> bool | None:
    """Whether ``ours`` is within the statistic's band of ``real`` (None: no band)."""
    if stat.band is None:
        return None
    if stat.relative:
        return abs(ours - real) <= stat.band * real
    return abs(ours - real) <= stat.band


def compare(
    corpus: Sequence[Mapping[str, Any]], real: Sequence[Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """The statistics by kind for ``corpus`` and, when given, for ``real`` with the band check
    of every statistic for each kind both hold."""
    ours = by_kind(corpus)
    result: dict[str, Any] = {"corpus": ours}
    if real is not None:
        theirs = by_kind(real)
        result["real"] = theirs
        result["within_band"] = {
            kind: {s.key: within_band(s, ours[kind][s.key], theirs[kind][s.key]) for s in STATS}
            for kind in ours
            if kind in theirs and ours[kind]["n"] and theirs[kind]["n"]
        }
    return result

"""Plain-text table of corpus statistics beside real mail (see :mod:`analyzer.corpus_stats`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..corpus_stats import STATS


def _value(key: str, value: float) -> str:
    if key == "median_chars":
        return f"{value:.0f}"
    if key == "vague":
        return f"{value:.2f}"
    return f"{value:.0%}"


def stats_text(result: Mapping[str, Any], *, kinds: tuple[str, ...] | None = None) -> str:
    """One table a kind: each statistic for the corpus and, when given, the real file, with a
    mark for a statistic outside its band (``!``) or inside it (``ok``)."""
    corpus, real = result["corpus"], result.get("real")
    bands = result.get("within_band", {})
    lines: list[str] = []
    for kind in kinds or tuple(corpus):
        if kind not in corpus:
            continue
        ours = corpus[kind]
        theirs = (real or {}).get(kind)
        head = f"{kind}: corpus {int(ours['n'])} messages"
        if theirs is not None:
            head += f", real {int(theirs['n'])}"
        lines += [head, f"  {'statistic':<38}{'corpus':>9}" + (f"{'real':>9}" if real else "")]
        for stat in STATS:
            row = f"  {stat.label:<38}{_value(stat.key, ours[stat.key]):>9}"
            if theirs is not None:
                row += f"{_value(stat.key, theirs[stat.key]):>9}"
                mark = bands.get(kind, {}).get(stat.key)
                row += "" if mark is None else ("   ok" if mark else "   ! outside band")
            lines.append(row)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

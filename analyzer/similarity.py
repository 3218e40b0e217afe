"""How much two questions ask the same thing: cosine over their content lemmas.

Each question becomes the set of lemmas of its words minus function words
(``patterns/question_stopwords.txt``) and the plan's
own generic words ("role", "application": nearly every question holds them, so they say nothing
about what is asked). Two questions are too alike when the cosine of their lemma sets,
``|A & B| / sqrt(|A| * |B|)``, reaches :data:`THRESHOLD`.

Why 0.5: over the plans of the team's own example messages (``tests/golden/plan``), two
distinct questions of one plan score at most about 0.4 (they share one content lemma, such as
"interview", in three or four), while rewordings of one question score 0.6-0.7 ("what would
have made me a stronger candidate for this role" and "how could I have been a stronger
candidate", 0.71; two "stand out" questions, 0.63; two "more depth" questions, 0.67). 0.5 sits
between the two groups. Hyphenated words ("take-home") count as one word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from .resources import read_json, read_lines

THRESHOLD = 0.5
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


@lru_cache(maxsize=1)
def _lemmas() -> dict[str, str]:
    from .pipeline import _lemma_table

    return _lemma_table()


@lru_cache(maxsize=1)
def _ignored() -> frozenset[str]:
    stop = {w for line in read_lines("patterns", "question_stopwords.txt") for w in line.split()}
    generic = read_json("templates", "plan.json")["similarity_generic_words"]
    return frozenset(stop) | frozenset(generic)


@lru_cache(maxsize=4096)
def content_lemmas(text: str) -> frozenset[str]:
    """The lemmas of ``text``'s content words."""
    table, ignored = _lemmas(), _ignored()
    found = (table.get(w, w) for w in _WORD.findall(text.lower().replace("n't", " not")))
    return frozenset(w for w in found if w not in ignored and len(w) > 1)


def similarity(a: str, b: str) -> float:
    """Cosine of the two texts' content-lemma sets (0 when either has none)."""
    x, y = content_lemmas(a), content_lemmas(b)
    if not x or not y:
        return 0.0
    return len(x & y) / math.sqrt(len(x) * len(y))


def max_similarity(texts: Sequence[str]) -> float:
    """The highest similarity of any two of ``texts`` (0 for fewer than two)."""
    return max((similarity(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]), default=0.0)


def too_close(text: str, others: Sequence[str], *, threshold: float = THRESHOLD) -> bool:
    """Whether ``text`` asks what one of ``others`` already asks."""
    return any(similarity(text, o) >= threshold for o in others)

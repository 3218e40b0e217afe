"""Per-label reason scores and the reason errors listed by ``evaluate``."""

from __future__ import annotations

import numpy as np
import pytest

from analyzer.evaluate import reason_scores

LABELS = ("fit", "skills", "none_given")


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        # one of two fits found, one skills predicted wrongly
        (
            [[1, 0, 0], [1, 0, 0], [0, 0, 1]],
            [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
            {
                "fit": (1.0, 0.5, 2, 1),
                "skills": (0.0, 0.0, 0, 1),
                "none_given": (1.0, 1.0, 1, 1),
            },
        ),
        # a label neither in gold nor predicted is left out
        ([[1, 0, 0]], [[1, 0, 0]], {"fit": (1.0, 1.0, 1, 1)}),
    ],
)
def test_reason_scores_per_label(
    gold: list[list[int]], predicted: list[list[int]], expected: dict[str, tuple]
) -> None:
    got = reason_scores(np.asarray(gold), np.asarray(predicted), LABELS)
    assert {
        k: (v["precision"], v["recall"], v["support"], v["predicted"]) for k, v in got.items()
    } == expected

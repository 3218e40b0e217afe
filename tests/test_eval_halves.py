"""The tune/held split of evaluation files: stable, exhaustive, disjoint."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.evaluate import HALVES, dev_half, select_half


@dataclass(frozen=True)
class _Msg:
    id: str


@given(st.lists(st.text(min_size=1, max_size=12), unique=True, max_size=40))
def test_halves_partition_any_file(ids: list[str]) -> None:
    messages = [_Msg(i) for i in ids]
    tune, held = (select_half(messages, h) for h in HALVES)
    assert sorted(m.id for m in tune + held) == sorted(ids)
    assert not {m.id for m in tune} & {m.id for m in held}


@pytest.mark.parametrize(
    ("message_id", "half"),
    # sha256 of the id: first byte even -> tune, odd -> held (fixed for ever: figures depend on it)
    [("h001", "tune"), ("r004", "tune"), ("coderaulic-1", "held"), ("A-0001", "held")],
)
def test_split_is_fixed(message_id: str, half: str) -> None:
    assert dev_half(message_id) == half


def test_no_half_means_everything_and_bad_half_is_refused() -> None:
    messages = [_Msg("a"), _Msg("b")]
    assert select_half(messages, None) == messages
    with pytest.raises(ValueError, match="half must be one of"):
        select_half(messages, "train")

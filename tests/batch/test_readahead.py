"""ReadAhead: a producer run in a child process, its items taken in order."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from analyzer.readahead import ProducerError, ReadAhead


def numbers(count: int) -> Iterator[int]:
    yield from range(count)


def failing(after: int) -> Iterator[int]:
    yield from range(after)
    raise ValueError("the mailbox vanished")


def endless() -> Iterator[int]:
    n = 0
    while True:
        yield n
        n += 1


@pytest.mark.parametrize("count", [0, 1, 5, 300])
def test_items_arrive_in_order(count: int) -> None:
    with ReadAhead(numbers, (count,), ahead=4) as items:
        assert list(items) == list(range(count))


def test_a_failing_producer_raises_in_the_consumer_after_its_items() -> None:
    got = []
    with ReadAhead(failing, (3,), ahead=2) as items, pytest.raises(ProducerError, match="vanished"):
        for item in items:
            got.append(item)
    assert got == [0, 1, 2]


def test_close_stops_a_producer_that_is_still_running() -> None:
    reader = ReadAhead(endless, (), ahead=3)
    first = next(iter(reader))
    reader.close()
    assert first == 0
    assert not reader._process.is_alive()


def test_the_producer_stays_a_bounded_number_of_items_ahead() -> None:
    reader = ReadAhead(endless, (), ahead=3)
    try:
        time.sleep(0.3)  # the child fills the queue, then waits for the consumer
        assert reader._process.is_alive()
        assert reader._queue.qsize() <= 3
    finally:
        reader.close()

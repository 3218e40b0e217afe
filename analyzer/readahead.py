"""Run a producer in a child process, a bounded number of items ahead of its consumer.

A batch's parent process must import spaCy and build the pipeline before its workers can start,
which keeps one core busy for most of a second while the other waits. :class:`ReadAhead` lets
the reading and parsing of the mail happen in that time: a child process started first runs the
producer and queues its items (at most ``ahead`` of them), and the parent takes them in order.
Nothing here prints.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

_T = TypeVar("_T")


class ProducerError(RuntimeError):
    """The producer failed in the child process (the message says how)."""


class _Done:
    """Put after the last item."""


class _Failed:
    def __init__(self, message: str):
        self.message = message


def _produce(make: Callable[..., Iterable[Any]], args: tuple[Any, ...], queue: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    try:
        for item in make(*args):
            queue.put(item)
    except BaseException as exc:  # reported to the parent, which raises it
        queue.put(_Failed(f"{type(exc).__name__}: {exc}"))
    else:
        queue.put(_Done())
    queue.close()


class ReadAhead(Generic[_T]):
    """The items of ``make(*args)``, produced in a child process started at once.

    ``make`` and ``args`` must pickle where processes are spawned rather than forked. Iterate
    once; :meth:`close` (or leaving a ``with`` block) stops the child if it is still running.

    Raises:
        ProducerError: while iterating, when the producer raised in the child.
    """

    def __init__(self, make: Callable[..., Iterable[_T]], args: tuple[Any, ...], *, ahead: int):
        import multiprocessing

        self._queue: Any = multiprocessing.Queue(maxsize=max(1, ahead))
        self._process = multiprocessing.Process(
            target=_produce, args=(make, args, self._queue), daemon=True
        )
        self._process.start()

    def __iter__(self) -> Iterator[_T]:
        while True:
            item = self._queue.get()
            if isinstance(item, _Done):
                return
            if isinstance(item, _Failed):
                raise ProducerError(item.message)
            yield item

    def close(self) -> None:
        """Stop the child process (if it has not finished) and release the queue."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._queue.close()
        self._queue.cancel_join_thread()

    def __enter__(self) -> ReadAhead[_T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

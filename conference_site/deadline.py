"""A bound on the processor time of a piece of work: pathological input ends with a message, never a hang.

Processor time, not wall-clock time: a page that is fine must not fail because the machine is busy (two build
workers, a test suite and a benchmark on two cores give a page many times its own time on the clock). A timer
signal (SIGPROF, counting this process's processor time) interrupts the work in the main thread, also inside a
regular expression that backtracks (Python's `re` checks for signals while it matches). Where there is no such signal, or the work runs
outside the main thread (no signal reaches it there), the work runs unbounded: the size and nesting limits
(limits.py) still keep it short.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


class DeadlineExceeded(Exception):
    """The work took longer than its bound."""


def _can_bound() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def start(seconds: float, error: Exception) -> None:
    """Raise `error` in the main thread once the process has used `seconds` of processor time, unless `stop()` is
    called first."""
    if not _can_bound():
        return

    def expire(number: int, frame: object) -> None:
        raise error

    signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)


def stop() -> None:
    if _can_bound():
        signal.setitimer(signal.ITIMER_PROF, 0)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise DeadlineExceeded inside the block once it has used `seconds` of processor time."""
    start(seconds, DeadlineExceeded())
    try:
        yield
    finally:
        stop()

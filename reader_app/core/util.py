"""Small helpers of the core's hot loops that belong to no one concern. Must not import Qt."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pauses = [0, False]  # pauses running (in any thread); whether the collector ran before them
_pauses_lock = threading.Lock()


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: the work makes many small objects and no
    cycles, so the collector's full passes are pure overhead (a fifth of the time at 200k
    words) and, in a worker thread, hold the interpreter lock long enough to stall a UI.

    The collector is one for the whole process: it runs again once the last of the pauses
    running at once ends (a job that ended first had turned it on beside another's millions
    of new objects, and its passes over them stalled the window 150-220 ms each)."""
    with _pauses_lock:
        if _pauses[0] == 0:
            _pauses[1] = gc.isenabled()
            gc.disable()
        _pauses[0] += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses[0] -= 1
            if _pauses[0] == 0 and _pauses[1]:
                gc.enable()

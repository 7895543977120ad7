"""Small helpers of the core's hot loops that belong to no one concern. Must not import Qt."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: the work makes many small objects and no
    cycles, so the collector's full passes are pure overhead (a fifth of the time at 200k
    words) and, in a worker thread, hold the interpreter lock long enough to stall a UI."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

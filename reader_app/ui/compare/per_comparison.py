"""What the view works out of a comparison once and asks for again: each result is kept
for the few comparisons seen last, keyed by the comparison itself (its identity).

A comparison's worker fills it (``display_data.prepare``) before the result reaches the UI
thread, where a long pair's passes over ~100,000 spans and evidence pieces stalled the
window for hundreds of milliseconds. No Qt here: worker threads call it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
KEPT = 32  # results: 13-15 a pair, for the pair on screen and the one being compared

_results: OrderedDict[tuple[int, str], tuple[object, Any]] = OrderedDict()
_lock = threading.Lock()


def remembered(comparison: object, name: str, compute: Callable[[], T]) -> T:
    """``compute()``'s result for ``comparison`` under ``name``, worked out at most once
    while it is kept (two threads asking at once may both work it out: the same result)."""
    key = (id(comparison), name)
    with _lock:
        found = _results.get(key)
        if found is not None and found[0] is comparison:
            _results.move_to_end(key)
            return found[1]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        _results[key] = (comparison, value)
        while len(_results) > KEPT:
            _results.popitem(last=False)
    return value

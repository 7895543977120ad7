"""The collector paused while the core makes its millions of objects: one collector for the
whole process, so it runs again only once every pause running at once has ended."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from reader_app.core.util import paused_gc


@pytest.fixture
def collecting() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_runs_again_once_the_last_overlapping_pause_ends(
        collecting: None) -> None:
    first, second = paused_gc(), paused_gc()  # two workers' jobs, the second started later
    first.__enter__()
    second.__enter__()
    assert not gc.isenabled()
    first.__exit__(None, None, None)  # the first job ends while the second still runs
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_that_was_off_off(collecting: None) -> None:
    gc.disable()
    with paused_gc():
        assert not gc.isenabled()
    assert not gc.isenabled()
    gc.enable()
    with paused_gc(), paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()

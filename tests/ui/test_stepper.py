"""The ``Stepper``: a generator run a step per turn of the event loop, replaced, stopped or
finished at once."""

from __future__ import annotations

from collections.abc import Iterator

from pytestqt.qtbot import QtBot

from reader_app.ui.compare.stepper import Stepper


def counting(done: list[int], name: int, steps: int) -> Iterator[None]:
    for _ in range(steps):
        done.append(name)
        yield


def test_steps_run_one_per_turn_until_done(qtbot: QtBot) -> None:
    stepper, done = Stepper(), []
    stepper.run(counting(done, 1, 3))
    assert done == []  # nothing before the event loop turns
    qtbot.waitUntil(lambda: len(done) == 3)
    qtbot.wait(20)
    assert done == [1, 1, 1]


def test_a_new_run_replaces_the_old_and_stop_drops_what_is_left(qtbot: QtBot) -> None:
    stepper, done = Stepper(), []
    stepper.run(counting(done, 1, 5))
    stepper.run(counting(done, 2, 2))  # (before the event loop turns: 1 never runs)
    qtbot.waitUntil(lambda: done.count(2) == 2)
    stepper.run(counting(done, 3, 5))
    stepper.stop()
    qtbot.wait(20)
    assert done == [2, 2]


def test_finish_runs_the_rest_at_once_and_pause_holds_it(qtbot: QtBot) -> None:
    stepper, done = Stepper(), []
    stepper.run(counting(done, 1, 50))
    stepper.pause()
    qtbot.wait(20)
    assert done == []
    stepper.finish()
    assert done == [1] * 50
    stepper.finish(counting(done, 2, 2))
    assert done[-2:] == [2, 2]

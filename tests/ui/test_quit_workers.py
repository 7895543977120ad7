"""Quitting waits for no work: closing the window cancels every runner's job, drops the jobs
not started, and stops a job that never looks at its ``cancelled`` (as a long step of the
engine does not), so no worker is left running once the window has closed."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory

from reader_app.ui.workers import TaskRunner


def stubborn_job(started: threading.Event, finished: list[str]):  # type: ignore[no-untyped-def]
    def job(cancelled, progress) -> str:  # type: ignore[no-untyped-def]
        started.set()
        deadline = time.monotonic() + 10  # never polls ``cancelled``
        while time.monotonic() < deadline:
            sum(range(1000))
        finished.append("ran to the end")
        return "done"
    return job


def test_closing_the_window_leaves_no_worker_running(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    started, finished = threading.Event(), []
    window.similarity_runner.start(stubborn_job(started, finished))
    queued = TaskRunner(window)  # a job of another runner (the annotations', the corpus')
    assert started.wait(5)
    pool = QThreadPool.globalInstance()
    queued.start(stubborn_job(threading.Event(), finished))
    window.close()
    assert pool.activeThreadCount() == 0
    assert pool.waitForDone(0)
    assert finished == []
    assert not window.similarity_runner.busy and not queued.busy

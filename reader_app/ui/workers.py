"""Long work off the UI thread: a runner that keeps only the newest request's result.

A ``TaskRunner`` runs one kind of job (a comparison, the library's similarities) in Qt's
thread pool. Starting a new job cancels the previous one, and results that arrive for a
superseded request are dropped, so the window always shows what the user last asked for.
``stop_workers`` (the window's close) cancels every runner's job and, as a job polls its
``cancelled`` only between steps (a 40k-word document's content terms take a second without
one), interrupts the Python code of any still running after a moment, so quitting never
waits for work nobody will see (it waited 0.1-0.5 s for the library's similarities).
"""

from __future__ import annotations

import ctypes
import sys
import threading
import traceback
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader_app.core.errors import Cancelled, ReaderError
from reader_app.core.util import paused_gc

# Worker threads run Python code that holds the interpreter lock, and the UI thread needs it
# for every call into Python (a table model's data(), a paintEvent): painting the library
# took 250 such calls, each waiting up to the switch interval. At 0.2 ms (the default is
# 5 ms) the longest stall while comparing 200k-word documents fell from 240 ms to 50 ms.
UI_SWITCH_INTERVAL = 0.0002
POLITE_WAIT_MS = 30  # for a cancelled job to notice, before its Python code is interrupted
STOP_WAIT_MS = 300  # at most, for the interrupted jobs to unwind

# job(cancelled, progress) -> result; it polls ``cancelled`` and reports progress 0..1.
Job = Callable[[Callable[[], bool], Callable[[float], None]], Any]


_runners: weakref.WeakSet[TaskRunner] = weakref.WeakSet()
_running: set[_Task] = set()  # jobs running in a worker thread now


def stop_workers(wait_ms: int = STOP_WAIT_MS) -> bool:
    """Cancel every runner's job, drop the jobs not started, interrupt those still running
    after ``POLITE_WAIT_MS``; whether none is left running after at most ``wait_ms``."""
    for runner in list(_runners):
        runner.cancel()
    pool = QThreadPool.globalInstance()
    pool.clear()
    if pool.waitForDone(POLITE_WAIT_MS):
        return True
    for task in list(_running):
        task.interrupt()
    return pool.waitForDone(wait_ms)


class _TaskSignals(QObject):
    progressed = Signal(int, float)
    succeeded = Signal(int, object)
    failed = Signal(int, str)
    stopped = Signal(int)


class _Task(QRunnable):
    def __init__(self, request: int, job: Job, signals: _TaskSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._request = request
        self._job = job
        self._signals = signals
        self.cancel_event = threading.Event()
        self._thread: int | None = None  # the worker thread's id while the job runs
        self._lock = threading.Lock()

    def run(self) -> None:
        try:
            self._run()
        except (RuntimeError, Cancelled):
            pass  # the window went away while this ran (or stopped it): nobody is left to tell

    def interrupt(self) -> None:
        """Raise ``Cancelled`` in the job's Python code, wherever it is (if still running)."""
        with self._lock:
            if self._thread is not None:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread),
                                                           ctypes.py_object(Cancelled))

    def _report(self, fraction: float) -> None:
        try:
            self._signals.progressed.emit(self._request, fraction)
        except RuntimeError:  # the window closed: stop working for it
            self.cancel_event.set()

    def _run(self) -> None:
        request, signals = self._request, self._signals
        try:
            with self._lock:
                self._thread = threading.get_ident()
                _running.add(self)
            try:
                with paused_gc():
                    result = self._job(self.cancel_event.is_set, self._report)
            finally:
                with self._lock:
                    self._thread = None
                    _running.discard(self)
        except Cancelled:
            signals.stopped.emit(request)
        except ReaderError as error:
            signals.failed.emit(request, str(error))
        except Exception as error:  # a bug: report it in the window, never crash the thread
            traceback.print_exc()
            signals.failed.emit(request, f"internal error: {error!r}")
        else:
            signals.succeeded.emit(request, result)


class TaskRunner(QObject):
    """Runs jobs one at a time from the caller's point of view: the newest one wins."""

    started = Signal()
    progressed = Signal(float)
    succeeded = Signal(object)
    failed = Signal(str)
    stopped = Signal()

    def __init__(self, parent: QObject | None = None, synchronous: bool = False) -> None:
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), UI_SWITCH_INTERVAL))
        _runners.add(self)
        self._pool = QThreadPool.globalInstance()
        self._synchronous = synchronous  # run in the caller's thread (screenshots, scripts)
        self._request = 0
        self._current: _Task | None = None
        self._signals = _TaskSignals(self)
        self._signals.progressed.connect(self._on_progressed)
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self._signals.stopped.connect(self._on_stopped)

    @property
    def synchronous(self) -> bool:
        return self._synchronous

    @property
    def busy(self) -> bool:
        return self._current is not None

    def start(self, job: Job) -> int:
        self.cancel()
        self._request += 1
        self._current = _Task(self._request, job, self._signals)
        self.started.emit()
        if self._synchronous:
            self._current.run()
        else:
            self._pool.start(self._current)
        return self._request

    def cancel(self) -> None:
        if self._current is not None:
            self._current.cancel_event.set()
            self._current = None
            self.stopped.emit()

    def _is_current(self, request: int) -> bool:
        return self._current is not None and request == self._request

    def _on_progressed(self, request: int, fraction: float) -> None:
        if self._is_current(request):
            self.progressed.emit(fraction)

    def _on_succeeded(self, request: int, result: object) -> None:
        if self._is_current(request):
            self._current = None
            self.succeeded.emit(result)

    def _on_failed(self, request: int, message: str) -> None:
        if self._is_current(request):
            self._current = None
            self.failed.emit(message)

    def _on_stopped(self, request: int) -> None:
        pass  # cancel() already told the listeners when the user stopped it

"""What the event loop ran during each stall of ``bench_long_pair_actions``: for every gap of
its 5 ms timer longer than ``--over`` ms, the top-level events delivered meanwhile (type,
receiver's class, and for a timer the class of its parent), each with its time, and the part
of the gap they cover (the rest is the action's own code, called directly, or Qt outside any
event). Found the gutter's paints (``UpdateRequest``) and the alignment's overlong steps
(``Timer:Stepper``) left once the panes' paint-driven layouts were gone.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_stall_events.py [--words 200000]

The events are timed in ``QApplication.notify`` (overridden), which slows every event a
little: compare the stalls of ``bench_long_pair_actions``, not these, between versions.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_long_pair_actions
import bench_ui_stall
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

Event = tuple[float, float, str]  # (start, end, what) in perf_counter seconds
Gap = tuple[str, float, float, int]  # (action, start, end, ms)


class TimingApplication(QApplication):
    """Times every top-level event (an event delivered while none is: nested ones are in
    their parent's time); keeps those over 3 ms."""

    def __init__(self, args: list[str]) -> None:
        super().__init__(args)
        self.events: list[Event] = []
        self._depth = 0

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        self._depth += 1
        started, kind = time.perf_counter(), event.type()
        try:
            return super().notify(receiver, event)
        finally:
            self._depth -= 1
            ended = time.perf_counter()
            if self._depth == 0 and ended - started > 0.003:
                self.events.append((started, ended, _describe(receiver, kind)))


def _describe(receiver: QObject, kind: QEvent.Type) -> str:
    name = type(receiver).__name__
    parent = receiver.parent() if name == "QTimer" else None
    if parent is not None:
        name += ":" + type(parent).__name__
    return f"{QEvent.Type(kind).name}:{name}"


def _meter_class(gaps: list[Gap], over: int) -> type[bench_ui_stall.StallMeter]:
    class GapMeter(bench_ui_stall.StallMeter):
        """The bench's meter, also noting each long gap's action and span."""

        def _tick(self) -> None:
            gap = self.clock.elapsed() - self.last
            if gap > over and self.last:
                now = time.perf_counter()
                gaps.append((self.phase, now - gap / 1000, now, gap))
            super()._tick()

    return GapMeter


def report(events: list[Event], gaps: list[Gap]) -> list[str]:
    lines = []
    for action, start, end, gap in gaps:
        inside = [(s, e, what) for s, e, what in events if e > start and s < end]
        covered = sum(min(e, end) - max(s, start) for s, e, _ in inside) * 1000
        listed = ", ".join(f"{what} {1000 * (e - s):.0f}" for s, e, what in inside)
        lines.append(f"| {action} | {gap} | {covered:.0f} | {listed} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--over", type=int, default=50, help="stalls longer than this (ms)")
    args = parser.parse_args()
    app = TimingApplication([])
    gaps: list[Gap] = []
    bench_long_pair_actions.StallMeter = _meter_class(gaps, args.over)  # type: ignore[misc]
    bench_long_pair_actions.run(args.words)
    print("| action | stall (ms) | in events (ms) | events (ms each) |\n|---|---|---|---|")
    print("\n".join(report(app.events, gaps)))


if __name__ == "__main__":
    main()

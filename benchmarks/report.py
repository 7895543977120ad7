"""How the benchmarks print their results: a markdown table and the machine it ran on."""

from __future__ import annotations

import platform
from collections.abc import Sequence


def print_table(subject: str, measure: str, rows: Sequence[tuple[str, str]]) -> None:
    """``| subject | measure |`` over the rows, then the interpreter and machine."""
    print(f"| {subject} | {measure} |")
    print("|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")
    print(f"\n{platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, {platform.system()}")

"""What the hostile-input tests share: the real command line in a subprocess, and checks that
its output can drive no terminal and that a failure is the contract's one error line."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from pathlib import Path

ESC, BEL, CSI = "\x1b", "\x07", "\x9b"
# What a hostile document or name carries: OSC 52 (clipboard write), OSC 0 (window title),
# ESC[2J (clear screen), and the 8-bit CSI.
HOSTILE = f"{ESC}]52;c;ZXZpbA=={BEL} {ESC}]0;pwned{BEL} {ESC}[2J {CSI}31m"
# Any control character but tab and newline (carriage return only in CSV line ends).
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SGR = re.compile("\x1b\\[[0-9;]*m")  # the ANSI format's own colours


MEMORY_LIMIT = 2 * 2**30  # bytes of address space: a runaway read fails, the machine lives


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """``reader-app ARGS`` as a user runs it (killed after ``timeout`` seconds)."""
    return run_python("-m", "reader_app", *args, env=env, cwd=cwd, timeout=timeout)


def run_python(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
               timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """``python ARGS`` with at most ``MEMORY_LIMIT`` of address space."""
    return subprocess.run([sys.executable, *args], capture_output=True, env=env, cwd=cwd,
                          timeout=timeout, check=False, preexec_fn=_limit_memory)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def environment(**variables: str) -> dict[str, str]:
    """This process's environment with ``variables`` set (and Qt offscreen)."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", **variables}


def assert_inert(data: bytes, csv: bool = False) -> str:
    """``data`` decodes as UTF-8 and holds no raw ESC, BEL or C1 control: returns the text."""
    assert b"\x1b" not in data and b"\x07" not in data
    text = data.decode("utf-8")  # strict: no stray 8-bit byte either
    if csv:
        text = text.replace("\r\n", "\n")
    assert RAW_CONTROL.findall(text) == []
    return text


def assert_ok(result: subprocess.CompletedProcess[bytes]) -> str:
    """Exit 0, no traceback, an inert standard output and standard error: returns stdout."""
    assert result.returncode == 0, result.stderr
    assert_inert(result.stderr)
    return assert_inert(result.stdout)


def assert_one_error_line(result: subprocess.CompletedProcess[bytes], *parts: str) -> str:
    """Exit 1, nothing on stdout, one inert line ``reader-app: error: …`` holding ``parts``."""
    assert result.returncode == 1, result
    assert result.stdout == b""
    stderr = assert_inert(result.stderr)
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("reader-app: error: ")
    for part in parts:
        assert part in lines[0], lines[0]
    return lines[0]

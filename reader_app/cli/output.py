"""What every command shares: writing its output, warnings and errors, and argument types.

Owns ``emit`` (UTF-8 to a file, replaced whole or not at all, or standard output, whatever
the terminal's locale), ``standard_output`` (an error when it was closed at start),
``json_text`` (one line of JSON, C1 controls escaped too), ``warn`` and ``fail`` (the
``reader-app: warning|error: …`` lines, each one line with its control characters made
visible), ``add_output_option`` and ``named_file`` (``-o`` and ``--annotations``: a path
that is not empty) and ``positive`` (a whole number of at least 1). Imports nothing of the
core but its errors, ``core.replace_file`` and ``core.text``: every command may use it.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from reader_app.core.errors import ReaderError
from reader_app.core.replace_file import refuse_to_overwrite, replace_file, write_target
from reader_app.core.text import json_controls, visible_controls

PROG = "reader-app"
AT_LEAST_ONE = "expected a whole number of at least 1, got {value!r}"


def warn(messages: Sequence[str]) -> None:
    for message in messages:
        print(f"{PROG}: warning: {visible_controls(message, one_line=True)}", file=sys.stderr)


def fail(message: str) -> int:
    print(f"{PROG}: error: {visible_controls(message, one_line=True)}", file=sys.stderr)
    return 1


def refuse_to_overwrite_an_input(output: str | None, inputs: Iterable[str], done: str,
                                 what: str = "one of the documents") -> None:
    """``-o`` naming one of the documents read would replace it with the report: refused,
    the document left as it is. ``done``: what was done with them ("compared"); ``what``:
    what they are."""
    refuse_to_overwrite(output, inputs, f"{what} {done}")


def emit(text: str, output: str | None, *, has_o: bool = True) -> None:
    """Write UTF-8 to ``output`` or standard output, whatever the terminal's locale. A lone
    surrogate (an undecodable byte of a file name) is written as ``\\udcff``: raw, no UTF-8
    decoder would take the output. ``has_o``: see ``standard_output``."""
    emit_bytes(text.encode("utf-8", "backslashreplace"), output, has_o=has_o)


def standard_output(has_o: bool = True) -> BinaryIO:
    """Standard output's bytes; an error when the program was started with it closed
    (``>&-``), advising ``-o`` only to a command that has it (``tags`` has none)."""
    if sys.stdout is None:
        advice = "; name a file with -o" if has_o else ""
        raise ReaderError(f"standard output is closed{advice}")
    return sys.stdout.buffer


def emit_bytes(data: bytes, output: str | None, *, has_o: bool = True) -> None:
    """Write ``data`` to ``output`` (a file: replaced whole or not at all; a device or a
    pipe as it is) or to standard output."""
    if output is None:
        stream = standard_output(has_o)
        try:
            stream.write(data)
            stream.flush()
        except BrokenPipeError:
            raise  # the reader closed the pipe early (``| head``): not a failure
        except OSError as exc:  # a full disk, a device refusing writes
            raise ReaderError(f"standard output: cannot write ({exc.strerror or exc})") from None
        return
    path = Path(output)
    try:
        special = path.exists() and not write_target(path).is_file()
    except OSError as exc:  # a name too long, a folder that may not be searched
        raise ReaderError(f"{output}: cannot write ({exc.strerror or exc})") from None
    if path.is_symlink() and not path.exists() and _link_loop(path):
        # (written, the loop's first link was replaced by a regular file)
        raise ReaderError(f"{output}: a loop of symbolic links; not written")
    if not special:  # (a file: whole or not at all, the old one kept on a failure)
        replace_file(path, [data])
        return
    try:  # a device (/dev/null, a terminal) or a pipe: written as it is
        _write_special(path, data)
    except OSError as exc:
        raise ReaderError(f"{output}: cannot write ({exc.strerror or exc})") from None


def _link_loop(path: Path) -> bool:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # (Python 3.11 and 3.12)
        return True
    except OSError as exc:  # (a link to a file not made yet: written there)
        return exc.errno == errno.ELOOP
    return False


def _write_special(path: Path, data: bytes) -> None:
    """Write ``data`` to a device or a named pipe. A pipe is opened without waiting: with no
    program reading it the open blocked for ever (``ENXIO`` now, told as such)."""
    flags = os.O_WRONLY | (os.O_NONBLOCK if stat.S_ISFIFO(path.stat().st_mode) else 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise ReaderError(f"{path}: cannot write: a named pipe no program reads") from None
        raise
    os.set_blocking(descriptor, True)  # (the reader takes its time: the writes wait for it)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)


def json_text(payload: object) -> str:
    """``payload`` as one line of UTF-8 JSON, control characters escaped (C1 too)."""
    return json_controls(json.dumps(payload, ensure_ascii=False)) + "\n"


def silence_stdout() -> None:
    # Output piped to `head` that closed early: nothing more to say, and no traceback at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def add_output_option(parser: argparse.ArgumentParser, metavar: str = "FILE",
                      required: bool = False) -> None:
    """Every command's ``-o``: a path that is not empty (``named_file``)."""
    parser.add_argument("-o", "--output", metavar=metavar, required=required, type=named_file,
                        help="write here" if required else "write here, not to stdout")


def named_file(value: str) -> str:
    """An argparse type for a file's path: an empty one (``--annotations ""``, a variable
    left unset in a script) named no file, and the default was used without a word (``-o ""``
    named the current folder: ``: cannot write (Is a directory)``)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("an empty path names no file")
    return value


def positive(not_a_number: str = AT_LEAST_ONE,
             too_small: str = AT_LEAST_ONE) -> Callable[[str], int]:
    """An argparse type for a whole number of at least 1, with the two messages given (each
    may name the ``{value!r}`` typed)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(not_a_number.format(value=value)) from None
        if number < 1:
            raise argparse.ArgumentTypeError(too_small.format(value=value))
        return number

    return parse

"""The command line: argument parsing and dispatch only, as ``docs/interface.md`` specifies.

Each command lives in its own module (``compare``, ``corpus``, ``tags``) and imports only
what it uses, when it runs: a headless command never imports Qt, and ``compare`` never
imports the annotation store. The window and ``screenshot`` import Qt lazily. Every failure
the user can act on becomes one line ``reader-app: error: …`` and exit status 1
(``output``).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from reader_app import __version__
from reader_app.cli.compare import add_compare_parser, run_compare
from reader_app.cli.corpus import add_corpus_parsers, run_matrix, run_passages, run_quotes
from reader_app.cli.output import (
    PROG,
    add_output_option,
    emit_bytes,
    fail,
    named_file,
    refuse_to_overwrite_an_input,
    silence_stdout,
    warn,
)
from reader_app.cli.tags import add_tags_parser, run_tags
from reader_app.core.errors import ReaderError
from reader_app.core.text import visible_controls

HEADLESS_COMMANDS = ("compare", "matrix", "passages", "quotes", "tags")
# Commands whose one effect is their output, written and flushed when they return.
READ_ONLY_COMMANDS = ("compare", "matrix", "passages", "quotes")
WINDOW_COMMANDS = ("screenshot",)
COMMAND_SUMMARY = """commands (run `reader-app COMMAND --help`):
  compare LEFT RIGHT   compare two documents (text, json, html or ansi)
  matrix [PATH ...]    similarity of every pair of documents
  passages [PATH ...]  word-for-word passages that stand in several documents
  quotes [PATH ...]    quotations, the same quote in other wordings grouped
  tags list|add ...    list tagged passages, or tag one in a document
  screenshot ...       render the window to a PNG without a display

With no command, opens the desktop window on PATHs (default: the bundled seeds)."""


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors one line and their control characters visible (an
    unrecognised argument is quoted raw by argparse), and options that go ``together``
    (argparse has no "both or neither"): one given without the other is a usage error."""

    def __init__(self, *args: Any, together: Sequence[tuple[str, str]] = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._together = together

    def parse_known_args(self, args: Sequence[str] | None = None,
                         namespace: argparse.Namespace | None = None
                         ) -> tuple[argparse.Namespace, list[str]]:
        parsed, rest = super().parse_known_args(args, namespace)
        for first, second in self._together:
            given = [getattr(parsed, name) is not None for name in (first, second)]
            if given[0] != given[1]:
                alone, missing = (first, second) if given[0] else (second, first)
                self.error(f"argument --{alone}: needs --{missing} too "
                           f"(--{first} DOC --{second} DOC)")
        return parsed, rest

    def error(self, message: str) -> NoReturn:
        super().error(visible_controls(message, one_line=True))


def _add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")


def window_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Source Reader: compare reports of the same event side by side.",
        epilog=COMMAND_SUMMARY,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="folders and/or files to open")
    parser.add_argument("--annotations", metavar="FILE", type=named_file,
                        help="the annotation file to use")
    _add_version(parser)
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, epilog=COMMAND_SUMMARY,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_version(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_compare_parser(commands)
    add_corpus_parsers(commands)
    add_tags_parser(commands)
    # The contract's "[--left DOC --right DOC]": a pair or none (--left alone showed it
    # beside whichever document came first).
    shot = commands.add_parser("screenshot", help="render the window to a PNG",
                               together=[("left", "right")])
    shot.add_argument("paths", nargs="*", metavar="PATH")
    shot.add_argument("--left", metavar="DOC")
    shot.add_argument("--right", metavar="DOC")
    add_output_option(shot, "PNG", required=True)
    shot.add_argument("--size", metavar="WxH", default="1400x900", type=_size)
    shot.add_argument("--annotations", metavar="FILE", type=named_file)
    shot.add_argument("--theme", choices=("light", "dark"), default="light")
    shot.add_argument("--view", choices=("compare", "overview"), default="compare",
                      help="the comparison (default) or the corpus overview")
    return parser


def _size(value: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {value!r}") from None
    if not (100 <= width <= 10000 and 100 <= height <= 10000):
        raise argparse.ArgumentTypeError("width and height must lie between 100 and 10000")
    return width, height


def _spare_the_annotation_file(args: argparse.Namespace) -> None:
    """No command's ``-o`` replaces the annotation file (a report written over it was every
    tag lost, exit 0)."""
    output = getattr(args, "output", None)
    # (Only a file can be replaced: no need, else, to look up where the default file lies.)
    if output and os.path.isfile(output):
        from reader_app.core.annotations.jsonfile.location import resolve_path

        refuse_to_overwrite_an_input(output, [str(resolve_path(getattr(args, "annotations",
                                                                        None)))],
                                     "(where the tags are kept)", what="the annotation file")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in HEADLESS_COMMANDS + WINDOW_COMMANDS:
            args = command_parser().parse_args(arguments)
            _spare_the_annotation_file(args)
            return _COMMANDS[args.command](args)
        args = window_parser().parse_args(arguments)
        from reader_app.ui.app import run_window  # Qt only here: headless stays light

        return run_window(args.paths, args.annotations)
    except ReaderError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        silence_stdout()
        return 0


def program() -> int:
    """``main`` as the program (``reader-app``, ``python -m reader_app``): after a read-only
    command the process ends at once, without freeing every object the command made one by
    one (a third of a second of CPU after a 200k-word pair); nothing is left to save."""
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "compare":
        # One pair, whose objects hold no cycles and end with the process: the collector
        # would only walk them once it is on again (0.1 s after a 200k-word pair).
        gc.disable()
    status = main()
    if command in READ_ONLY_COMMANDS:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)
    return status


def _screenshot_command(args: argparse.Namespace) -> int:
    from reader_app.ui.screenshot import take_screenshot

    # The documents shown are never replaced by the PNG (nor the annotation file: ``main``).
    documents = [p for p in (*args.paths, args.left, args.right) if p]
    refuse_to_overwrite_an_input(args.output, documents, "shown")
    emit_bytes(take_screenshot(args, warn), args.output)
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "compare": run_compare,
    "matrix": run_matrix,
    "passages": run_passages,
    "quotes": run_quotes,
    "tags": run_tags,
    "screenshot": _screenshot_command,
}

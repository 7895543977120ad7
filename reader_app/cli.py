"""The command line: argument parsing and wiring only, as ``CONTRACT.md`` specifies.

Headless commands (``compare``, ``matrix``, ``tags``) import only ``reader_app.core``; the
window and ``screenshot`` import Qt lazily, so scripts never pay for it. Every failure the user
can act on becomes one line ``reader-app: error: …`` and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader_app import __version__
from reader_app.core.errors import ReaderError

if TYPE_CHECKING:
    from reader_app.core.compare import Comparison
    from reader_app.core.documents import Document

PROG = "reader-app"
HEADLESS_COMMANDS = ("compare", "matrix", "passages", "tags")
WINDOW_COMMANDS = ("screenshot",)
COMMAND_SUMMARY = """commands (run `reader-app COMMAND --help`):
  compare LEFT RIGHT   compare two documents (text, json, html or ansi)
  matrix [PATH ...]    similarity of every pair of documents
  passages [PATH ...]  word-for-word passages that stand in several documents
  tags list|add ...    list tagged passages, or tag one in a document
  screenshot ...       render the window to a PNG without a display

With no command, opens the desktop window on PATHs (default: the bundled seeds)."""


def _add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")


def window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Source Reader: compare reports of the same event side by side.",
        epilog=COMMAND_SUMMARY,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="folders and/or files to open")
    parser.add_argument("--annotations", metavar="FILE", help="the annotation file to use")
    _add_version(parser)
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, epilog=COMMAND_SUMMARY,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_version(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    compare = commands.add_parser("compare", help="compare two documents")
    compare.add_argument("left", metavar="LEFT")
    compare.add_argument("right", metavar="RIGHT")
    compare.add_argument("--format", choices=("text", "json", "html", "ansi"), default="text")
    compare.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
    compare.add_argument("--ignore-case", action="store_true", help="Kremlin = kremlin")
    compare.add_argument("--ignore-punctuation", action="store_true",
                         help="compare words only; punctuation is never marked")
    matrix = commands.add_parser("matrix", help="similarity of every pair of documents")
    matrix.add_argument("paths", nargs="*", metavar="PATH")
    matrix.add_argument("--format", choices=("text", "json"), default="text")
    matrix.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
    passages = commands.add_parser("passages", help="passages shared by several documents")
    passages.add_argument("paths", nargs="*", metavar="PATH")
    passages.add_argument("--min-words", type=_positive, default=8, metavar="N",
                          help="the shortest passage, in words (default 8)")
    passages.add_argument("--format", choices=("text", "json"), default="text")
    passages.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
    from reader_app.tags_cli import add_tags_parser  # the core's annotation code, no Qt

    add_tags_parser(commands)
    shot = commands.add_parser("screenshot", help="render the window to a PNG")
    shot.add_argument("paths", nargs="*", metavar="PATH")
    shot.add_argument("--left", metavar="DOC")
    shot.add_argument("--right", metavar="DOC")
    shot.add_argument("-o", "--output", metavar="PNG", required=True)
    shot.add_argument("--size", metavar="WxH", default="1400x900", type=_size)
    shot.add_argument("--annotations", metavar="FILE")
    shot.add_argument("--theme", choices=("light", "dark"), default="light")
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def _size(value: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {value!r}") from None
    if not (100 <= width <= 10000 and 100 <= height <= 10000):
        raise argparse.ArgumentTypeError("width and height must lie between 100 and 10000")
    return width, height


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in HEADLESS_COMMANDS + WINDOW_COMMANDS:
            args = command_parser().parse_args(arguments)
            return _COMMANDS[args.command](args)
        args = window_parser().parse_args(arguments)
        from reader_app.ui.app import run_window  # Qt only here: headless stays light

        return run_window(args.paths, args.annotations)
    except ReaderError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    # Output piped to `head` that closed early: nothing more to say, and no traceback at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _warn(messages: Sequence[str]) -> None:
    for message in messages:
        print(f"{PROG}: warning: {message}", file=sys.stderr)


def _emit(text: str, output: str | None) -> None:
    """Write UTF-8 to ``output`` or standard output, whatever the terminal's locale."""
    data = text.encode("utf-8", "surrogatepass")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        raise ReaderError(f"{output}: cannot write ({exc.strerror or exc})") from None


def _compare_command(args: argparse.Namespace) -> int:
    from reader_app.core.compare import DiffOptions, compare
    from reader_app.core.documents import load_document

    left, right = load_document(args.left), load_document(args.right)
    _warn(left.warnings + right.warnings)
    options = DiffOptions(args.ignore_case, args.ignore_punctuation)
    comparison = compare(left, right, options)
    _emit(_render_comparison(comparison, args.format), args.output)
    return 0


def _render_comparison(comparison: Comparison, fmt: str) -> str:
    # Imported per format: pygments is needed only for ansi and html, not for json scripts.
    if fmt == "json":
        from reader_app.core.jsonformat import comparison_to_json

        return json.dumps(comparison_to_json(comparison), ensure_ascii=False) + "\n"
    if fmt == "html":
        from reader_app.core.render_html import render_html

        return render_html(comparison)
    from reader_app.core.render import render_ansi, render_text

    return render_ansi(comparison) if fmt == "ansi" else render_text(comparison)


def _matrix_command(args: argparse.Namespace) -> int:
    from reader_app.core.corpus import load_library, similarity_matrix
    from reader_app.core.library import bundled_seeds

    documents, warnings = load_library(args.paths or [bundled_seeds()])
    _warn(warnings)
    matrix = similarity_matrix(documents)
    if args.format == "json":
        payload = {
            "format": "reader-app.matrix/1",
            "documents": [{"path": d.path, "title": d.title} for d in documents],
            "similarity": matrix,
        }
        _emit(json.dumps(payload, ensure_ascii=False) + "\n", args.output)
    else:
        _emit(_matrix_text(documents, matrix), args.output)
    return 0


def _matrix_text(documents: Sequence[Document], matrix: list[list[float]]) -> str:
    lines = ["      " + " ".join(f"{i + 1:>5}" for i in range(len(documents)))]
    for i, row in enumerate(matrix):
        lines.append(f"{i + 1:>5} " + " ".join(f"{value:>5.0%}" for value in row))
    lines.append("")
    lines.extend(f"{i + 1:>5}  {d.name}  {d.title}" for i, d in enumerate(documents))
    return "\n".join(lines) + "\n"


def _tags_command(args: argparse.Namespace) -> int:
    from reader_app.tags_cli import run_tags

    return run_tags(args)


def _passages_command(args: argparse.Namespace) -> int:
    from reader_app.core.corpus import load_library
    from reader_app.core.library import bundled_seeds
    from reader_app.core.passages import passages_to_json, shared_passages

    documents, warnings = load_library(args.paths or [bundled_seeds()])
    _warn(warnings)
    found = shared_passages(documents, args.min_words)
    if args.format == "json":
        _emit(json.dumps(passages_to_json(found), ensure_ascii=False) + "\n", args.output)
        return 0
    lines = [f"{len(found)} passages of {args.min_words}+ words in 2+ of "
             f"{len(documents)} documents"]
    for passage in found:
        names = ", ".join(sorted({Path(o.path).name for o in passage.occurrences}))
        lines += ["", f"{passage.documents} documents · {passage.words} words · {names}",
                  "  " + " ".join(passage.text.split())]
    _emit("\n".join(lines) + "\n", args.output)
    return 0


def _screenshot_command(args: argparse.Namespace) -> int:
    from reader_app.ui.screenshot import take_screenshot

    return take_screenshot(args)


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "compare": _compare_command,
    "matrix": _matrix_command,
    "passages": _passages_command,
    "tags": _tags_command,
    "screenshot": _screenshot_command,
}

"""The ``compare`` command: two documents in, one comparison out (text, json, html, ansi).

Imports the engine and the one format asked for, nothing else: no annotation code, and
pygments only for ansi and html.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader_app.cli.output import add_output_option, emit, refuse_to_overwrite_an_input, warn

if TYPE_CHECKING:
    from reader_app.core.compare import Comparison

FORMATS = ("text", "json", "html", "ansi")


def add_compare_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    compare = commands.add_parser("compare", help="compare two documents")
    compare.add_argument("left", metavar="LEFT")
    compare.add_argument("right", metavar="RIGHT")
    compare.add_argument("--format", choices=FORMATS, default="text")
    add_output_option(compare)
    compare.add_argument("--ignore-case", action="store_true", help="Kremlin = kremlin")
    compare.add_argument("--ignore-punctuation", action="store_true",
                         help="compare words only; punctuation is never marked")


def run_compare(args: argparse.Namespace) -> int:
    from reader_app.core.compare import DiffOptions, compare
    from reader_app.core.documents import load_document
    from reader_app.core.util import paused_gc

    refuse_to_overwrite_an_input(args.output, [args.left, args.right], "compared")
    # The comparison's million small objects hold no cycles: the collector would walk them
    # all again and again while they are written out.
    with paused_gc():
        left, right = load_document(args.left), load_document(args.right)
        warn(left.warnings + right.warnings)
        options = DiffOptions(args.ignore_case, args.ignore_punctuation)
        comparison = compare(left, right, options)
        emit(render_comparison(comparison, args.format), args.output)
    return 0


def render_comparison(comparison: Comparison, fmt: str) -> str:
    # Imported per format: pygments is needed only for ansi and html, not for json scripts.
    if fmt == "json":
        from reader_app.core.formats.compare_json import comparison_json_line

        return comparison_json_line(comparison)
    if fmt == "html":
        from reader_app.core.formats.html import render_html

        return render_html(comparison)
    from reader_app.core.formats.text import render_ansi, render_text

    return render_ansi(comparison) if fmt == "ansi" else render_text(comparison)

"""The corpus commands: ``matrix`` (similarity of every pair), ``passages`` (word-for-word
passages standing in several documents) and ``quotes`` (every quotation, the same quote in
other wordings grouped), over named files and folders or the bundled seeds.

Imports the corpus code and its formats only when a command runs; no annotation code.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader_app.cli.output import (
    add_output_option,
    emit,
    json_text,
    positive,
    refuse_to_overwrite_an_input,
    warn,
)

if TYPE_CHECKING:
    from reader_app.core.documents import Document


def add_corpus_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    matrix = commands.add_parser("matrix", help="similarity of every pair of documents")
    matrix.add_argument("paths", nargs="*", metavar="PATH")
    matrix.add_argument("--format", choices=("text", "json"), default="text")
    add_output_option(matrix)
    passages = commands.add_parser("passages", help="passages shared by several documents")
    passages.add_argument("paths", nargs="*", metavar="PATH")
    passages.add_argument("--min-words", type=positive(), default=8, metavar="N",
                          help="the shortest passage, in words (default 8)")
    passages.add_argument("--format", choices=("text", "json"), default="text")
    add_output_option(passages)
    quotes = commands.add_parser("quotes", help="quotations, the same quote in other words grouped")
    quotes.add_argument("paths", nargs="*", metavar="PATH")
    quotes.add_argument("--format", choices=("text", "json"), default="text")
    add_output_option(quotes)


def _library(args: argparse.Namespace) -> list[Document]:
    """The documents named (default: the bundled seeds), skipped files warned of; ``-o``
    naming one of them is refused."""
    from reader_app.core.library import bundled_seeds, load_library

    documents, warnings = load_library(args.paths or [bundled_seeds()])
    warn(warnings)
    refuse_to_overwrite_an_input(args.output, [d.path for d in documents], "read")
    return documents


def run_matrix(args: argparse.Namespace) -> int:
    from reader_app.core.corpus.matrix import similarity_matrix
    from reader_app.core.corpus.stories import content_matrix, stories
    from reader_app.core.formats.matrix import matrix_text, matrix_to_json

    documents = _library(args)
    matrix = similarity_matrix(documents)
    content = content_matrix(documents)
    clusters = stories(content)
    if args.format == "json":
        payload = matrix_to_json(documents, matrix, content, clusters)
        emit(json_text(payload), args.output)
    else:
        emit(matrix_text(documents, matrix, content, clusters), args.output)
    return 0


def run_passages(args: argparse.Namespace) -> int:
    from reader_app.core.corpus.passages import shared_passages
    from reader_app.core.formats.passages import passages_text, passages_to_json

    documents = _library(args)
    found = shared_passages(documents, args.min_words)
    if args.format == "json":
        emit(json_text(passages_to_json(found)), args.output)
    else:
        emit(passages_text(found, args.min_words, len(documents)), args.output)
    return 0


def run_quotes(args: argparse.Namespace) -> int:
    from reader_app.core.corpus.quotes import find_quotes
    from reader_app.core.formats.quotes import quotes_text, quotes_to_json

    documents = _library(args)
    found = find_quotes(documents)
    if args.format == "json":
        emit(json_text(quotes_to_json(found)), args.output)
    else:
        emit(quotes_text(found, len(documents)), args.output)
    return 0

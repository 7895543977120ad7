"""The ``tags`` commands: ``reader-app tags list`` and ``reader-app tags add``.

Argument parsing and wiring only, as ``docs/interface.md`` specifies; the work is done by the
core (the annotation store, ``commands``, ``anchoring``, ``listing``, the ``tags list``
formats), the same code the window uses. That code is imported when a ``tags`` command runs,
never to build the parser. Headless: must not import Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reader_app.cli.output import emit, named_file, positive, standard_output, warn
from reader_app.core.annotations.jsonfile.location import ENV_VARIABLE
from reader_app.core.errors import ReaderError

if TYPE_CHECKING:
    from reader_app.core.annotations.commands import Command
    from reader_app.core.annotations.jsonfile.store import AnnotationStore
    from reader_app.core.annotations.model import Annotation
    from reader_app.core.annotations.query import AnnotationQuery
    from reader_app.core.annotations.store import Store
    from reader_app.core.documents import Document

ANNOTATIONS_HELP = (f"the annotation file (default: ${ENV_VARIABLE} unless empty, else the "
                    "user data folder)")
# The names of ``reader_app.core.formats.annotations.FORMATS`` (a test keeps them equal).
LIST_FORMATS = ("text", "json", "csv", "w3c")


def add_tags_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``tags`` command and its ``list`` and ``add`` actions."""
    tags = commands.add_parser("tags", help="list tagged passages, or tag one")
    actions = tags.add_subparsers(dest="tags_command", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every annotation with where it stands now")
    listing.add_argument("--annotations", metavar="FILE", type=named_file, help=ANNOTATIONS_HELP)
    listing.add_argument("--format", choices=LIST_FORMATS, default="text")
    listing.add_argument("--tag", metavar="TAG", help="only annotations with this tag (any case)")
    listing.add_argument("--document", metavar="DOC", action="append", dest="documents",
                         help="only annotations of this document (its path or file name); "
                              "repeat for several")
    listing.add_argument("--text", metavar="WORDS",
                         help="only annotations with these words in quote, note, tags or "
                              "document name (any case)")
    adding = actions.add_parser("add", help="tag the N-th occurrence of a quote in a document")
    adding.add_argument("document", metavar="DOC")
    adding.add_argument("--quote", metavar="TEXT", required=True, type=_quote,
                        help="the passage, exactly as the document has it")
    adding.add_argument("--occurrence", metavar="N", default=1,
                        type=positive("expected a whole number, got {value!r}",
                                      "occurrences are counted from 1"),
                        help="which occurrence of the quote, counting from 1 (default 1)")
    adding.add_argument("--tag", metavar="TAG", dest="tags", action="append", required=True,
                        type=_tag, help="a tag; repeat for several")
    adding.add_argument("--note", metavar="TEXT", default="")
    adding.add_argument("--annotations", metavar="FILE", type=named_file, help=ANNOTATIONS_HELP)


def run_tags(args: argparse.Namespace) -> int:
    return _list(args) if args.tags_command == "list" else _add(args)


def _list(args: argparse.Namespace) -> int:
    from reader_app.core.annotations.jsonfile.location import resolve_path
    from reader_app.core.annotations.jsonfile.store import REFUSE, AnnotationStore
    from reader_app.core.annotations.listing import anchor_all
    from reader_app.core.annotations.ownership import select_owned
    from reader_app.core.formats.annotations import FORMATS

    # Listing never changes the file: an unreadable one is reported, not set aside.
    store = AnnotationStore.open(resolve_path(args.annotations), corrupt=REFUSE)
    warn(store.messages)
    documents = _documents(args)
    selected = select_owned(_query(args), store, documents)
    emit(FORMATS[args.format](anchor_all(selected, owners=documents)), None, has_o=False)
    return 0


def _documents(args: argparse.Namespace) -> list[Document]:
    """The documents ``--document`` names that can be read now (to recognise moved files)."""
    from reader_app.core.documents import load_document

    found = []
    for named in args.documents or ():
        try:
            found.append(load_document(named))
        except ReaderError:
            continue  # a name, or a path that is gone: matched by path and name only
    return found


def _query(args: argparse.Namespace) -> AnnotationQuery:
    """The filters given (the window's Annotations panel filters the same way)."""
    from reader_app.core.annotations.query import AnnotationQuery

    documents = None
    if args.documents:  # a path as given, and as the window records it (absolute, resolved)
        documents = frozenset(args.documents) | {_resolved(d) for d in args.documents}
    return AnnotationQuery(tag=args.tag or None, text=args.text or None, documents=documents)


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError, ValueError):
        return path


def _add(args: argparse.Namespace) -> int:
    from reader_app.core.annotations.jsonfile.file import COMMAND_LOCK_TIMEOUT_SECONDS, locked
    from reader_app.core.annotations.jsonfile.format import CorruptFileError
    from reader_app.core.annotations.jsonfile.location import resolve_path
    from reader_app.core.annotations.jsonfile.store import REFUSE, AnnotationStore
    from reader_app.core.documents import load_document

    standard_output(has_o=False)  # closed (``>&-``): said before the file is touched
    document = load_document(args.document)
    warn(document.warnings)
    start = _find_quote(document, args.quote, args.occurrence, args.document)
    path = resolve_path(args.annotations)
    try:
        store = AnnotationStore.open(path, corrupt=REFUSE,
                                     lock_timeout=COMMAND_LOCK_TIMEOUT_SECONDS)
        if store.read_only:
            raise ReaderError(f"{path}: cannot add: {store.read_only_reason}")
        # Locked from a fresh look at the file to the save: a concurrent ``tags add`` of the
        # same passage then sees this one's tags and adds to them (else the later edit won).
        with locked(path, COMMAND_LOCK_TIMEOUT_SECONDS):
            store.refresh()  # re-read only if another program wrote since the open
            _add_to(store, args, document, start, start + len(args.quote))
    except CorruptFileError as error:
        raise ReaderError(f"{error}; nothing added, the file is left as it is") from None
    return 0


def _add_to(store: AnnotationStore, args: argparse.Namespace, document: Document, start: int,
            end: int) -> None:
    """Tag ``document.text[start:end]`` in ``store``, save it and print the annotation's id.

    The id is printed once the new file is written, before it replaces the old one: a file
    that cannot be written prints nothing, and standard output that cannot take the id (a
    full disk) leaves the file as it was (saved first, it held a tag the command reported
    as not added). A reader that stopped reading (``| head``) is no failure: saved all the
    same.
    """
    from reader_app.core.annotations.commands import AddAnnotations
    from reader_app.core.annotations.model import new_annotation

    existing = _same_passage(store, document, start, end)
    command: Command | None
    if existing is None:
        annotation = new_annotation(document, start, end, args.tags, args.note)
        command, annotation_id = AddAnnotations((annotation,)), annotation.id
    else:  # tagging a tagged passage again adds to its tags, so a re-run adds nothing twice
        command, annotation_id = _added_to(existing, args.tags, args.note), existing.id
    reader_gone: list[BrokenPipeError] = []

    def print_id() -> None:
        try:
            emit(annotation_id + "\n", None, has_o=False)
        except BrokenPipeError as gone:
            reader_gone.append(gone)

    if command is None:
        print_id()
    else:
        command.apply(store)
        store.save(before_replace=print_id)
    if reader_gone:
        raise reader_gone[0]  # (``main`` ends quietly, exit 0)


def _find_quote(document: Document, quote: str, occurrence: int, label: str) -> int:
    from reader_app.core.annotations.anchoring import count_occurrences, find_occurrence
    from reader_app.core.text import shorten

    start = find_occurrence(document.text, quote, occurrence)
    if start >= 0:
        return start
    shown = repr(shorten(" ".join(quote.split()), 60))
    found = count_occurrences(document.text, quote)
    if not found:
        raise ReaderError(f"{label}: the quote {shown} does not occur")
    times = "once" if found == 1 else f"{found} times"
    raise ReaderError(f"{label}: the quote {shown} occurs {times}, not {occurrence} times")


def _same_passage(store: Store, document: Document, start: int,
                  end: int) -> Annotation | None:
    for annotation in store:
        target = annotation.target
        if (annotation.document.path == document.path and target.start == start
                and target.end == end and document.text[start:end] == target.exact):
            return annotation
    return None


def _added_to(existing: Annotation, tags: list[str], note: str) -> Command | None:
    from reader_app.core.annotations.commands import EditAnnotation
    from reader_app.core.annotations.model import normalise_tags

    merged = normalise_tags([*existing.tags, *tags])
    kept = existing.note
    if note and note in kept.split("\n"):
        note = ""  # (one of its lines already: "verified" is no line of "unverified: …")
    elif note and kept:  # (replaced, the note written first was lost)
        warn([f"the passage was tagged already ({existing.id}): its note kept, "
              "the new one added below it"])
        note = f"{kept}\n{note}"
    if merged == existing.tags and not note:
        return None
    return EditAnnotation(existing.id, tags=merged, note=note or None)


def _quote(value: str) -> str:
    from reader_app.core.documents import normalise_newlines

    if not value.strip():  # a blank would be tagged, and listed as “”
        raise argparse.ArgumentTypeError("the quote cannot be empty or only whitespace")
    return normalise_newlines(value)


def _tag(value: str) -> str:
    tag = " ".join(value.split())
    if not tag:
        raise argparse.ArgumentTypeError("a tag cannot be empty")
    return tag

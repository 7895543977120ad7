"""File ▸ Export Tagged Passages…: the follow-up report, as an HTML page or a PDF of it.

The page is the core's (``reader_app.core.formats.followup``): the passages the Annotations
dock lists now (its filters applied, in its order), grouped by tag, each with its context,
source, note and the linked passage of the comparison on screen. Saved as it is for HTML;
laid out by Qt on portrait A4 pages for PDF (``export_actions.write_page_pdf``), through the
same dialog as Export Comparison (``ask_page_path``). Nothing here walks the window: the
caller hands in the listing and how to find each annotation's document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader_app.core.annotations.listing import Listed
from reader_app.core.documents import Document, load_document
from reader_app.core.errors import ReaderError
from reader_app.core.formats.followup import TITLE, render_followup
from reader_app.ui.window.annotation_export import filtered_listing
from reader_app.ui.window.annotations import WindowAnnotations
from reader_app.ui.window.export_actions import (
    ExportInputs,
    ask_page_path,
    busy,
    is_pdf,
    not_exported,
    refuse_protected,
    write_page_pdf,
    write_page_text,
)

DEFAULT_NAME = "Follow-up report"


@dataclass(frozen=True)
class FollowUpInputs:
    """The export's dialogs, settings and messages (``page``: its ``comparison`` is the one on
    screen), the dock's listing, each listed annotation's document with its anchor there
    (``None``: none shown nor in the library; read from its path) and the tags' colours."""

    page: ExportInputs
    listed: Callable[[], list[Listed]]
    on_screen: Callable[[Listed], tuple[Document, Listed] | None]
    library_document: Callable[[str], Document | None]
    colour_of: Callable[[str], str]
    filtered: Callable[[], bool]


def followup_inputs(page: ExportInputs, annotations: WindowAnnotations) -> FollowUpInputs:
    """The inputs for one window: its dock's table as filtered, its panes' documents."""
    model, controller = annotations.panel.model, annotations.controller
    panes = annotations.view.panes.values()

    def on_screen(item: Listed) -> tuple[Document, Listed] | None:
        for pane in panes:
            document = pane.source
            if document is not None and annotations.belongs_to(item.annotation, document):
                return document, Listed(item.annotation,
                                        controller.anchor_in(item.annotation, document))
        return None

    library = annotations.library
    return FollowUpInputs(
        page, lambda: filtered_listing(model, controller.anchor_of), on_screen,
        lambda path: library.document(library.row_of(path)),
        lambda tag: controller.tag_colour(tag).name(), lambda: not model.query.everything)


def report_page(inputs: FollowUpInputs, listed: Sequence[Listed]) -> str:
    """The report's HTML for ``listed``, each with the document it belongs to."""
    documents: dict[str, Document] = {}
    anchored: list[Listed] = []
    for item in listed:
        path = item.annotation.document.path
        shown = inputs.on_screen(item)
        if shown is not None:
            documents[path], item = shown
        elif path not in documents:
            found = inputs.library_document(path) or _read(path)
            if found is not None:
                documents[path] = found
        anchored.append(item)
    colours = {tag.casefold(): inputs.colour_of(tag)
               for item in listed for tag in item.annotation.tags}
    return render_followup(anchored, documents, inputs.page.comparison(), colours)


def _read(path: str) -> Document | None:
    try:
        return load_document(path) if path else None
    except ReaderError:
        return None


def write_report(page: str, path: Path) -> None:
    """The page as HTML, or as a portrait PDF when ``path`` ends in ``.pdf``."""
    if is_pdf(path):
        write_page_pdf(page, TITLE, path, landscape=False)
        return
    write_page_text(page, path)


def export_followup(inputs: FollowUpInputs) -> Path | None:
    """Ask where (HTML or PDF) and write the report of the dock's passages there."""
    listed, page_inputs = inputs.listed(), inputs.page
    if not listed:
        page_inputs.show_message("No tagged passages to export" + (
            " (the filter lets none through)" if inputs.filtered() else ""))
        return None
    path = ask_page_path(page_inputs, "Export Tagged Passages", DEFAULT_NAME)
    if path is None:
        return None
    try:
        refuse_protected(page_inputs.protected(), path)
        with busy(page_inputs, f"Writing {path.name}…"):
            write_report(report_page(inputs, listed), path)
    except (OSError, ReaderError) as error:
        page_inputs.show_error(not_exported("Tagged passages", path, error))
        return None
    count = f"{len(listed):,} tagged passage{'' if len(listed) == 1 else 's'}"
    page_inputs.show_message(f"{count} exported to {path}")
    return path

"""Help ▸ Getting Started: a short page on opening a folder, comparing and tagging.

The page is plain Markdown shipped with the app beside this module (``getting_started.md``,
package data of ``reader_app.ui.window``), shown read-only in a ``QTextBrowser``.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

GETTING_STARTED = "getting_started.md"


def getting_started_text() -> str:
    page = resources.files("reader_app.ui.window").joinpath(GETTING_STARTED)
    return page.read_text(encoding="utf-8")


class HelpPage(QDialog):
    """A page of help in a browser, with a Close button."""

    def __init__(self, title: str, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(markdown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 600)


def show_getting_started(parent: QWidget) -> HelpPage:
    """Open the Getting Started page (not modal: it can stay open while the reader tries)."""
    page = HelpPage("Getting Started", getting_started_text(), parent)
    page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    page.show()
    # The keys go to the page (Esc closes it, arrows scroll it), not to the window behind
    # it: with no window manager to activate it, it never had the focus.
    page.activateWindow()
    page.browser.setFocus()
    return page

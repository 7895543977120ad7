"""Render the application icon's PNG sizes from its SVG (run after editing the SVG).

``QT_QPA_PLATFORM=offscreen python resources/make_icons.py`` writes ``reader-app-<size>.png``
next to ``reader-app.svg`` (one folder: setuptools would take sub-folders of package data
for packages). Installed on the desktop, each goes to the icon theme's
``hicolor/<size>x<size>/apps/reader-app.png`` (see the README).
"""

from __future__ import annotations

import sys
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256)
HERE = Path(__file__).resolve().parent
SVG = HERE / "reader-app.svg"


def render(size: int) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    target = HERE / f"reader-app-{size}.png"
    if not image.save(str(target), "PNG"):
        raise OSError(f"could not write {target}")
    return target


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    for size in SIZES:
        print(render(size).relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())

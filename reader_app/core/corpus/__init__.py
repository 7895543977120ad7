"""Many documents at once: the similarity matrix (``matrix``) and the passages several
documents share word for word (``passages``). Built on ``reader_app.core.compare``; must not
import Qt, ``reader_app.ui`` or ``reader_app.cli``."""

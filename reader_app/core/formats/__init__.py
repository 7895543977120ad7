"""Every public output of the core in one place: the ``reader-app.compare/1``, ``matrix/1``
and ``passages/1`` JSON documents, plain text, ANSI and HTML renderings, and the ``tags list``
formats. Each module renders core results; none computes anything. Must not import Qt,
``reader_app.ui`` or ``reader_app.cli``."""

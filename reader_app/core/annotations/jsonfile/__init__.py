"""The annotation file (``reader-app.annotations/1``) behind the ``Store`` protocol.

``location`` (where the file is), ``file`` (reading, atomic writing, locking), ``format``
(the bytes' layout), ``merge`` (three-way merge by id) and ``store`` (``AnnotationStore``, the
JSON-file implementation of ``reader_app.core.annotations.store.Store``). Must not import Qt.
"""

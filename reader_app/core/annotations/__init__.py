"""Annotations: tagged passages of documents, and everything done with them.

``model`` (the frozen dataclasses and their JSON objects), ``anchoring`` (finding a passage in
changed text), ``query`` (filters), ``index`` (annotations by document), ``commands`` (undoable
changes), ``colours`` (the tag colours chosen), ``counterparts`` (a passage's counterparts in
a compared document), ``ownership`` (which annotations belong to a document), ``listing``
(every annotation with its anchor now) and ``store`` (the ``Store`` protocol every storage
implements). ``jsonfile`` is the one storage today: the annotation file behind the protocol.
Nothing here imports Qt, ``reader_app.ui`` or ``reader_app.cli``; importing this package
imports none of its modules (a headless ``compare`` never pays for the store).
"""

"""Import and export formats: pure readers and writers over core.model objects (no db, no Qt).

Writers: native JSONL, OneIE/TextEE, DyGIE++, brat standoff, CoNLL BIO, ACLED-like CSV, each
taking ``(Article, [Mention])`` pairs and the EventSchema; :func:`core.formats.export.export`
runs one and writes the manifest. Readers of pre-annotations (native, OneIE/TextEE, brat,
Label Studio, Prodigy) validate a whole input before returning anything and raise
:class:`FormatError` naming the file, document and mention. See docs/formats.md.
"""

from tadqiq.core.formats.common import FormatError

__all__ = ["FormatError"]

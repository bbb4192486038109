"""One entry point for reading pre-annotations, whatever tool they come from.

``read_preannotations(path, schema, origin=..., fmt=None)`` picks the reader from ``fmt`` or
from the path (a folder is brat; ``.json`` is Label Studio; ``.jsonl`` is native, OneIE,
Prodigy, a DyGIE++ prediction or a OneIE prediction, told apart by the keys of its first record) and returns ``(Article, [Mention])``
pairs with status ``proposed`` and ``origin``, or raises FormatError having returned nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tadqiq.core.formats.brat import read_brat
from tadqiq.core.formats.common import FormatError, Item, SchemaMismatch
from tadqiq.core.formats.labelstudio import read_labelstudio
from tadqiq.core.formats.model_outputs import read_dygiepp, read_oneie_predictions
from tadqiq.core.formats.native import read_native
from tadqiq.core.formats.oneie import read_oneie
from tadqiq.core.formats.prodigy import read_prodigy
from tadqiq.core.formats.violations import all_violations
from tadqiq.core.importing.item import ImportItem, ImportProblem
from tadqiq.core.schema import EventSchema

READERS = {
    "jsonl": read_native,
    "oneie": read_oneie,
    "brat": read_brat,
    "labelstudio": read_labelstudio,
    "prodigy": read_prodigy,
    "dygiepp": read_dygiepp,
    "oneie-predictions": read_oneie_predictions,
}
#: Readers that place their documents onto the project's stored articles (``texts``) and may warn.
ONTO_STORED = frozenset({"dygiepp", "oneie-predictions"})


def detect_format(path: Path) -> str:
    if path.is_dir():
        return "brat"
    if path.suffix.lower() == ".json":
        return "labelstudio"
    if path.suffix.lower() != ".jsonl":
        raise FormatError(
            f"{path}: cannot tell the format from the name; give it (one of {', '.join(READERS)})"
        )
    try:
        with open(path, encoding="utf-8-sig") as fh:
            first = next((line for line in fh if line.strip()), "")
        keys = set(json.loads(first)) if first else set()
    except (UnicodeDecodeError, json.JSONDecodeError, TypeError, RecursionError):
        return "jsonl"  # the native reader gives the precise error
    if "graph" in keys and ("tokens" in keys or "token_ids" in keys):
        return "oneie-predictions"
    if "predicted_events" in keys or "predicted_ner" in keys or {"doc_key", "sentences"} <= keys:
        return "dygiepp"
    if "wnd_id" in keys or "event_mentions" in keys:
        return "oneie"
    if "spans" in keys and "events" not in keys:
        return "prodigy"
    return "jsonl"


#: Readers of formats that can carry Tadqiq's review fields (status, reviewer, ...).
KEEPS_REVIEW = frozenset({"jsonl", "brat"})


def read_preannotations(
    path: str | Path,
    schema: EventSchema,
    *,
    origin: str,
    fmt: str | None = None,
    keep_review: bool = False,
    texts: Callable[[str], str | None] | None = None,
    warn: Callable[[str], None] | None = None,
    label_studio_from: str = "auto",
) -> list[Item]:
    """Read ``path`` as proposals of ``origin``; with ``keep_review`` (restoring a Tadqiq export)
    the review fields a native or brat file carries are kept, and ``origin`` fills only the gaps.
    ``texts(doc_id)``: the stored text of a document already in the project (OneIE windows,
    Prodigy sentences and model outputs are placed onto it). ``warn`` is told what a reader
    left out without failing; ``label_studio_from`` is read_labelstudio's ``use``."""
    path = Path(path)
    if not path.exists():
        raise FormatError(f"{path}: no such file or folder")
    fmt = fmt or detect_format(path)
    if fmt not in READERS:
        raise FormatError(f"{path}: unknown pre-annotation format {fmt!r} (one of {', '.join(READERS)})")
    def read(with_schema: EventSchema) -> list[Item]:
        if fmt == "oneie":
            return read_oneie(path, with_schema, origin=origin, texts=texts)
        if fmt == "labelstudio":
            return read_labelstudio(path, with_schema, origin=origin, use=label_studio_from, warn=warn)
        if fmt == "prodigy" or fmt in ONTO_STORED:
            return READERS[fmt](path, with_schema, origin=origin, texts=texts, warn=warn)
        if keep_review and fmt in KEEPS_REVIEW:
            return READERS[fmt](path, with_schema, origin=origin, keep_review=True)
        return READERS[fmt](path, with_schema, origin=origin)

    try:
        return read(schema)
    except SchemaMismatch as exc:
        listing = all_violations(read, schema, str(path))
        if listing is None:
            raise
        raise FormatError(f"{listing}\n(the first: {exc})") from None


def preannotation_import_items(
    path: str | Path,
    schema: EventSchema,
    *,
    origin: str,
    fmt: str | None = None,
    keep_review: bool = False,
    texts: Callable[[str], str | None] | None = None,
    warn: Callable[[str], None] | None = None,
    label_studio_from: str = "auto",
) -> list[ImportItem]:
    """``read_preannotations`` as ImportItems for ``Project.import_items`` (FormatError -> ImportProblem)."""
    try:
        items = read_preannotations(path, schema, origin=origin, fmt=fmt, keep_review=keep_review, texts=texts,
                                    warn=warn, label_studio_from=label_studio_from)
    except FormatError as exc:
        raise ImportProblem(str(exc)) from None
    return [
        ImportItem(article, tuple(mentions), where=f"{path}: document {article.ext_id!r}")
        for article, mentions in items
    ]

"""DyGIE++ JSONL: one document per line, sentences of tokens, token indices document-level.

``doc_key``, ``dataset`` (the schema name), ``sentences`` (the sentence windows' tokens),
``ner``, ``relations`` (always empty lists: we annotate no relations) and ``events``, each a
list per sentence. Indices count tokens from the start of the document and ends are
INCLUSIVE, as DyGIE++ wants: ``[5, 7, "LOC"]`` is tokens 5, 6 and 7. An event is
``[[trigger_token, type], [start, end, role], ...]``; DyGIE++ triggers are single tokens, so a
trigger over several tokens keeps its first token (counted as ``triggers_shortened``).

DyGIE++ enumerates candidate spans up to ``max_span_width`` tokens (8 in its configs) and drops
longer gold spans in silence: an argument (or entity) longer than ``max_span_width`` is still
written, counted as ``arguments_over_max_span_width`` and listed in the manifest
(``dygiepp.arguments_over_max_span_width``: document, event, role, text, width), so a long
«عشرات من عناصر قوات النظام السوري» is seen before training, not lost in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import FormatError, Item, atomic_write, check_item
from tadqiq.core.formats.jsonio import dumps
from tadqiq.core.formats.layout import count_chrome, entity_type, layout
from tadqiq.core.model import Article, Mention
from tadqiq.core.schema import EventSchema


#: DyGIE++'s default ``max_span_width`` (its training configs).
MAX_SPAN_WIDTH = 8


def dygiepp_document(
    article: Article,
    mentions: list[Mention],
    dataset: str,
    counts: dict[str, int] | None = None,
    file: object = None,
    max_span_width: int = MAX_SPAN_WIDTH,
    too_long: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    lay = layout(article, mentions)
    n = len(lay.windows)
    sentences = [[t.text for t in lay.tokens[i:j]] for i, j in lay.window_tokens]
    ner: list[list[list[Any]]] = [[] for _ in range(n)]
    events: list[list[list[list[Any]]]] = [[] for _ in range(n)]
    seen: list[set[tuple[int, int]]] = [set() for _ in range(n)]
    shortened = 0
    for k, (m, w) in enumerate(zip(mentions, lay.mention_window, strict=True)):
        ti, tj = lay.token_span(m.trigger, k, m, file)
        if tj - ti > 1:
            shortened += 1
        event: list[list[Any]] = [[ti, m.type]]
        for a in m.arguments:
            ai, aj = lay.token_span(a.span, k, m, file)
            event.append([ai, aj - 1, a.role])
            if aj - ai > max_span_width and too_long is not None:
                too_long.append({"doc_key": article.ext_id, "event": f"{m.type} {m.trigger.text!r} at "
                                 f"{m.trigger.start}..{m.trigger.end}", "role": a.role, "text": a.span.text,
                                 "tokens": [ai, aj - 1], "width": aj - ai})  # fmt: skip
            if (ai, aj) not in seen[w]:
                seen[w].add((ai, aj))
                ner[w].append([ai, aj - 1, entity_type(a.role)])
        events[w].append(event)
    for w in range(n):
        ner[w].sort(key=lambda e: (e[0], e[1]))
    if counts is not None:
        count_chrome(lay, counts)
        counts["sentences"] += n
        counts["mentions"] += len(mentions)
        counts["arguments"] += sum(len(m.arguments) for m in mentions)
        counts["entities"] += sum(len(x) for x in ner)
        counts["triggers_shortened"] += shortened
    return {
        "doc_key": article.ext_id,
        "dataset": dataset,
        "sentences": sentences,
        "ner": ner,
        "relations": [[] for _ in range(n)],
        "events": events,
    }


def write_dygiepp(
    items: Iterable[Item],
    schema: EventSchema,
    out: Path,
    progress: Callable[[int], None] | None = None,
    max_span_width: int = MAX_SPAN_WIDTH,
) -> dict[str, Any]:
    if not isinstance(max_span_width, int) or max_span_width < 1:
        raise FormatError(f"max span width {max_span_width!r}: expected a whole number of tokens, 1 or more")
    counts = {
        "articles": 0,
        "sentences": 0,
        "mentions": 0,
        "arguments": 0,
        "entities": 0,
        "triggers_shortened": 0,
        "chrome_sentences_excluded": 0,
        "chrome_tokens_excluded": 0,
        "arguments_over_max_span_width": 0,
    }
    too_long: list[dict[str, Any]] = []
    with atomic_write(out) as fh:
        for article, ms in items:
            check_item(article, ms, out)
            fh.write(dumps(dygiepp_document(article, ms, schema.name, counts, out, max_span_width, too_long)))
            fh.write("\n")
            counts["articles"] += 1
            if progress:
                progress(1)
    counts["arguments_over_max_span_width"] = len(too_long)
    report = {"dygiepp": {"max_span_width": max_span_width, "arguments_over_max_span_width": too_long}}
    return {"files": [out], "counts": counts, "report": report}

"""CoNLL BIO: one token per line, tab-separated columns, a blank line between sentences.

Columns: TOKEN, ENTITY (BIO over argument spans, coarse types), TRIGGER (BIO with the event
type), then one column per event mention of the sentence with its arguments' roles in BIO
(CoNLL-2005 SRL style: the number of columns varies by sentence). Comment lines before each
sentence say which document and sentence it is, the sentence text, and which trigger each
argument column belongs to. BIO cannot nest: where spans overlap in one column, the longer
span is kept and the others are counted in the manifest (``*_overlapping``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import Item, atomic_write, check_item
from tadqiq.core.formats.layout import count_chrome, entity_type, layout
from tadqiq.core.model import Article, Mention
from tadqiq.core.schema import EventSchema


def _bio(n: int, spans: list[tuple[int, int, str]]) -> tuple[list[str], int]:
    """BIO tags for ``n`` tokens from (start, end, label) spans; longer spans win; count dropped."""
    tags = ["O"] * n
    dropped = 0
    for s, e, label in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if any(tags[i] != "O" for i in range(s, e)):
            dropped += 1
            continue
        tags[s] = f"B-{label}"
        for i in range(s + 1, e):
            tags[i] = f"I-{label}"
    return tags, dropped


def conll_document(
    article: Article, mentions: list[Mention], counts: dict[str, int], file: object = None
) -> str:
    lay = layout(article, mentions)
    count_chrome(lay, counts)
    by_window: dict[int, list[tuple[int, Mention]]] = {}
    for k, (m, w) in enumerate(zip(mentions, lay.mention_window, strict=True)):
        by_window.setdefault(w, []).append((k, m))
    out: list[str] = []
    for w, ((ws, we), (t0, t1)) in enumerate(zip(lay.windows, lay.window_tokens, strict=True)):
        n = t1 - t0
        entities: dict[tuple[int, int], str] = {}
        triggers = []
        arg_columns = []
        header = [
            f"# doc_id = {article.ext_id}",
            f"# sent_id = {article.ext_id}-{w}",
            "# text = " + " ".join(article.text[ws:we].split()),
        ]
        for col, (k, m) in enumerate(by_window.get(w, []), 1):
            ti, tj = lay.token_span(m.trigger, k, m, file)
            triggers.append((ti - t0, tj - t0, m.type))
            spans = []
            for a in m.arguments:
                ai, aj = lay.token_span(a.span, k, m, file)
                spans.append((ai - t0, aj - t0, a.role))
                entities.setdefault((ai - t0, aj - t0), entity_type(a.role))
            tags, dropped = _bio(n, spans)
            counts["arguments_overlapping"] += dropped
            arg_columns.append(tags)
            header.append(f"# event {col} = {m.type} {m.trigger.text} (token {ti - t0 + 1})")
        ent_tags, dropped = _bio(n, [(s, e, t) for (s, e), t in entities.items()])
        counts["entities_overlapping"] += dropped
        trig_tags, dropped = _bio(n, triggers)
        counts["triggers_overlapping"] += dropped
        out.extend(header)
        for i, tok in enumerate(lay.tokens[t0:t1]):
            out.append("\t".join([tok.text, ent_tags[i], trig_tags[i], *(c[i] for c in arg_columns)]))
        out.append("")
        counts["sentences"] += 1
        counts["tokens"] += n
    counts["mentions"] += len(mentions)
    return "\n".join(out) + "\n" if out else ""


def write_conll(
    items: Iterable[Item], schema: EventSchema, out: Path, progress: Callable[[int], None] | None = None
) -> dict[str, Any]:
    counts = {
        "articles": 0, "sentences": 0, "tokens": 0, "mentions": 0,
        "entities_overlapping": 0, "triggers_overlapping": 0, "arguments_overlapping": 0,
        "chrome_sentences_excluded": 0, "chrome_tokens_excluded": 0,
    }  # fmt: skip
    with atomic_write(out) as fh:
        for article, ms in items:
            check_item(article, ms, out)
            fh.write(conll_document(article, ms, counts, out))
            counts["articles"] += 1
            if progress:
                progress(1)
    return {"files": [out], "counts": counts}

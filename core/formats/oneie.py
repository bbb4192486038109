"""OneIE / TextEE JSONL: one sentence window per line, token-level spans.

Per line: ``doc_id``, ``wnd_id``, ``lang``, ``text`` (the window's text, exact), ``tokens``,
``entity_mentions`` and ``event_mentions``. Token indices are relative to the window, end
exclusive. ``start_char``/``end_char`` are code-point offsets relative to the window ``text``
(so each line stands alone), and they are the exact annotated span, while ``start``/``end``
cover the whole tokens it touches: a trigger يقتل inside the token ويقتل has the token range of
ويقتل and the characters of يقتل. Entities are the distinct argument spans of the window, typed
coarsely from the role (see core.formats.layout.ROLE_ENTITY_TYPE). Windows without events are
written too (negative examples). Each event mention also carries its ``attributes``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import (
    FormatError,
    Item,
    atomic_write,
    check_item,
    mention_label,
    where,
)
from tadqiq.core.formats.jsonio import dumps, jsonl_objects, need, opt
from tadqiq.core.formats.layout import count_chrome, entity_type, layout
from tadqiq.core.formats.native import as_proposal
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.core.schema import EventSchema


def oneie_windows(
    article: Article, mentions: list[Mention], file: object = None, counts: dict[str, int] | None = None
) -> list[dict[str, Any]]:
    lay = layout(article, mentions)
    if counts is not None:
        count_chrome(lay, counts)
    text = article.text
    doc_id = article.ext_id
    out = []
    by_window: dict[int, list[tuple[int, Mention]]] = {}
    for k, (m, w) in enumerate(zip(mentions, lay.mention_window, strict=True)):
        by_window.setdefault(w, []).append((k, m))
    for w, ((ws, we), (t0, t1)) in enumerate(zip(lay.windows, lay.window_tokens, strict=True)):
        wnd_id = f"{doc_id}-{w}"
        entities: dict[tuple[int, int], dict[str, Any]] = {}
        events = []
        for k, m in by_window.get(w, []):
            ti, tj = lay.token_span(m.trigger, k, m, file)
            args = []
            for a in m.arguments:
                ai, aj = lay.token_span(a.span, k, m, file)
                key = (a.span.start, a.span.end)
                ent = entities.get(key)
                if ent is None:
                    ent = {
                        "id": f"{wnd_id}-T{len(entities) + 1}",
                        "entity_type": entity_type(a.role),
                        "text": a.span.text,
                        "start": ai - t0,
                        "end": aj - t0,
                        "start_char": a.span.start - ws,
                        "end_char": a.span.end - ws,
                    }
                    entities[key] = ent
                args.append(
                    {
                        "entity_id": ent["id"],
                        "role": a.role,
                        "text": a.span.text,
                        "start": ai - t0,
                        "end": aj - t0,
                    }
                )
            events.append(
                {
                    "id": f"{wnd_id}-E{len(events) + 1}",
                    "event_type": m.type,
                    "trigger": {
                        "text": m.trigger.text,
                        "start": ti - t0,
                        "end": tj - t0,
                        "start_char": m.trigger.start - ws,
                        "end_char": m.trigger.end - ws,
                    },
                    "arguments": args,
                    "attributes": dict(m.attributes),
                }
            )
        out.append(
            {
                "doc_id": doc_id,
                "wnd_id": wnd_id,
                "lang": article.lang or "ar",
                "text": text[ws:we],
                "tokens": [t.text for t in lay.tokens[t0:t1]],
                "entity_mentions": list(entities.values()),
                "event_mentions": events,
            }
        )
    return out


def write_oneie(
    items: Iterable[Item], schema: EventSchema, out: Path, progress: Callable[[int], None] | None = None
) -> dict[str, Any]:
    counts = {"articles": 0, "windows": 0, "mentions": 0, "arguments": 0, "entities": 0,
              "chrome_sentences_excluded": 0, "chrome_tokens_excluded": 0}  # fmt: skip
    with atomic_write(out) as fh:
        for article, ms in items:
            check_item(article, ms, out)
            for wnd in oneie_windows(article, ms, out, counts):
                fh.write(dumps(wnd))
                fh.write("\n")
                counts["windows"] += 1
                counts["mentions"] += len(wnd["event_mentions"])
                counts["entities"] += len(wnd["entity_mentions"])
                counts["arguments"] += sum(len(e["arguments"]) for e in wnd["event_mentions"])
            counts["articles"] += 1
            if progress:
                progress(1)
    return {"files": [out], "counts": counts}


def _tok_range(obj: dict[str, Any], n_tokens: int, loc: str) -> tuple[int, int]:
    s = need(obj, "start", int, loc)
    e = need(obj, "end", int, loc)
    if s == e and 0 <= s <= n_tokens:
        raise FormatError(f"{loc}: empty token range {s}..{e} (end is exclusive: one token is {s}..{s + 1})")
    if not 0 <= s < e <= n_tokens:
        raise FormatError(f"{loc}: token range {s}..{e} outside the window's {n_tokens} tokens")
    return s, e


def read_oneie(
    path: str | Path,
    schema: EventSchema,
    *,
    origin: str,
    texts: Callable[[str], str | None] | None = None,
) -> list[Item]:
    """Read OneIE/TextEE windows back into articles.

    A document's text is its windows joined by ``\\n`` — unless ``texts(doc_id)`` gives the
    article's stored text (the document is already in the project): then each window is aligned
    onto that text, searching forward from the end of the previous window and allowing the
    whitespace between and inside windows to differ, and its offsets are moved there. A window
    that cannot be aligned is an error naming the document and the window.

    Offsets: ``start_char``/``end_char`` when present (relative to the window text, as written
    here), else the text of the token range found inside the window. Token ranges are checked
    against ``tokens``; the span text against ``text``; types and roles against the schema.
    """
    path = Path(path)
    docs: dict[str, list[tuple[str, list[Mention]]]] = {}
    wnds: dict[str, list[str]] = {}
    langs: dict[str, str | None] = {}
    for lineno, obj in jsonl_objects(path):
        loc = f"{path}: line {lineno}"
        doc_id = str(need(obj, "doc_id", (str, int), loc))
        text = need(obj, "text", str, loc)
        tokens = need(obj, "tokens", list, loc)
        langs.setdefault(doc_id, obj.get("lang"))
        entities: dict[str, dict[str, Any]] = {}
        for k, ent in enumerate(need(obj, "entity_mentions", list, loc) if "entity_mentions" in obj else []):
            eloc = f"{loc}: entity {k + 1}"
            entities[str(need(ent, "id", (str, int), eloc))] = ent
        mentions: list[tuple[Mention, str]] = []
        for k, ev in enumerate(need(obj, "event_mentions", list, loc) if "event_mentions" in obj else []):
            mloc = where(loc, doc_id, f"event {k + 1} ({ev.get('id', '?') if isinstance(ev, dict) else '?'})")
            etype = need(ev, "event_type", str, mloc)
            trig = need(ev, "trigger", dict, mloc)
            trigger = _window_span(trig, text, tokens, f"{mloc} trigger")
            args = []
            for j, a in enumerate(opt(ev, "arguments", list, mloc) or []):
                aloc = f"{mloc} argument {j + 1}"
                role = need(a, "role", str, aloc)
                ent_id = str(a.get("entity_id", ""))
                ent = entities.get(ent_id)
                src = ent if ent is not None else a
                if ent is None and "entity_id" in a:
                    raise FormatError(
                        f"{aloc}: entity_id {ent_id!r} is not among the window's entity_mentions"
                    )
                args.append(Argument(role, _window_span(src, text, tokens, aloc)))
            attrs = {name: values[0] for name, values in schema.attributes.items()}
            attrs.update(opt(ev, "attributes", dict, mloc) or {})
            mentions.append(
                (Mention(etype, trigger, tuple(args), attrs, status="proposed", origin=origin), mloc)
            )
        docs.setdefault(doc_id, []).append((text, [m for m, _ in mentions]))
        wnds.setdefault(doc_id, []).append(f"{obj.get('wnd_id', len(wnds.get(doc_id, [])))!s} (line {lineno})")
    out: list[Item] = []
    for doc_id, wins in docs.items():
        stored = texts(doc_id) if texts is not None else None
        if stored is not None:
            aligned = _align_windows(stored, wins, wnds[doc_id], where(path, doc_id))
            article = Article(ext_id=doc_id, text=stored, lang=langs.get(doc_id))
            check_item(article, aligned, path, schema)
            out.append((article, [as_proposal(m, origin) for m in aligned]))
            continue
        parts = []
        shifted: list[Mention] = []
        offset = 0
        for text, ms in wins:
            parts.append(text)
            for m in ms:
                shifted.append(_shift(m, offset))
            offset += len(text) + 1
        article = Article(ext_id=doc_id, text="\n".join(parts), lang=langs.get(doc_id))
        check_item(article, shifted, path, schema)
        out.append((article, [as_proposal(m, origin) for m in shifted]))
    return out


def _window_span(obj: dict[str, Any], text: str, tokens: list[Any], loc: str) -> Span:
    ti, tj = _tok_range(obj, len(tokens), loc)
    given = obj.get("text")
    if "start_char" in obj or "end_char" in obj:
        s = need(obj, "start_char", int, loc)
        e = need(obj, "end_char", int, loc)
        if not 0 <= s < e <= len(text):
            raise FormatError(f"{loc}: characters {s}..{e} outside the window text (length {len(text)})")
        if given is not None and text[s:e] != given:
            raise FormatError(f"{loc}: window text at {s}..{e} is {text[s:e]!r}, the file says {given!r}")
        return Span(s, e, text[s:e])
    # No character offsets: find the token range in the window text, token by token.
    pos = 0
    starts = []
    for tok in tokens[:tj]:
        if not isinstance(tok, str):
            raise FormatError(f"{loc}: tokens must be strings")
        found = text.find(tok, pos)
        if found < 0:
            raise FormatError(f"{loc}: token {tok!r} not found in the window text")
        starts.append(found)
        pos = found + len(tok)
    s, e = starts[ti], pos
    if given is not None and text[s:e] != given:
        raise FormatError(f"{loc}: tokens {ti}..{tj} read {text[s:e]!r}, the file says {given!r}")
    return Span(s, e, text[s:e])


def _align_window(
    stored: str, window: str, cursor: int
) -> tuple[Callable[[int, int], tuple[int, int]], int] | None:
    """Where ``window`` sits in ``stored`` at or after ``cursor``: a function mapping a window span
    (start, end) to stored offsets and where the window ends there, or None. Exact first; else
    whitespace runs may differ (a window with no text aligns nowhere and is skipped)."""
    if not window.strip():
        return (lambda s, e: (s + cursor, e + cursor)), cursor
    found = stored.find(window, cursor)
    if found >= 0:
        return (lambda s, e: (s + found, e + found)), found + len(window)
    words = [(w.start(), w.group()) for w in re.finditer(r"\S+", window)]
    pattern = r"\s+".join(f"({re.escape(w)})" for _, w in words)
    match = re.compile(pattern).search(stored, cursor)
    if match is None:
        return None
    starts = [(ws, match.start(k + 1), len(w)) for k, (ws, w) in enumerate(words)]

    def place(offset: int, is_end: bool) -> int:
        for wstart, sstart, n in starts:
            if wstart <= offset < wstart + n or (is_end and wstart < offset <= wstart + n):
                return sstart + offset - wstart
        raise FormatError(f"offset {offset} of the window falls on whitespace")

    return (lambda s, e: (place(s, False), place(e, True))), match.end()


def _moved(stored: str, at: Callable[[int, int], tuple[int, int]], span: Span, loc: str) -> Span:
    try:
        s, e = at(span.start, span.end)
    except FormatError as exc:
        raise FormatError(f"{loc}: {exc}") from None
    if stored[s:e].split() != span.text.split():
        raise FormatError(f"{loc}: {span.text!r} aligns onto {stored[s:e]!r}")
    return Span(s, e, stored[s:e])


def _align_windows(stored: str, wins: list[tuple[str, list[Mention]]], names: list[str], loc: str) -> list[Mention]:
    out: list[Mention] = []
    cursor = 0
    for (window, ms), name in zip(wins, names, strict=True):
        aligned = _align_window(stored, window, cursor)
        if aligned is None:
            raise FormatError(
                f"{loc}: window {name} is not in the stored article text after character {cursor}"
                f" (the text differs from the article already in the project): {window[:60]!r}"
            )
        at, cursor = aligned
        for k, m in enumerate(ms):
            what = f"{loc}: window {name} event {k + 1} ({m.type} {m.trigger.text!r})"
            args = tuple(
                Argument(a.role, _moved(stored, at, a.span, f"{what} {a.role}"), a.value, a.confidence, a.rule)
                for a in m.arguments
            )
            out.append(m.with_(trigger=_moved(stored, at, m.trigger, f"{what} trigger"), arguments=args))
    return out


def _shift(m: Mention, offset: int) -> Mention:
    def sh(s: Span) -> Span:
        return Span(s.start + offset, s.end + offset, s.text)

    return m.with_(
        trigger=sh(m.trigger),
        arguments=tuple(Argument(a.role, sh(a.span), a.value, a.confidence, a.rule) for a in m.arguments),
    )


__all__ = ["oneie_windows", "write_oneie", "read_oneie", "mention_label"]

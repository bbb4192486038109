"""A model's output as proposals onto stored articles: DyGIE++ predictions and OneIE's predict.py output.

Both carry tokens, not the article's text, so each document must already be in the project
(``texts(doc_id)`` gives its stored text); each sentence's tokens are aligned back onto that
text — the tokens in order, any whitespace (or none) between them, searched forward from the
end of the previous sentence, so sentences left out of the model's input (site chrome) are
skipped — and every span gets the stored text's offsets and characters.

* **DyGIE++** (``dygie/predict.py`` output, one document per line): ``doc_key``, ``sentences``
  (lists of tokens), ``predicted_events`` (per sentence, events as ``[[trigger token, type,
  logit, prob], [start, end, role, logit, prob], ...]``, token indices over the document, ends
  inclusive) and ``predicted_ner``. A file with gold ``events`` instead (our own dygiepp
  export, ``[[trigger, type], [start, end, role], ...]``) is read the same way. The softmax
  ``prob`` becomes the confidence. Entities of ``predicted_ner`` are not stored (Tadqiq keeps
  event arguments, not free entities): counted in a warning.
* **OneIE** (``predict.py`` output, one sentence per line): ``doc_id``, ``sent_id``, ``tokens``
  (else ``token_ids`` as ``DOC:start-end``, character offsets with an inclusive end, used as
  they are) and ``graph``: ``entities`` ``[start, end, type, mention_type, score]``,
  ``triggers`` ``[start, end, type, score]``, ``roles`` ``[trigger index, entity index, role,
  score]`` (token indices in the sentence, ends exclusive).

Every refusal names the file, the line, the document, the field and what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tadqiq.core.formats.common import FormatError, Item, check_item, where
from tadqiq.core.formats.jsonio import jsonl_objects, need
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.core.schema import EventSchema

Texts = Callable[[str], "str | None"]


def _stored(texts: Texts | None, doc: str, loc: str) -> str:
    stored = texts(doc) if texts is not None else None
    if stored is None:
        raise FormatError(f"{loc}: document {doc!r} is not in the project; a model's output carries tokens, not "
                          "the article's text: import the articles first, then their predictions")  # fmt: skip
    return stored


def align_tokens(stored: str, tokens: list[Any], cursor: int, loc: str) -> tuple[list[tuple[int, int]], int]:
    """Character spans of ``tokens`` in ``stored`` at or after ``cursor`` (see the module docstring)."""
    if not tokens:
        return [], cursor
    for k, tok in enumerate(tokens):
        if not isinstance(tok, str) or not tok.strip():
            raise FormatError(f"{loc}: token {k + 1} is {tok!r}; expected a non-empty string")
    pattern = r"\s*".join(f"({re.escape(t)})" for t in tokens)
    match = re.compile(pattern).search(stored, cursor)
    if match is None:
        raise FormatError(f"{loc}: the tokens {' '.join(tokens[:8])!r}{' ...' if len(tokens) > 8 else ''} are not in "
                          f"the stored article after character {cursor} (expected the article's own words, in order)")  # fmt: skip
    return [(match.start(g), match.end(g)) for g in range(1, len(tokens) + 1)], match.end()


def _span(stored: str, offs: list[tuple[int, int]], i: int, j: int, loc: str, what: str) -> Span:
    """Characters of tokens i..j-1 (j exclusive)."""
    if not 0 <= i < j <= len(offs):
        raise FormatError(f"{loc}: {what} covers tokens {i}..{j - 1}; expected tokens of the {len(offs)} there")
    s, e = offs[i][0], offs[j - 1][1]
    return Span(s, e, stored[s:e])


def _prob(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) and 0 <= x <= 1 else None


def read_dygiepp(
    path: str | Path,
    schema: EventSchema,
    *,
    origin: str,
    texts: Texts | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[Item]:
    path = Path(path)
    defaults = {name: values[0] for name, values in schema.attributes.items()}
    out: list[Item] = []
    for lineno, obj in jsonl_objects(path):
        loc = f"{path}: line {lineno}"
        doc = str(need(obj, "doc_key", (str, int), loc))
        loc = where(loc, doc)
        sentences = need(obj, "sentences", list, loc)
        field = "predicted_events" if "predicted_events" in obj else "events"
        events = need(obj, field, list, loc)
        if len(events) != len(sentences):
            raise FormatError(f"{loc}: {field} has {len(events)} lists, sentences {len(sentences)}; "
                              "expected one list per sentence")  # fmt: skip
        stored = _stored(texts, doc, loc)
        offs: list[tuple[int, int]] = []
        cursor = 0
        for k, sent in enumerate(sentences):
            if not isinstance(sent, list):
                raise FormatError(f"{loc}: sentences[{k}] is {type(sent).__name__}; expected a list of tokens")
            got, cursor = align_tokens(stored, sent, cursor, f"{loc}: sentences[{k}]")
            offs += got
        mentions = []
        for k, per_sentence in enumerate(events):
            if not isinstance(per_sentence, list):
                raise FormatError(f"{loc}: {field}[{k}] is {type(per_sentence).__name__}; expected a list of events")
            for n, ev in enumerate(per_sentence):
                eloc = f"{loc}: {field}[{k}][{n}]"
                head = ev[0] if isinstance(ev, list) and ev else None
                if not (isinstance(head, list) and len(head) >= 2 and isinstance(head[0], int) and isinstance(head[1], str)):
                    raise FormatError(f"{eloc}: the trigger is {head!r}; expected [token, type, logit, prob] "
                                      "with a document-level token index")  # fmt: skip
                trigger = _span(stored, offs, head[0], head[0] + 1, eloc, "the trigger")
                args = []
                for m, arg in enumerate(ev[1:]):
                    aloc = f"{eloc}[{m + 1}]"
                    if not (isinstance(arg, list) and len(arg) >= 3 and isinstance(arg[0], int)
                            and isinstance(arg[1], int) and isinstance(arg[2], str)):  # fmt: skip
                        raise FormatError(f"{aloc}: argument {arg!r}; expected [start, end, role, logit, prob] "
                                          "with document-level token indices, end inclusive")  # fmt: skip
                    span = _span(stored, offs, arg[0], arg[1] + 1, aloc, f"argument {arg[2]!r}")
                    args.append(Argument(arg[2], span, confidence=_prob(arg[4]) if len(arg) > 4 else None))
                mentions.append(Mention(head[1], trigger, tuple(args), dict(defaults), status="proposed",
                                        origin=origin, confidence=_prob(head[3]) if len(head) > 3 else None))  # fmt: skip
        entities = sum(len(x) for x in obj.get("predicted_ner") or [] if isinstance(x, list))
        if entities and warn is not None:
            warn(f"{loc}: {entities} entities of predicted_ner not stored (Tadqiq keeps event arguments, "
                 "not free entities)")
        article = Article(ext_id=doc, text=stored)
        check_item(article, mentions, path, schema)
        out.append((article, mentions))
    return out


_TOKEN_ID = re.compile(r"^(?P<doc>.*):(?P<start>\d+)-(?P<end>\d+)$")


def read_oneie_predictions(
    path: str | Path,
    schema: EventSchema,
    *,
    origin: str,
    texts: Texts | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[Item]:
    path = Path(path)
    defaults = {name: values[0] for name, values in schema.attributes.items()}
    docs: dict[str, list[Mention]] = {}
    cursors: dict[str, int] = {}
    stored_of: dict[str, str] = {}
    for lineno, obj in jsonl_objects(path):
        loc = f"{path}: line {lineno}"
        doc = str(need(obj, "doc_id", (str, int), loc))
        loc = where(loc, doc) + (f" (sent_id {obj['sent_id']!r})" if "sent_id" in obj else "")
        graph = need(obj, "graph", dict, loc)
        if doc not in stored_of:
            stored_of[doc] = _stored(texts, doc, loc)
            cursors[doc] = 0
            docs[doc] = []
        stored = stored_of[doc]
        if "tokens" in obj:
            offs, cursors[doc] = align_tokens(stored, need(obj, "tokens", list, loc), cursors[doc], f"{loc}: tokens")
        else:
            offs = []
            for k, tid in enumerate(need(obj, "token_ids", list, loc)):
                m = _TOKEN_ID.match(tid) if isinstance(tid, str) else None
                if m is None or not int(m["start"]) <= int(m["end"]) < len(stored):
                    raise FormatError(f"{loc}: token_ids[{k}] is {tid!r}; expected 'DOC:start-end' with character "
                                      f"offsets (end inclusive) inside the stored text (length {len(stored)})")  # fmt: skip
                offs.append((int(m["start"]), int(m["end"]) + 1))
        entities = graph.get("entities") or []
        triggers = graph.get("triggers") or []
        roles = graph.get("roles") or []
        for name, value in (("entities", entities), ("triggers", triggers), ("roles", roles)):
            if not isinstance(value, list):
                raise FormatError(f"{loc}: graph.{name} is {type(value).__name__}; expected a list")
        ent_spans = []
        for k, ent in enumerate(entities):
            eloc = f"{loc}: graph.entities[{k}]"
            if not (isinstance(ent, list) and len(ent) >= 3 and isinstance(ent[0], int) and isinstance(ent[1], int)):
                raise FormatError(f"{eloc}: {ent!r}; expected [start, end, type, mention_type, score], end exclusive")
            ent_spans.append(_span(stored, offs, ent[0], ent[1], eloc, "the entity"))
        args: dict[int, list[Argument]] = {}
        for k, role in enumerate(roles):
            rloc = f"{loc}: graph.roles[{k}]"
            if not (isinstance(role, list) and len(role) >= 3 and isinstance(role[0], int)
                    and isinstance(role[1], int) and isinstance(role[2], str)):  # fmt: skip
                raise FormatError(f"{rloc}: {role!r}; expected [trigger index, entity index, role, score]")
            if not 0 <= role[0] < len(triggers) or not 0 <= role[1] < len(ent_spans):
                raise FormatError(f"{rloc}: trigger {role[0]} / entity {role[1]}; expected indices into the "
                                  f"{len(triggers)} triggers and {len(ent_spans)} entities of the graph")  # fmt: skip
            conf = _prob(role[3]) if len(role) > 3 else None
            args.setdefault(role[0], []).append(Argument(role[2], ent_spans[role[1]], confidence=conf))
        for k, trig in enumerate(triggers):
            tloc = f"{loc}: graph.triggers[{k}]"
            if not (isinstance(trig, list) and len(trig) >= 3 and isinstance(trig[0], int)
                    and isinstance(trig[1], int) and isinstance(trig[2], str)):  # fmt: skip
                raise FormatError(f"{tloc}: {trig!r}; expected [start, end, type, score], end exclusive")
            span = _span(stored, offs, trig[0], trig[1], tloc, "the trigger")
            conf = _prob(trig[3]) if len(trig) > 3 else None
            docs[doc].append(Mention(trig[2], span, tuple(args.get(k, ())), dict(defaults), status="proposed",
                                     origin=origin, confidence=conf))  # fmt: skip
    out: list[Item] = []
    for doc, mentions in docs.items():
        article = Article(ext_id=doc, text=stored_of[doc])
        check_item(article, mentions, path, schema)
        out.append((article, mentions))
    return out

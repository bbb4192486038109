"""The learned engine: two linear-chain CRFs (python-crfsuite) trained on a project's gold.

1. **Triggers**: every sentence is a sequence of tokens labelled BIO over the event types
   (``B-Conflict.Attack``, ``O`` ...). The features are the entity recogniser's
   (extract/entities.py: normalised form, the form without proclitics, what was split off,
   character prefixes and suffixes, shape, two neighbours each side, the bigram) plus the
   attached pronoun, character trigrams of the stem, hits in the rule engine's lexicons
   (trigger types, cue and head word sections, actors) and in the gazetteer, the entity
   recogniser's tags when a model of it is given, and the lexicon hits of the neighbours.
2. **Arguments**: for each trigger, the tokens of its sentence (at most ``WINDOW`` each side)
   are a second sequence labelled BIO over roles, with the same token features plus features
   relative to the trigger: distance and direction, the event type with the side, with the
   word before the token (في, على, من ...) and with the token's proclitic, the words, commas
   and other triggers between, the trigger word. Only roles the type allows (the project's
   schema, stored with the model) are proposed: a role the type lacks is replaced by the best
   allowed one when its marginal is high enough, or dropped.

Confidences are the CRF's marginal probabilities (``Tagger.marginal``): of the trigger's
``B-`` label at its token, and of an argument's labels averaged over its tokens.
Training data: per article the gold mentions (confirmed, corrected, added); every other token
of its sentences is ``O``, so a rejected proposal is a negative example; a sentence holding a
proposal that nobody reviewed yet is left out of the trigger training (it is not known yet).
Every span proposed is checked against the text before it is returned.
"""

from __future__ import annotations

import io
import json
import multiprocessing as mp
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycrfsuite

from tadqiq.core.arabic.clitics import split_proclitics, strip_for_span
from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.arabic.tokenize import Token, sentences, tokenize
from tadqiq.core.model import DEFAULT_ATTRIBUTES, Argument, Article, Mention, Span
from tadqiq.core.values.counts import parse_count
from tadqiq.core.values.dates import parse_date
from tadqiq.extract.entities import EntityTagger, entity_spans, list_hits, sentence_features
from tadqiq.extract.gazetteer import Gazetteer, key, load_gazetteer
from tadqiq.extract.lexicons import PRONOUNS, Lexicons, load_lexicons

NAME = "learned"
#: Bump when the features change: a model trained with other features is refused.
FEATURES = 1
FORMAT = "tadqiq-learned-model"
WINDOW = 30  # argument tokens looked at on each side of a trigger, inside its sentence
COUNTED_ROLES = {"Victim", "Person", "Instrument", "Vehicle", "Artifact", "Entity"}
PLACE_ROLES = {"Place", "Origin", "Destination"}
MIN_ROLE_MARGINAL = 0.2
#: The argument CRF learns from at most this many gold mentions (every k-th, in article order):
#: its training time grows with them and dominates beyond a few thousand (docs/learned-engine.md).
MAX_ARGUMENT_MENTIONS = 4000  # an allowed role replacing a disallowed one needs at least this

TRIGGER_PARAMS: dict[str, Any] = {"c1": 0.05, "c2": 0.01, "max_iterations": 60,
                                  "feature.possible_transitions": True}
ARGUMENT_PARAMS: dict[str, Any] = {"c1": 0.05, "c2": 0.01, "max_iterations": 40,
                                   "feature.possible_transitions": True}
_SECTIONS = ("support_verbs", "speech_verbs", "place_heads", "place_heads_plural", "actor_heads",
             "weapon_heads", "vehicle_heads", "partitive_heads", "stop", "negation", "hedge",
             "hypothetical", "generic", "agent_cues", "clause_breaks")
_PRONOUNS = tuple(sorted(PRONOUNS, key=len, reverse=True))


class ModelError(ValueError):
    """Model bytes that are not a learned-engine model this program can use."""


# ---- training data -------------------------------------------------------------------------
@dataclass(frozen=True)
class Example:
    """One article to learn from: its gold mentions, and the trigger spans of proposals nobody
    reviewed yet (their sentences are left out of the trigger training). Rejected proposals
    need nothing: their tokens are ``O`` like every token that is no gold trigger."""

    article: Article
    gold: Sequence[Mention]
    unknown: Sequence[tuple[int, int]] = ()


# ---- reading an article ----------------------------------------------------------------------
class Resources:
    """The lists the features look words up in (rule engine lexicons, gazetteer) and the
    optional entity recogniser, with per-word caches."""

    def __init__(self, lexicons: Lexicons | None = None, gazetteer: Gazetteer | None = None,
                 entities: EntityTagger | None = None):
        self.lex = lexicons or load_lexicons()
        self.gaz = gazetteer or load_gazetteer()
        self.entities = entities
        self._words: dict[str, tuple[str, ...]] = {}
        self._actor_words = max(1, min(self.lex.max_actor_words, 4))
        self._gaz_words = max(1, min(self.gaz.max_words, 4))

    def word_hits(self, token: str) -> tuple[str, ...]:
        """Lexicon trigger types (and their part of speech), word sections, attached pronoun."""
        got = self._words.get(token)
        if got is not None:
            return got
        norm = normalize_text(token)
        rest = normalize_text(strip_for_span(token)[1])
        stem = split_proclitics(norm)[1]
        out: list[str] = []
        for form in sorted({f for c in (norm, rest) for f in self.lex.triggers.get(c, ())},
                           key=lambda f: (f.type, f.pos)):
            out += [f"lex:{form.type}", f"lexpos:{form.pos}"]
        for section in _SECTIONS:
            if any(self.lex.has(section, w) for w in (norm, rest, stem)):
                out.append(f"sec:{section}")
        for p in _PRONOUNS:
            if len(stem) > len(p) + 2 and stem.endswith(p):
                out.append(f"pron:{p}")
                break
        got = self._words[token] = tuple(dict.fromkeys(out))
        return got

    def hits(self, tokens: Sequence[str]) -> list[list[str]]:
        out = [list(self.word_hits(t)) for t in tokens]
        lists = (
            (list_hits(tokens, lambda name: self.gaz.lookup_key(key(name)) is not None,
                       max_words=self._gaz_words, label="gaz")),
            (list_hits(tokens, lambda name: tuple(name.split()) in self.lex.actors,
                       max_words=self._actor_words, label="actor")),
        )
        for listed in lists:
            for i, h in enumerate(listed):
                out[i] += h
        if self.entities is not None:
            for i, tag in enumerate(self.entities.tag(tokens)):
                if tag != "O":
                    out[i].append(f"ent:{tag}")
        return out


class _Sentence:
    def __init__(self, tokens: Sequence[Token], res: Resources):
        self.tokens = list(tokens)
        self.texts = [t.text for t in tokens]
        self.word = [t.is_word for t in tokens]
        self.norms = [normalize_text(t) for t in self.texts]
        self.stems = [split_proclitics(n)[1] for n in self.norms]
        self.pros = [n[: len(n) - len(st)] for n, st in zip(self.norms, self.stems, strict=True)]
        self.hits = res.hits(self.texts)
        self.lex = [any(h.startswith("lex:") for h in hs) for hs in self.hits]
        self._base: list[list[str]] | None = None

    def __len__(self) -> int:
        return len(self.tokens)

    def base(self) -> list[list[str]]:
        """The token features shared by both models (the entity recogniser's, extended)."""
        if self._base is None:
            feats = sentence_features(self.texts, self.hits)
            for i, f in enumerate(feats):
                stem = self.stems[i]
                if 3 < len(stem) <= 12:
                    f += [f"c3={stem[k:k + 3]}" for k in range(len(stem) - 2)]
                for d in (-1, 1):
                    j = i + d
                    if 0 <= j < len(self):
                        f += [f"{d}hit={h}" for h in self.hits[j] if h.startswith(("lex:", "sec:"))]
            self._base = feats
        return self._base


class _Doc:
    """An article as sentences of core tokens (offsets into the text)."""

    def __init__(self, text: str, res: Resources):
        self.text = text
        toks = tokenize(text)
        self.sentences: list[_Sentence] = []
        j = 0
        for a, b in sentences(text):
            while j < len(toks) and toks[j].end <= a:
                j += 1
            k = j
            while k < len(toks) and toks[k].start < b:
                k += 1
            if k > j:
                self.sentences.append(_Sentence(toks[j:k], res))
            j = k

    def locate(self, start: int, end: int) -> tuple[int, int, int] | None:
        """(sentence, first token, end token) of the tokens a span overlaps, or None."""
        for s, sent in enumerate(self.sentences):
            if sent.tokens[0].start >= end:
                return None
            if sent.tokens[-1].end <= start:
                continue
            idx = [i for i, t in enumerate(sent.tokens) if t.start < end and start < t.end]
            if idx:
                return s, idx[0], idx[-1] + 1
        return None


def _bucket(d: int) -> str:
    a = abs(d)
    if a <= 3:
        return str(d)
    sign = "+" if d > 0 else "-"
    for hi in (6, 10, 15, 25):
        if a <= hi:
            return f"{sign}{hi}"
    return f"{sign}far"


def argument_features(sent: _Sentence, t: int, etype: str, lo: int, hi: int) -> list[list[str]]:
    """Features of tokens ``lo..hi`` of ``sent`` relative to the trigger at token ``t``."""
    base = sent.base()
    tw = sent.stems[t]
    out = []
    for i in range(lo, hi):
        d = i - t
        f = list(base[i])
        if d == 0:
            f += ["TRIGGER", f"T={etype}"]
            out.append(f)
            continue
        side = "R" if d > 0 else "L"
        b = _bucket(d)
        a, z = (t + 1, i) if d > 0 else (i + 1, t)
        between_words = sum(sent.word[a:z])
        prev = next((sent.norms[k] for k in range(i - 1, -1, -1) if sent.word[k]), "^")
        pro = sent.pros[i]
        f += [
            f"rd={b}", f"side={side}", f"T|side={etype}|{side}", f"T|rd={etype}|{b}",
            f"T|prev={etype}|{side}|{prev}", f"prev={prev}", f"T|stem={etype}|{sent.stems[i]}",
            f"tw|side={tw}|{side}", f"nb={min(between_words, 6)}",
        ]
        if pro:
            f.append(f"T|pro={etype}|{pro}")
        if any(sent.texts[k] in ("،", ",", ":", "؛", ";") for k in range(a, z)):
            f.append("comma_between")
        if any(sent.lex[a:z]):
            f.append("trigger_between")
        f += [f"T|{h}={etype}" for h in sent.hits[i] if h.startswith(("gaz", "actor", "ent", "sec:"))]
        out.append(f)
    return out


# ---- the model -------------------------------------------------------------------------------
@dataclass
class LearnedModel:
    """Both CRFs as crfsuite model bytes, the roles each type allows, and what it was trained on."""

    triggers: bytes
    arguments: bytes | None
    roles: Mapping[str, Sequence[str]]
    version: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    entities: bytes | None = None

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            head = {"format": FORMAT, "features": FEATURES, "version": self.version,
                    "roles": {k: list(v) for k, v in self.roles.items()}, "meta": self.meta}
            z.writestr("model.json", json.dumps(head, ensure_ascii=False, sort_keys=True))
            z.writestr("triggers.crfsuite", self.triggers)
            if self.arguments is not None:
                z.writestr("arguments.crfsuite", self.arguments)
            if self.entities is not None:
                z.writestr("entities.crfsuite", self.entities)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> LearnedModel:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                head = json.loads(z.read("model.json"))
                names = set(z.namelist())
                if head.get("format") != FORMAT:
                    raise ModelError("not a learned-engine model")
                if head.get("features") != FEATURES:
                    raise ModelError(f"a model with features version {head.get('features')}; this program "
                                     f"uses {FEATURES}: train again")
                return cls(
                    z.read("triggers.crfsuite"),
                    z.read("arguments.crfsuite") if "arguments.crfsuite" in names else None,
                    head["roles"], int(head.get("version", 0)), head.get("meta", {}),
                    z.read("entities.crfsuite") if "entities.crfsuite" in names else None,
                )
        except (zipfile.BadZipFile, KeyError, json.JSONDecodeError) as exc:
            raise ModelError(f"not a learned-engine model ({exc})") from None


def _tagger(model: bytes) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    return tagger


# ---- training --------------------------------------------------------------------------------
Sequences = list[tuple[list[list[str]], list[str]]]


def trigger_sequences(docs: Sequence[tuple[_Doc, Example]]) -> Sequences:
    out: Sequences = []
    for doc, ex in docs:
        labels = [["O"] * len(s) for s in doc.sentences]
        gold_spans = {(m.trigger.start, m.trigger.end) for m in ex.gold}
        skip = set()
        for start, end in ex.unknown:
            if (start, end) in gold_spans:
                continue
            at = doc.locate(start, end)
            if at is not None:
                skip.add(at[0])
        for m in sorted(ex.gold, key=lambda m: (m.trigger.start, m.type)):
            at = doc.locate(m.trigger.start, m.trigger.end)
            if at is None:
                continue
            s, a, b = at
            if any(x != "O" for x in labels[s][a:b]):
                continue  # one label per token: a second type on the same trigger is not learned
            labels[s][a] = f"B-{m.type}"
            for k in range(a + 1, b):
                labels[s][k] = f"I-{m.type}"
        for s, sent in enumerate(doc.sentences):
            if s not in skip:
                out.append((sent.base(), labels[s]))
    return out


def argument_sequences(docs: Sequence[tuple[_Doc, Example]], limit: int | None = None) -> Sequences:
    out: Sequences = []
    total = sum(len(ex.gold) for _, ex in docs)
    cap = MAX_ARGUMENT_MENTIONS if limit is None else limit
    stride = max(1, -(-total // cap)) if cap else 1
    n = -1
    for doc, ex in docs:
        for m in ex.gold:
            n += 1
            if n % stride:
                continue
            at = doc.locate(m.trigger.start, m.trigger.end)
            if at is None:
                continue
            s, t, _ = at
            sent = doc.sentences[s]
            lo, hi = max(0, t - WINDOW), min(len(sent), t + WINDOW + 1)
            labels = ["O"] * (hi - lo)
            for arg in sorted(m.arguments, key=lambda a: (a.span.start, a.role)):
                where = doc.locate(arg.span.start, arg.span.end)
                if where is None or where[0] != s:
                    continue
                _, a, b = where
                if a <= t < b or a < lo or b > hi or any(x != "O" for x in labels[a - lo:b - lo]):
                    continue
                labels[a - lo] = f"B-{arg.role}"
                for k in range(a + 1, b):
                    labels[k - lo] = f"I-{arg.role}"
            out.append((argument_features(sent, t, m.type, lo, hi), labels))
    return out


def _fit(seqs: Sequences, params: Mapping[str, Any]) -> bytes | None:
    if not any(any(y != "O" for y in ys) for _, ys in seqs):
        return None
    params = {k: v for k, v in params.items() if v is not None}
    trainer = pycrfsuite.Trainer(algorithm=params.pop("algorithm", "lbfgs"), verbose=False)
    trainer.set_params(params)
    for xs, ys in seqs:
        trainer.append(xs, ys)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


_PREPARED: dict[str, tuple[Callable[[], Sequences], Mapping[str, Any]]] = {}


def _fit_prepared(kind: str) -> bytes | None:
    build, params = _PREPARED[kind]
    return _fit(build(), params)


def read_examples(examples: Iterable[Example], res: Resources) -> list[tuple[_Doc, Example]]:
    return [(_Doc(ex.article.text, res), ex) for ex in examples]


def train(examples: Iterable[Example], roles: Mapping[str, Sequence[str]], *, jobs: int = 2,
          trigger_params: Mapping[str, Any] | None = None, argument_params: Mapping[str, Any] | None = None,
          entities: bytes | None = None, resources: Resources | None = None,
          meta: Mapping[str, Any] | None = None) -> LearnedModel:
    """Train both CRFs (in two processes when ``jobs`` > 1 and fork is available).

    ``roles``: the roles each event type allows (the project's schema). ``entities``: an
    entity recogniser model (extract/entities.py) whose tags become features; it is kept in
    the model so extraction sees the same features.
    """
    res = resources or Resources(entities=EntityTagger(entities) if entities else None)
    docs = read_examples(examples, res)
    if not any(ex.gold for _, ex in docs):
        raise ValueError("no gold mentions to learn from")
    tp = {**TRIGGER_PARAMS, **(trigger_params or {})}
    ap = {**ARGUMENT_PARAMS, **(argument_params or {})}
    if jobs > 1 and sys.platform.startswith("linux"):
        for s_doc, _ in docs:  # shared features, computed once before the fork
            for sent in s_doc.sentences:
                sent.base()
        _PREPARED["triggers"] = (lambda: trigger_sequences(docs), tp)
        _PREPARED["arguments"] = (lambda: argument_sequences(docs), ap)
        try:
            with mp.get_context("fork").Pool(2) as pool:
                trig, args = pool.map(_fit_prepared, ["triggers", "arguments"], chunksize=1)
        finally:
            _PREPARED.clear()
    else:
        trig = _fit(trigger_sequences(docs), tp)
        args = _fit(argument_sequences(docs), ap)
    if trig is None:
        raise ValueError("no gold trigger could be placed on a token")
    info = {"articles": len(docs), "mentions": sum(len(ex.gold) for _, ex in docs),
            "trigger_params": tp, "argument_params": ap, **(meta or {})}
    return LearnedModel(trig, args, {k: list(v) for k, v in roles.items()}, 0, info, entities)


# ---- the engine ------------------------------------------------------------------------------
class LearnedEngine:
    """Proposals from a trained :class:`LearnedModel` (``version`` is the model's version)."""

    name = NAME

    def __init__(self, model: LearnedModel | bytes, lexicons: Lexicons | None = None,
                 gazetteer: Gazetteer | None = None, resources: Resources | None = None):
        self.model = model if isinstance(model, LearnedModel) else LearnedModel.from_bytes(model)
        self.version = str(self.model.version)
        ents = EntityTagger(self.model.entities) if self.model.entities else None
        self.res = resources or Resources(lexicons, gazetteer, ents)
        self._triggers = _tagger(self.model.triggers)
        self._arguments = _tagger(self.model.arguments) if self.model.arguments else None
        self._arg_labels = set(self._arguments.labels()) if self._arguments else set()
        self.roles = {k: tuple(v) for k, v in self.model.roles.items()}

    @property
    def origin(self) -> str:
        return f"extractor:{self.name}@{self.version}"

    def extract(self, article: Article) -> list[Mention]:
        doc = _Doc(article.text, self.res)
        out: list[Mention] = []
        for sent in doc.sentences:
            tags = self._triggers.tag(sent.base())
            found = []
            for a, b, etype in entity_spans(tags):
                if etype not in self.roles or not sent.word[a]:
                    continue
                conf = self._triggers.marginal(f"B-{etype}", a) if tags[a].startswith("B-") else \
                    self._triggers.marginal(f"I-{etype}", a)
                found.append((a, b, etype, conf))
            for a, b, etype, conf in found:
                trigger = self._span(article.text, sent, a, b)
                if trigger is None:
                    continue
                args = self._arguments_of(article, sent, a, etype, trigger)
                out.append(Mention(
                    type=etype, trigger=trigger, arguments=tuple(args), attributes=dict(DEFAULT_ATTRIBUTES),
                    status="proposed", origin=self.origin, confidence=round(conf, 3),
                    rule=f"crf:B-{etype} p={conf:.2f} (model {self.version})",
                ))
        for i, m in enumerate(out):
            m.check(article.text, f"{self.origin} mention {i + 1}")
        return out

    @staticmethod
    def _span(text: str, sent: _Sentence, a: int, b: int) -> Span | None:
        while a < b and not sent.word[a]:
            a += 1
        while b > a and not sent.word[b - 1]:
            b -= 1
        if a >= b:
            return None
        first = sent.tokens[a]
        cut = strip_for_span(first.text)[0]
        start, end = first.start + cut, sent.tokens[b - 1].end
        if start >= end:
            return None
        return Span.of(text, start, end)

    def _arguments_of(self, article: Article, sent: _Sentence, t: int, etype: str,
                      trigger: Span) -> list[Argument]:
        if self._arguments is None:
            return []
        lo, hi = max(0, t - WINDOW), min(len(sent), t + WINDOW + 1)
        tagger = self._arguments
        tags = tagger.tag(argument_features(sent, t, etype, lo, hi))
        allowed = self.roles.get(etype, ())
        out: list[Argument] = []
        seen: set[tuple[str, int, int]] = set()
        for a, b, role in entity_spans(tags):
            labels = [tags[k] for k in range(a, b)]
            conf = sum(tagger.marginal(y, k) for k, y in zip(range(a, b), labels, strict=True)) / (b - a)
            rule = f"crf:{role}"
            if role not in allowed:
                best, best_p = None, 0.0
                for r in allowed:
                    if f"B-{r}" not in self._arg_labels:
                        continue
                    p = (tagger.marginal(f"B-{r}", a) + sum(
                        tagger.marginal(f"I-{r}", k) for k in range(a + 1, b) if f"I-{r}" in self._arg_labels
                    )) / (b - a)
                    if p > best_p:
                        best, best_p = r, p
                if best is None or best_p < MIN_ROLE_MARGINAL:
                    continue
                role, conf, rule = best, best_p, f"crf:{best} (for {role}, not a role of {etype})"
            span = self._span(article.text, sent, lo + a, lo + b)
            if span is None or (span.start < trigger.end and trigger.start < span.end):
                continue
            if (role, span.start, span.end) in seen:
                continue
            seen.add((role, span.start, span.end))
            out.append(Argument(role, span, self._value(role, span.text, article), round(conf, 3), rule))
        out.sort(key=lambda x: (x.span.start, x.role))
        return out

    def _value(self, role: str, text: str, article: Article) -> Mapping[str, Any] | None:
        if role == "Time":
            return parse_date(text, article.published)
        if role in COUNTED_ROLES:
            return parse_count(text)
        if role in PLACE_ROLES:
            words = text.split()
            for k in range(len(words)):  # محافظة ديالى -> ديالى: the name after its heads
                place = self.res.gaz.lookup(" ".join(words[k:]))
                if place is not None:
                    return place.value()
        return None


__all__ = ["Example", "LearnedEngine", "LearnedModel", "ModelError", "Resources", "train"]

"""Full-text search over a normalised shadow of each article, clitics handled at query time.

The FTS5 table is contentless: it holds only the index, never a second copy of the text,
which keeps the project file small. The index sees :func:`search_shadow` (diacritics,
tatweel and format characters dropped; hamza forms, ى, ة and digits folded). A query word
is normalised the same way, its proclitics (و ف ب ك ل ال) are stripped, and it is expanded
to every proclitic form, so «هُجُوم» finds «الهجوم» and «وبالهجوم», and «ادلب» finds «إدلب».
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tadqiq.core.arabic.clitics import search_stem
from tadqiq.core.arabic.normalize import normalize, normalize_text

# Proclitic forms a stem is expanded to (query side; the index holds the words as written):
# an optional و/ف, then the article (ال, لل, بال, كال) or one preposition (ب ك ل).
_PREFIX = r"(?:[وف]?(?:[بك]?ال|لل|[بكل])?)"
_PROCLITICS = ("", "ال", "ب", "ك", "ل", "بال", "كال", "لل")
_EXPANSIONS = tuple(c + p for c in ("", "و", "ف") for p in _PROCLITICS)
_WORD = re.compile(r"[^\W_]+")


class SearchError(ValueError):
    """A query that cannot be run, with a message a person can act on."""


def search_shadow(text: str) -> str:
    """What the FTS index sees: the normalised text."""
    return normalize_text(text)


def word_forms(word: str) -> list[str]:
    """A normalised word with every proclitic form of it and of its stem, each also with the
    accusative alef of tanwin (هجوم → هجوما, as «هجوماً» reads once its diacritics are dropped)."""
    stem = search_stem(word)
    forms = dict.fromkeys([word] + [p + stem for p in _EXPANSIONS] + [p + word for p in _EXPANSIONS[1:]])
    return list(dict.fromkeys([*forms, *(f + "ا" for f in forms if not f.endswith(("ا", "ه", "ء")))]))


def _term(word: str, prefix: bool) -> str:
    star = "*" if prefix else ""
    return "(" + " OR ".join(f'"{form}"{star}' for form in word_forms(word)) + ")"


_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*")|(?P<op>\(|\)|\bAND\b|\bOR\b|\bNOT\b)|(?P<term>[^\s()"]+))')


@dataclass(frozen=True)
class Query:
    """A user query translated: the FTS5 expression and the phrases to verify afterwards."""

    fts: str
    phrases: tuple[tuple[str, ...], ...]  # each a sequence of stems that must be adjacent
    words: tuple[tuple[str, bool], ...]  # every (stem, is prefix query), to locate the first match


def parse_query(query: str) -> Query:
    """Words, "quoted phrases", AND / OR / NOT, parentheses and a trailing * for prefixes.

    A phrase is searched as all its words and then checked for adjacency in the text.
    """
    if query.count('"') % 2:
        raise SearchError(f'unbalanced quote in {query!r}: close the phrase with "')
    out: list[str] = []
    phrases: list[tuple[str, ...]] = []
    words: list[tuple[str, bool]] = []
    pos = 0
    query = query.strip()
    negated = False
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            raise SearchError(f"cannot read the query at character {pos + 1}: {query[pos:]!r}")
        pos = m.end()
        if m.group("op"):
            out.append(m.group("op"))
            negated = m.group("op") == "NOT"
            continue
        raw = m.group("phrase")[1:-1] if m.group("phrase") else m.group("term")
        prefix = raw.endswith("*") and not m.group("phrase")
        found = _WORD.findall(search_shadow(raw.rstrip("*")))
        if not found:
            continue
        stems = tuple(search_stem(w) or w for w in found)
        if not negated:
            words.extend((stem, prefix) for stem in stems)
            if len(found) > 1:
                phrases.append(stems)
        out.append("(" + " AND ".join(_term(w, prefix) for w in found) + ")")
        negated = False
    if not words:
        raise SearchError(f"nothing to search for in {query!r}")
    return Query(" ".join(out), tuple(phrases), tuple(words))


def to_fts_query(query: str) -> str:
    return parse_query(query).fts


def phrase_spans(norm_text: str, stems: tuple[str, ...], prefix: bool = False) -> list[tuple[int, int]]:
    """Shadow-text spans where the stems occur in order, adjacent, each with its proclitics."""
    body = r"\W+".join(_PREFIX + re.escape(s) + ("" if s.endswith(("ا", "ه", "ء")) else "ا?") for s in stems)
    pattern = re.compile(r"(?<!\w)" + body + ("" if prefix else r"(?!\w)"))
    return [m.span() for m in pattern.finditer(norm_text)]


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    ext_id: str
    title: str
    snippet: str
    #: Original-text span of the first match (for highlighting), or None.
    match: tuple[int, int] | None


def locate(text: str, parsed: Query) -> tuple[bool, tuple[int, int] | None]:
    """(every phrase occurs, original span of the first matching word or phrase)."""
    norm = normalize(text)
    for phrase in parsed.phrases:
        if not phrase_spans(norm.text, phrase):
            return False, None
    best = None
    for stems, prefix in [(p, False) for p in parsed.phrases] + [((w,), pre) for w, pre in parsed.words]:
        spans = phrase_spans(norm.text, stems, prefix)
        if spans and (best is None or spans[0][0] < best[0]):
            best = spans[0]
    return True, (norm.to_original(*best) if best else None)


def match_spans(text: str, parsed: Query) -> list[tuple[int, int]]:
    """Original-text spans of every match of the query's words and phrases (with their
    proclitics), overlaps merged, in text order: what the article view marks."""
    norm = normalize(text)
    found = []
    for stems, prefix in [(p, False) for p in parsed.phrases] + [((w,), pre) for w, pre in parsed.words]:
        found.extend(norm.to_original(*span) for span in phrase_spans(norm.text, stems, prefix))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif start < end:
            merged.append((start, end))
    return merged


def search_marks(text: str, query: str) -> list[tuple[int, int]]:
    """:func:`match_spans` for a query as typed (raises SearchError for one that cannot be read)."""
    return match_spans(text, parse_query(query))


@dataclass(frozen=True)
class ConcordanceLine:
    """One occurrence of a word with its context (key word in context), in str offsets."""

    article_id: int
    ext_id: str
    start: int
    end: int
    left: str
    match: str
    right: str


def kwic(text: str, span: tuple[int, int], width: int = 40) -> tuple[str, str, str]:
    """(left context, the match, right context) on one line, cut to ``width`` characters."""
    start, end = span
    flat = text.replace("\n", " ")
    return flat[max(0, start - width):start], flat[start:end], flat[end:end + width]


def snippet(text: str, match: tuple[int, int] | None, width: int = 60) -> str:
    if match is None:
        return text[: 2 * width].replace("\n", " ")
    start = max(0, match[0] - width)
    end = min(len(text), match[1] + width)
    body = text[start:match[0]] + "[" + text[match[0]:match[1]] + "]" + text[match[1]:end]
    return ("…" if start else "") + body.replace("\n", " ") + ("…" if end < len(text) else "")

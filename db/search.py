"""Full-text search over a normalised, lightly stemmed shadow of each article.

The FTS5 table is contentless: it holds only the index, never a second copy of the text,
which keeps the project file small. Index and queries go through the same
:func:`search_shadow`, so «هُجُوم» finds «الهجوم» and «ادلب» finds «إدلب».
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.arabic.normalize import normalize, normalize_text

# Proclitics stripped for search only (never for stored spans): an optional و/ف, then the
# article (ال, لل, بال, كال) or one preposition (ب ك ل). Stems keep at least 2 letters after
# the article and 3 after a one-letter proclitic, so short words are left alone.
_PREFIX = r"(?:[وف](?=[^\W\d_]{3}))?(?:(?:[بك]?ال|لل)(?=[^\W\d_]{2})|[بكل](?=[^\W\d_]{3}))?"
_STEM = re.compile(r"\b" + _PREFIX)
_WORD = re.compile(r"[^\W_]+")


class SearchError(ValueError):
    """A query that cannot be run, with a message a person can act on."""


def search_shadow(text: str) -> str:
    """Normalised text with search proclitics removed: what the FTS index sees."""
    return _STEM.sub("", normalize_text(text))


_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*")|(?P<op>\(|\)|\bAND\b|\bOR\b|\bNOT\b)|(?P<term>[^\s()"]+))')


def to_fts_query(query: str) -> str:
    """Translate a user query to FTS5 syntax, shadowing every term the way the index is.

    Words, "quoted phrases", AND / OR / NOT, parentheses and a trailing * for prefixes.
    """
    if query.count('"') % 2:
        raise SearchError(f'unbalanced quote in {query!r}: close the phrase with "')
    out: list[str] = []
    pos = 0
    query = query.strip()
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            raise SearchError(f"cannot read the query at character {pos + 1}: {query[pos:]!r}")
        pos = m.end()
        if m.group("op"):
            out.append(m.group("op"))
            continue
        raw = m.group("phrase")[1:-1] if m.group("phrase") else m.group("term")
        prefix = raw.endswith("*") and not m.group("phrase")
        words = _WORD.findall(search_shadow(raw.rstrip("*")))
        if not words:
            continue
        out.append('"' + " ".join(words) + '"' + ("*" if prefix else ""))
    if not any(part not in ("AND", "OR", "NOT", "(", ")") for part in out):
        raise SearchError(f"nothing to search for in {query!r}")
    return " ".join(out)


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    ext_id: str
    title: str
    snippet: str
    #: Original-text span of the first match (for highlighting), or None.
    match: tuple[int, int] | None


def first_match(text: str, fts_query: str) -> tuple[int, int] | None:
    """Where in the original text the first query word occurs (via the offset map)."""
    terms = re.findall(r'"([^"]*)"(\*?)', fts_query)
    if not terms:
        return None
    norm = normalize(text)
    best: tuple[int, int] | None = None
    for term, star in terms:
        words = term.split()
        if not words:
            continue
        pattern = r"\b" + _PREFIX + (r"\W+" + _PREFIX).join(re.escape(w) for w in words) + ("" if star else r"\b")
        m = re.search(pattern, norm.text)
        if m:
            span = norm.to_original(m.start(), m.end())
            if best is None or span[0] < best[0]:
                best = span
    return best


def snippet(text: str, match: tuple[int, int] | None, width: int = 60) -> str:
    if match is None:
        return text[: 2 * width].replace("\n", " ")
    start = max(0, match[0] - width)
    end = min(len(text), match[1] + width)
    body = text[start:match[0]] + "[" + text[match[0]:match[1]] + "]" + text[match[1]:end]
    return ("…" if start else "") + body.replace("\n", " ") + ("…" if end < len(text) else "")

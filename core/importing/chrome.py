"""Mark (never delete) what a news site wraps around an article.

* chrome: the short lines after the body, such as «أقسام», «أخبار متعلقة», «من سوريا»,
  «شارك», tags and copyright lines, and the related-news headlines among them (up to 15 words,
  not ending a sentence);
* teaser: a paragraph near the top that repeats the start of a later paragraph and is cut
  off with «...» — the site's summary, which the body says again in full.

The viewer dims these regions; their text stays in the article and keeps its offsets.
"""

from __future__ import annotations

import re

from tadqiq.core.arabic.normalize import normalize_text
from tadqiq.core.model import Region

CHROME_MARKERS = (
    "أقسام", "اخبار متعلقة", "أخبار متعلقة", "أخبار ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا",
    "شارك", "شارك الخبر", "مشاركة", "تابعونا", "الوسوم", "كلمات مفتاحية", "جميع الحقوق محفوظة",
    "المصدر", "تعليقات", "related", "share", "tags", "read more", "all rights reserved",
)
_MARKERS = {normalize_text(m) for m in CHROME_MARKERS}
_MAX_CHROME_WORDS = 6
_MAX_HEADLINE_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?؟…:]\s*$")


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_marker(line: str) -> bool:
    norm = normalize_text(line).strip(" :.-|©")
    return norm in _MARKERS or norm.startswith("©") or "جميع الحقوق محفوظه" in norm


def _short(line: str) -> bool:
    """A line of the trailing chrome block: a few words, or a headline (up to
    ``_MAX_HEADLINE_WORDS`` words not ending a sentence: the «أخبار متعلقة» links)."""
    words = len(line.split())
    return words <= _MAX_CHROME_WORDS or (words <= _MAX_HEADLINE_WORDS and not _SENTENCE_END.search(line))


def chrome_regions(text: str, lines: list[tuple[int, int]] | None = None) -> list[Region]:
    """Trailing block of short lines containing at least one known chrome marker."""
    lines = [(s, e) for s, e in (lines or _lines(text)) if text[s:e].strip()]
    block: list[tuple[int, int]] = []
    for s, e in reversed(lines):
        if not _short(text[s:e]):
            break
        block.append((s, e))
    if len(block) == len(lines):  # a short text made only of short lines is not chrome
        block = block[: len(block) - 1]
    if not any(_is_marker(text[s:e]) for s, e in block):
        return []
    # keep from the first marker on (a short last body line before it stays body)
    block.reverse()
    first = next(i for i, (s, e) in enumerate(block) if _is_marker(text[s:e]))
    return [Region(s, e, "chrome") for s, e in block[first:]]


_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")


def teaser_regions(text: str, lines: list[tuple[int, int]] | None = None) -> list[Region]:
    """Lines ending in «...»/«…» whose text begins a later line (compared normalised)."""
    lines = lines or _lines(text)
    out = []
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if not line.rstrip().endswith(("...", "…")):  # cheap test first: most lines are not teasers
            continue
        m = _ELLIPSIS.search(line)
        if not m:
            continue
        head = normalize_text(line[: m.start()]).strip()
        if len(head.split()) < 5:
            continue
        for s2, e2 in lines[i + 1:]:
            if normalize_text(text[s2:e2]).strip().startswith(head):
                out.append(Region(s, e, "teaser"))
                break
    return out


def site_regions(text: str) -> tuple[Region, ...]:
    lines = _lines(text)
    return tuple(sorted(teaser_regions(text, lines) + chrome_regions(text, lines), key=lambda r: r.start))

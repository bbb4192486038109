"""Proclitics: what to drop from a span, and a light stem for search.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك), the future particle (س) and the
article (ال) to the next word. The rules here are a small heuristic, not a morphological
analyser: a letter is split off only when at least ``min_stem`` letters remain and the word
at that point is not a known word that merely starts with that letter (وزير, بلدة, لبنان,
فرنسا, كتيبة, سيطرة ...; see ``KNOWN_WORDS``). Spans (``split_proclitics``, ``strip_for_span``,
``snap_span``) also know the first words of the place names, read from the resource file
``resources/lexicons/span-words-ar.txt`` (``span_words``): باميان keeps its ب. Search stems do
not use that file, so the search index does not change when the gazetteer does. Nothing here is
filled in by another package: the result is the same whatever else was imported. Everything is
decided on the normalised
shadow of the word (diacritics and tatweel ignored), and lengths are given back in original
characters, so the diacritics of a proclitic go with the proclitic. See docs/arabic-text.md.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import lru_cache

from ..resources import resource_path
from .normalize import normalize, normalize_text
from .tokenize import tokenize

CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
FUTURE = "س"
ARTICLE = "ال"

# Common news words (normalised: ة→ه, أ/إ/آ→ا, ى→ي) that start with و ف ب ل ك س without a
# proclitic. A word also counts as known when it is one of these plus a suffix below.
KNOWN_WORDS: frozenset[str] = frozenset(
    """
    وزير وزراء وزاره وزارات ولايه ولايات وكاله وكالات وكيل وكلاء وفد وفود وقت وقف وقود
    وسط وسائل وسيله وسيط وساطه وطن وطني وحده وحدات واشنطن وادي وديان وفاه وفيات وقوع
    واقع ورقه وثيقه وثائق وصول والد ولاده ولاء ورود وجود وجه وجهه وجهات وعود وضع وظيفه
    وزن ورشه وليد وائل وسام واجب وحشي وصف واسع واضح واحد وافق وراء ورق وحيد وهران
    وصل وقع وجد وعد ولد ورد وثق وفر
    فرنسا فرنسي فرنسيين فلسطين فلسطيني فلسطينيين فلول فصيل فصائل فريق فرقه فرق فرع
    فروع فتره فيلق فوق فقط فيه فيها فيما فيلم فتح فجر فئه فئات فندق فرصه فرص فكره فعل
    فعاليات فاعل فساد فشل فوز فور فوري فيروس فيسبوك فنزويلا فنلندا فيينا فيصل فهد فراس
    فرار فقر فقير فلاح فائده فارس فارق فرد فراغ فضل فضاء فضائي فضائيه فحص فني فنان فوضي
    فيضان فيضانات فتوي فرض فرات فقد
    بلده بلدات بلد بلاد باديه بقيع بعد بين بينما بيان بيانات بيروت بغداد بنك بحر بحريه
    برلمان بيت بيوت بريطانيا بريطاني باكستان بشار بوتين بايدن بوش بقاء بحث برنامج
    بطل بدايه بديل بدء بريد برج بنايه بناء بئر باب باص بطاقه بعض بعيد بعثه بلديه بقيه
    بندقيه بنادق براميل برميل بوابه بنغازي بنزين بورصه بكين بلجيكا برلين بولندا بروكسل
    باريس بيشمركه بوست بلغ بقي بدا بني باع
    لبنان لبناني لبنانيه ليبيا ليبي لجنه لجان لواء لقاء لقاءات لحظه لندن لاجئ لاجئين
    لاجئون لغه لعبه لاعب لاعبين ليل ليله لون لقب لائحه لوائح لهجه لتر لاهاي لافت لقي لجا
    لحق
    كتيبه كتائب كبير كبار كان كانت كانوا كلم كيلو كيلومتر كيلومترات كردي كرد كرديه
    كركوك كليه كلمه كمين كميه كميات كهرباء كورونا كوريا كندا كوبا كينيا كابل كشمير
    كاتب كتاب كتب كنيسه كنائس كرسي كامل كثير كثيره كيف كيماوي كيميائي كتله كرامه كفر
    كوباني كشف
    سوريا سوريه سوري سوريين سيطره سيطر سياره سيارات سياسه سياسي سياسيه سنوات سنه سيناء
    سيد سيده سيف سيول سياق سياحه سياحي سيره سيناريو سينما سيوله ستين ستون سنغافوره
    سيدني سقط سمح سحب سجل سلم ستوكهولم
    بركان بريه بساتين بستان فادح فادحه فرحان كثيف كثيفه كهف كهوف وقوف واتساب وجهاء وجيه
    ورائ لقوا ليس ليست لفت وفق وفقا لكن كل لماذا لاسيما والي
    كربلاء بعقوبه بيجي سنجار بانياس بعلبك بصري بزاعه بنش كسب بصره بلودان
    """.split()
)
#: Word beginnings that are never a proclitic (كفرنبل, كفرسجنة: villages named كفر ...).
KNOWN_PREFIXES: tuple[str, ...] = ("كفر",)

#: Bump when KNOWN_WORDS, ARTICLE_LIKE or the rules change: a search index built with
#: another version must be rebuilt, since search_stem gives other stems.
SEARCH_STEM_VERSION = 1

#: Words whose first letter is never a proclitic in a span, one per line (normalised when
#: read): the first words of the gazetteer's place names that start with و ف ب ل ك س. The file
#: is generated from the gazetteer tables (``python -m extract.gazetteer --span-words``).
SPAN_WORDS = "span-words-ar.txt"


@lru_cache(maxsize=1)
def span_words() -> frozenset[str]:
    """The words of ``resources/lexicons/span-words-ar.txt``, normalised; for spans only."""
    text = resource_path("lexicons", SPAN_WORDS).read_text(encoding="utf-8")
    words = (normalize_text(line.split("#", 1)[0].strip()) for line in text.splitlines())
    return frozenset(w for w in words if w)


# Words that start with ال without an article (normalised, so أ/إ/آ words appear here too:
# the normalised search index no longer sees the hamza).
ARTICLE_LIKE: frozenset[str] = frozenset(
    """
    الله الذي التي الذين اللذين اللتين اللاتي اللواتي الان الاف الفا الف الغاء الغام التقي
    التقاء التزام التحاق الحاق المانيا البانيا الويه الكتروني الكترونيه الي الا الم
    """.split()
)

_SUFFIXES = tuple(
    sorted(
        "ه ها هم هما هن ك كم كما كن ي نا ت تا تان تين تم ا ان ين ون وا ات يه يين يون".split(),
        key=len,
        reverse=True,
    )
)


def is_known_word(shadow: str, known: AbstractSet[str] = KNOWN_WORDS) -> bool:
    """True when a normalised word is a known word, possibly with one suffix (وزيرها, سيطرته)."""
    if shadow in known or (known is KNOWN_WORDS and shadow.startswith(KNOWN_PREFIXES)):
        return True
    for suffix in _SUFFIXES:
        if len(shadow) > len(suffix) + 1 and shadow.endswith(suffix):
            base = shadow[: -len(suffix)]
            if base in known or base + "ه" in known:
                return True
            if base.endswith("ت") and base[:-1] + "ه" in known:  # سيطرت+ه <- سيطره
                return True
    return False


# Kinds of proclitic; each takes one shadow letter except the article (two).
CONJ, PREP, FUT, ART, MERGED_ART = "conj", "prep", "future", "article", "merged-article"


def _proclitics(
    shadow: str,
    original: str,
    *,
    min_stem: int,
    future: bool,
    min_article_stem: int | None = None,
    spans: bool = True,
) -> list[tuple[str, int]]:
    """The proclitics of a normalised word as (kind, shadow letters), in order.

    ``original`` gives the original letter for each shadow letter (to tell سأ from سا).
    The article merged after ل (لل = ل + ال, alef dropped) is (MERGED_ART, 1). At least
    ``min_stem`` letters stay after a one-letter proclitic, ``min_article_stem`` (default
    ``min_stem``) after the article. ``spans`` also consults :func:`span_words` (not for
    search stems).
    """
    if min_article_stem is None:
        min_article_stem = min_stem
    parts: list[tuple[str, int]] = []
    pos = 0

    more = span_words() if spans else frozenset()

    def known(word: str) -> bool:
        return is_known_word(word) or (bool(more) and is_known_word(word, more))

    def can_strip(n: int) -> bool:
        return len(shadow) - pos - n >= min_stem and not known(shadow[pos:])

    if shadow[pos:pos + 1] in ("و", "ف") and can_strip(1):
        parts.append((CONJ, 1))
        pos += 1
    head, nxt = shadow[pos:pos + 1], shadow[pos + 1:pos + 2]
    if head == "ل" and nxt == "ل" and not known(shadow[pos + 1:]):
        if len(shadow) - pos - 2 >= min_article_stem and can_strip(1):  # للنظام: ل + (ا)ل + نظام
            parts += [(PREP, 1), (MERGED_ART, 1)]
        return parts
    if head in ("ب", "ل", "ك") and can_strip(1):
        parts.append((PREP, 1))
        pos += 1
    elif (
        future
        and head == FUTURE
        and (nxt in ("ي", "ت", "ن") or original[pos + 1:pos + 2] == "أ")
        and len(shadow) - pos - 1 >= max(min_stem, 4)  # prefix + a root of three letters
        and can_strip(1)
    ):
        parts.append((FUT, 1))
        return parts
    if (
        shadow.startswith(ARTICLE, pos)
        and original[pos:pos + 1] == "ا"  # أ إ آ are no article (ألغام, إلغاء, آلاف)
        and len(shadow) - pos - 2 >= min_article_stem
        and not is_known_word(shadow[pos:], ARTICLE_LIKE)
    ):
        parts.append((ART, 2))
    return parts


def _analyse(word: str, *, min_stem: int, future: bool) -> tuple[list[int], list[tuple[str, int]]]:
    """(original offset after each proclitic, proclitics) of ``word``."""
    norm = normalize(word)
    shadow = norm.text
    if not shadow:
        return [], []
    original = "".join(word[s] for s in norm.starts)
    parts = _proclitics(shadow, original, min_stem=min_stem, future=future)
    cuts: list[int] = []
    n = 0
    for _, length in parts:
        n += length
        cuts.append(norm.starts[n])
    return cuts, parts


@lru_cache(maxsize=131072)  # a pure function of the word, called per token and per n-gram
def split_proclitics(word: str, min_stem: int = 3) -> tuple[int, str]:
    """Split all proclitics off ``word``: conjunction, preposition or future س, article.

    Returns ``(prefix_len, stem)`` with ``word[:prefix_len]`` the proclitics (their diacritics
    included) and ``stem == word[prefix_len:]``: وبالهجوم -> (4, 'هجوم'), سيقتل -> (1, 'يقتل'),
    للنظام -> (2, 'نظام'), وزير -> (0, 'وزير').
    """
    cuts, _ = _analyse(word, min_stem=min_stem, future=True)
    n = cuts[-1] if cuts else 0
    return n, word[n:]


@lru_cache(maxsize=131072)
def strip_for_span(word: str, min_stem: int = 3) -> tuple[int, str]:
    """What a trigger/argument span drops from ``word``: attached و ف ب ل ك, never the article.

    بالهجوم -> (1, 'الهجوم'), ويقتل -> (1, 'يقتل'), لأسر -> (1, 'أسر'), الهجوم -> (0, ...).
    A word whose article merged into ل (للنظام) keeps its ل: without it the span would start
    with the article's lam alone, which is no word; only a conjunction before it is dropped
    (وللنظام -> للنظام). The future س is part of the verb and stays (سيقتل).
    """
    cuts, parts = _analyse(word, min_stem=min_stem, future=False)
    n = 0
    for (kind, _), cut in zip(parts, cuts, strict=True):
        if kind == ART or (kind == PREP and (MERGED_ART, 1) in parts):
            break
        n = cut
    return n, word[n:]


def snap_span(text: str, start: int, end: int, min_stem: int = 3) -> tuple[int, int] | None:
    """Snap a reviewer's selection to a span that follows the guidelines.

    The selection grows to the whole tokens it touches, punctuation at either edge is left
    out, then the first word loses its attached conjunction/preposition (not the article).
    Returns None when the selection touches no word (empty, whitespace or punctuation only).
    Raises IndexError when the selection is outside ``text`` or reversed.
    """
    if not 0 <= start <= end <= len(text):
        raise IndexError(f"selection {start}..{end} outside 0..{len(text)}")
    if start == end:
        return None
    lo = max(0, start - 64)
    while lo > 0 and not text[lo - 1].isspace():  # start the local tokenisation at a boundary
        lo -= 1
    hi = min(len(text), end + 64)
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    touched = [t for t in tokenize(text[lo:hi]) if t.start + lo < end and t.end + lo > start]
    touched_words = [t for t in touched if t.is_word]
    if not touched_words:
        return None
    first, last = touched_words[0], touched_words[-1]
    cut, _ = strip_for_span(first.text, min_stem=min_stem)
    return first.start + lo + cut, last.end + lo


@lru_cache(maxsize=1 << 17)
def search_stem(token: str) -> str:
    """Light stem of a NORMALISED token for the search index and for query terms.

    Strips و/ف, then ب/ك/ل, then the article ال (or the merged لل), keeping at least three
    letters after a one-letter proclitic and two after the article (بها and له stay, الحي
    gives حي), and leaving known words alone: الهجوم, وبالهجوم, هجوم -> هجوم; للنظام -> نظام.
    The input must already be normalised (``normalize_text``). Apply it exactly once, the
    same way, to indexed tokens and to query terms.
    """
    parts = _proclitics(token, token, min_stem=3, min_article_stem=2, future=False, spans=False)
    return token[sum(length for _, length in parts):]

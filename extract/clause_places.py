"""Which places of a clause a trigger takes (the rule engine's place choice).

A clause's PLACE items are kept when they read as where its events happen (``located``: after a
locative preposition, a direction, a witness verb, a trigger ...), not as someone's place or a
part named before; a trigger takes the nearest ``NEAR_PLACES`` with no pause between, and every
place coordinated with one of those (``near_places``). A place fronted with (و)في and one right
before حيث set the place of later triggers (``fronted_places``, ``place_before_where``).
docs/extractor.md, "Places on real news", says what each rule fixed and on which text.
"""

from __future__ import annotations

from tadqiq.extract.analysis import Analysis, Item, Trig
from tadqiq.extract.lexicons import word_class

CAPTURE, ARREST = "Conflict.Capture", "Justice.Arrest-Jail"
#: Marks between a trigger and a place of its clause that part them, and how many of the
#: clause's places a trigger takes (the nearest).
CLAUSE_PUNCT = frozenset("،,.؛;:")
COORDINATED_PREPS = word_class("coordinated_prepositions")
RESULT_WORDS = word_class("result_words")
LOCATIVE_PREPS = word_class("locative_prepositions")
NON_LOCATIVE_WORDS = word_class("non_locative_words")
WITNESS_VERBS = word_class("witness_verbs")
PLACED_TITLES = word_class("placed_titles")
RESIDENCE_VERBS = word_class("residence_verbs")
RELATIVES = word_class("relative_pronouns")
EVENT_RELATIVE_VERBS = word_class("event_relative_verbs")
PERSON_PLACE_STOPS = LOCATIVE_PREPS | NON_LOCATIVE_WORDS | word_class("titled_place_stops")
NEAR_PLACES = 3
NEAR_TIMES = 1


def place_before_where(an: Analysis, a: int) -> Item | None:
    """The place right before a clause that opens with حيث ("where"), which says where the
    clause's events happen: «عاد الوزير إلى بغداد حيث التقى ...»، «وصل إلى بغداد، حيث
    التقى ...»."""
    toks = an.toks
    if a == 0 or toks[a].w != "حيث":
        return None
    end = a - 1 if not toks[a - 1].word and toks[a - 1].w in "،," else a
    if end == 0 or toks[end - 1].sent != toks[a].sent:
        return None
    lo, _ = an.clause_range(end - 1)
    for it in reversed(an.items(lo, end, {})):
        if it.kind == "PLACE" and it.b == end and not it.parts and it.sub != "fallback":
            return it
    return None

def fronted_places(an: Analysis) -> dict[int, Item]:
    """Per sentence, a place fronted with (و)في before the main clause, which sets where the
    sentence's events happen (وفي الموصل ، على بعد 400 كلم شمال بغداد ، قتل 12 شخصا):
    في at the sentence's start or وفي, then a named place, then a comma or a trigger (not a
    speech verb: وفي برلين أعلنت الوزارة ... is where it was said). It is the Place of the
    sentence's later triggers that have none of their own."""
    toks = an.toks
    out: dict[int, Item] = {}
    for k, t in enumerate(toks):
        if t.sent in out or k + 1 >= len(toks) or toks[k + 1].sent != t.sent:
            continue
        first = k == 0 or toks[k - 1].sent != t.sent
        if not (t.w == "وفي" or (t.w == "في" and first)):
            continue
        end = k + 1
        while end < len(toks) and toks[end].sent == t.sent:
            end += 1
        place = an.place_at(k + 1, end, 0, True)
        if place is None or place.sub == "fallback" or place.b >= end:
            continue
        nxt = toks[place.b]
        if nxt.w in "،," or an._is_trigger(place.b):
            out[t.sent] = place
    return out

def located(an: Analysis, items: list[Item], k: int, prep: str, live: list[Trig]) -> bool:
    """Whether the place item k of a clause reads as where its events happen: after a
    locative preposition (في، بـ، داخل، بالقرب من، على ...), opening with a direction
    (جنوب الصومال، وسط مقديشو), naming several places with a plural head (بلدتي ...),
    after a trigger with no preposition between (قصفت الطائرات مدن وبلدات ...، تفجير
    كركوك), after من when people are taken from it (an arrest, a capture), or coordinated with such a place (في صفد وحيفا). A place after another
    preposition (بين، من، عن، مع) or before the triggers without one is mostly a party,
    a source or a topic on real news (بين العراق وإيران; docs/extractor.md)."""
    it = items[k]
    toks = an.toks
    first = toks[it.a].w
    before = [toks[j].w for j in range(max(0, it.a - 2), it.a)]
    if someones_place(an, it):
        return False
    if (prep in LOCATIVE_PREPS or it.parts or "ب" in first[: it.off]
            or (before and before[-1] in LOCATIVE_PREPS)
            or (before[-1:] == ["من"] and before[:1] and before[0] in LOCATIVE_PREPS)
            or an.lex.has("place_relations", an.strip(first)[1])
            or (before and an.stem(before[-1]) in WITNESS_VERBS)):
        return True
    if first[:1] == "و" and it.off >= 1 and k:
        j = k - 1
        while j >= 0 and items[j].kind == "PUNCT":
            j -= 1
        if j >= 0 and items[j].kind == "PLACE":
            return located(
                an, items, j, items[j - 1].word if j and items[j - 1].kind == "PREP" else "", live)
    if before and before[-1] in NON_LOCATIVE_WORDS:
        return False  # اشتباكات بين العراق وإيران: the parties, not the place
    taken = any(t.type in (ARREST, CAPTURE) and t.tok < it.a for t in live)
    if prep == "من" and taken:
        return True  # اعتقلت قوات الأمن أربعة شبان من بلدة قباطية
    for j in range(k - 1, -1, -1):
        if items[j].kind == "PREP" and not (j == k - 1 and items[j].word == "ل"):
            break  # (اقتحام واسع لمخيم جنين: the lam of a genitive goes on)
        if items[j].kind == "TRIG" and any(t.tok == items[j].a for t in live):
            return True
    return False

def anaphoric_part(an: Analysis, it: Item) -> bool:
    """A part of a place named before, without its name: وسط المدينة، جنوب المدينة. On the
    dev units none of the seven the clause rule gave was a gold place (the annotators took
    the named place the sentence fronts, or none); a named one (وسط بغداد) is kept."""
    if it.b - it.a != 2 or it.parts or it.place is not None:
        return False
    head = an.toks[it.a + 1].w
    return (an.lex.has("place_relations", an.strip(an.toks[it.a].w[it.off:])[1])
            and head.startswith("ال") and an.lex.has("place_heads", head[2:]))

def someones_place(an: Analysis, it: Item) -> bool:
    """A place after في that says where a titled person or their body is, not where the
    event happens: قائد قوات الأمم المتحدة في جنوب لبنان، زعيم تنظيم القاعدة في العراق،
    مراسلها في القدس (up to five words back from في, none a trigger, verb or mark)."""
    toks = an.toks
    k = it.a - 1 if it.off == 0 else it.a
    ba = it.off and toks[it.a].w[it.off - 1] == "ب"
    if (ba and it.a > 0 and toks[it.a - 1].w in RESIDENCE_VERBS) or (
        k > 0 and an.stem(toks[k].w) == "في" and toks[k - 1].w in RESIDENCE_VERBS
    ):
        return True  # مهندسا يعمل في شركة نفطية، شرطي يعمل بمديرية المرور: where someone works
    if k < 0 or an.stem(toks[k].w) != "في":
        return False
    for j in range(k - 1, max(-1, k - 6), -1):
        t = toks[j]
        if not t.word or an._is_trigger(j) or an.is_verbish(t.w) or an.stem(t.w) in PERSON_PLACE_STOPS:
            return False
        if an.bare(t.w) in PLACED_TITLES or an.stem(t.w) in PLACED_TITLES:
            return True
    return False

def near_places(an: Analysis, places: list[Item], times: list[Item], tok: int,
                 most: int = 0) -> list[Item]:
    """The clause's places a trigger takes: the nearest ``NEAR_PLACES`` of those with no
    comma or full stop between them and the trigger (on real news a clause names many
    places and a mention has one or two; docs/extractor.md). A comma does not part a
    place that opens the sentence with في (وفي محافظة كركوك، اعتقلت ...), nor one after a
    comma and a coordinated preposition (من بلدة قباطية، ومن قرية برقين); commas around a
    time (قتل ستة مدنيين، اليوم السبت، بقصف ...) and before a result (في السوق، ما أدى
    إلى مقتل ...) part nothing."""
    toks = an.toks
    in_time = {k for it in times for k in range(it.a, it.b)}

    def excused(k: int) -> bool:
        nxt = k + 1
        if nxt >= len(toks):
            return False
        if toks[nxt].w in COORDINATED_PREPS or toks[nxt].w in RESULT_WORDS:
            return True
        j = nxt
        while j < len(toks) and j in in_time:
            j += 1
        if j > nxt and j < len(toks) and toks[j].w in "،,":
            return True  # ، اليوم السبت، : the time between commas
        return k > 0 and k - 1 in in_time and any(  # the closing comma of that time
            toks[i].w in "،," for i in range(max(0, k - 8), k) if i not in in_time)

    def parted(lo: int, hi: int) -> bool:
        for k in range(lo, hi):
            if toks[k].w not in CLAUSE_PUNCT:
                continue
            if toks[k].w in "،," and excused(k):
                continue
            return True
        return False

    def fronted(it: Item) -> bool:
        k = it.a - 1
        return (k >= 0 and toks[k].w in ("في", "وفي")
                and (k == 0 or not toks[k - 1].word or toks[k - 1].sent != toks[k].sent)
                and it.b < len(toks) and toks[it.b].w in "،,")

    def relative(lo: int, hi: int) -> bool:
        """A relative clause with a verb of its own between: لقاء مع المبعوث الذي قال إنه وصل
        إلى طهران (not one that tells the event: الهجوم الذي تعرض له مبنى ... في نيويورك)."""
        for k in range(lo, hi - 1):
            if toks[k].w not in RELATIVES:
                continue
            verb = toks[k + 1].w
            if an.stem(verb) in EVENT_RELATIVE_VERBS:
                continue
            if toks[k + 1].word and not verb.startswith("ال"):  # a verb, not a noun phrase
                return True
        return False

    near = []
    for it in places:
        lo, hi = (it.b, tok) if it.b <= tok else (tok + 1, it.a)
        if parted(lo, hi) and not (it.b <= tok and fronted(it) and not parted(it.b + 1, tok)):
            continue
        if it.a > tok and relative(lo, hi):
            continue
        near.append((hi - lo, it))
    near.sort(key=lambda x: x[0])
    taken = [it for _, it in near[:most or NEAR_PLACES]]
    if most:
        return taken
    return with_coordinated(an, taken, [it for _, it in near])

def with_coordinated(an: Analysis, taken: list[Item], near: list[Item]) -> list[Item]:
    """The nearest places and every place coordinated with one of them (صفد وحيفا
    والناصرة ونهاريا والجليل الغربي): a run joined by و alone is one list of the event's
    places (GUIDELINES.md: coordinated places are separate Place arguments), however long."""
    by_start = {it.a: it for it in near}
    out = list(taken)
    grew = True
    while grew:
        grew = False
        for it in list(out):
            nxt = by_start.get(it.b)
            if nxt is not None and nxt not in out and nxt.off >= 1 and an.toks[nxt.a].w[:1] == "و":
                out.append(nxt)
                grew = True
    return out

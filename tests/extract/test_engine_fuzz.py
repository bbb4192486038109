"""Every engine takes any text: random strings and real-shaped news sentences never raise, and
every span it proposes is a slice of the text it was given. The learned and combined engines
use a model trained here on an own-written development set (tests/data/extract/dev2)."""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tadqiq.core.formats.native import read_native
from tadqiq.core.model import Article
from tadqiq.core.schema import load_schema
from tadqiq.extract import engine_names, get_engine
from tadqiq.extract.combined import CombinedEngine
from tadqiq.extract.learned import Example, LearnedEngine, train

ENGINES = [*engine_names(), "learned", "combined"]
DEV2 = Path(__file__).resolve().parent.parent / "data" / "extract" / "dev2.gold.jsonl"


@lru_cache(maxsize=1)
def _model() -> bytes:
    schema = load_schema()
    examples = [Example(a, ms) for a, ms in read_native(DEV2, schema, origin="gold")]
    return train(examples, schema.role_table(), jobs=1).to_bytes()


@lru_cache(maxsize=None)
def engine(name: str):
    if name == "learned":
        return LearnedEngine(_model())
    if name == "combined":
        return CombinedEngine(_model())
    return get_engine(name)

# own sentences in the shapes agency news has (numbers, names, clitics, quotes, lists, Latin)
SENTENCES = [
    "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة سرمين في ريف إدلب.",
    "وقررت الحكومة صرف مبلغ ألف جنيه فورا لأسره كل شهر.",  # a trigger word inside a noun phrase
    "وأمر الوزير بصرف ألفي جنيه فورا لأسره كل ضحية من الضحايا.",
    "قرر المجلس دفع خمسة آلاف دولار فورا لأسره كل عام.",
    "أعلن اتحاد الصناعات في ألمانيا امس الاول أن المبيعات ارتفعت بنسبة 3.5 في المئة.",
    "(أ ف ب) - شن الجيش هجوما على مواقع المسلحين شمال البلاد، واعتقل 12 شخصا.",
    "وقال المتحدث باسم الشرطة لوكالة “رويترز” إن «الهجوم» لم يسفر عن إصابات.",
    "اجتمع الرئيس بنظيره الفرنسي في باريس لبحث الهجوم على الفساد والتهرب الضريبي.",
    "نفى الجيش انسحاب قواته من المدينة، مؤكدا أن الاشتباكات مستمرة منذ ١٥ يوما.",
    "أسر",
    "و",
    "هجوم هجوم هجوم، قتل قتل.",
    "ب ل ك ف و ال",
    "Reuters: 3 killed in an attack near Kabul on 2021-05-08.",
    "في في في من على إلى",
    "...",
    "",
]

WORDS = sorted({w for s in SENTENCES for w in s.split()}) + ["\n", "\n\n", "،", ".", "؟", "«", "»", "ـ", "\u200f"]


def _check(engine_name: str, text: str) -> None:
    for m in engine(engine_name).extract(Article("fuzz", text)):
        m.check(text)


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("text", SENTENCES)
def test_every_engine_takes_each_real_shaped_sentence(engine_name, text):
    _check(engine_name, text)


@pytest.mark.parametrize("engine_name", ENGINES)
def test_a_trigger_word_inside_a_noun_phrase_is_no_trigger(engine_name):
    """The crash of engines 1.5 and 1.6 (KeyError at pos[t.tok]) on real news: لأسره ("for his
    family") read inside «ألف جنيه فورا لأسره» left a trigger with no place in its clause."""
    text = SENTENCES[1]
    mentions = engine(engine_name).extract(Article("family", text))
    assert all(m.trigger.text != "أسر" for m in mentions)


@pytest.mark.parametrize("engine_name", ENGINES)
def test_every_engine_takes_articles_put_together_from_sentences(engine_name):
    rng = random.Random(20261202)
    for _ in range(200):
        parts = rng.choices(SENTENCES, k=rng.randint(1, 8))
        text = rng.choice(["\n", "\n\n", " "]).join(parts)
        _check(engine_name, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))
def test_every_engine_takes_random_word_salad(text):
    for name in ENGINES:
        _check(name, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_every_engine_takes_random_characters(text):
    for name in ENGINES:
        _check(name, text)

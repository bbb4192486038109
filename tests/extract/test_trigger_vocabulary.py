"""Rule engine 1.11's trigger vocabulary and its guards, as a table: sentence -> the (type,
trigger) pairs proposed. The words come from the errors on the real-text dev units
(docs/extractor.md, "Triggers on real news (engine 1.11)"); the sentences are our own."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Article
from tadqiq.extract.lexicons import read_triggers
from tadqiq.extract.rules import RuleEngine


@pytest.fixture(scope="module")
def engine():
    return RuleEngine()


ROWS = [
    # a ta marbuta is never the pronoun ه: أسرة is a family, not أسر + ه (his capture)
    ("قتل جندي وأصيب ثلاثة آخرون من أسرة واحدة.", {("Life.Die", "قتل"), ("Life.Injure", "أصيب")}),
    # أسرت is read as written only: وأسرته is «and his family»
    ("اختطف مسلحون رجلا وأسرته.", {("Conflict.Capture", "اختطف")}),
    ("أسرت قوات الأمن ثلاثة مسلحين.", {("Conflict.Capture", "أسرت")}),
    # an illness is no injury (not_next)
    ("تزيد مخاطر الإصابة بنوبة قلبية.", set()),
    ("أسفر الهجوم عن إصابة الجنود.", {("Conflict.Attack", "الهجوم"), ("Life.Injure", "إصابة")}),
    # بجروح after an injury is that injury, no second mention
    ("أصيب شرطيان بجروح في الانفجار.", {("Life.Injure", "أصيب"), ("Conflict.Attack", "الانفجار")}),
    # war and aggression are attacks; a warlord and a minister are not
    ("بدأت الحرب على البلدة أمس.", {("Conflict.Attack", "الحرب")}),
    ("قال زعيم الحرب السابق إنه سيغادر.", set()),
    ("ندد الوزير بالعدوان على المدينة.", {("Conflict.Attack", "العدوان")}),
    # visits, arrivals and transfers move people; the transport ministry does not
    ("زار الوزير بغداد أمس.", {("Movement.Transport", "زار")}),
    ("وصل الرئيس إلى الرياض.", {("Movement.Transport", "وصل")}),
    ("قال وزير النقل إن الطرق مغلقة.", set()),
    # القوات المهاجمة: the attacking forces, an adjective
    ("تقدمت القوات المهاجمة نحو المدينة.", set()),
    ("ماتت امرأة في الحريق.", {("Life.Die", "ماتت")}),
    ("عقد مؤتمر للمانحين في عمان.", {("Contact.Meet", "مؤتمر")}),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:28] for r in ROWS])
def test_triggers(engine, text, expected):
    found = engine.extract(Article("t", text, title=""))
    assert {(m.type, m.trigger.text) for m in found} == expected


def test_bare_and_not_next_options(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("[Life.Injure]\nإصابة not_next=نوبة,مرض\n[Conflict.Capture]\nأسرت bare\n", encoding="utf-8")
    forms = read_triggers(path)
    assert "اسرت" in forms and "اسرته" not in forms and "الاسرت" not in forms
    assert forms["اصابه"][0].not_next == frozenset({"نوبه", "مرض"})

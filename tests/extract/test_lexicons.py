"""Lexicon files: editable, normalised on load, with precise errors; the gazetteer."""

from __future__ import annotations

import shutil

import pytest

from tadqiq.core.model import Article
from tadqiq.core.resources import resource_path
from tadqiq.extract.gazetteer import key, load_gazetteer
from tadqiq.extract.lexicons import LexiconError, load_lexicons
from tadqiq.extract.rules import RuleEngine


@pytest.fixture
def lexdir(tmp_path):
    for name in ("triggers-ar.txt", "actors-ar.txt", "words-ar.txt"):
        shutil.copy(resource_path("lexicons", name), tmp_path / name)
    return tmp_path


def test_forms_are_normalised_and_inflected():
    lex = load_lexicons()
    assert lex.triggers["سيطرته"][0].type == "Conflict.TerritoryChange"  # ة + pronoun
    assert lex.triggers["الهجوم"][0].type == "Conflict.Attack"  # article
    assert lex.triggers["هجوما"][0].type == "Conflict.Attack"  # accusative
    assert lex.triggers["اسر"][0].type == "Conflict.Capture"  # hamza folded
    assert ("قسد",) in lex.actors and lex.actors[("داعش",)] == "تنظيم داعش"


def test_an_added_trigger_is_found(lexdir):
    text = "أعلنت الشرطة توقيف خمسة أشخاص وأفادت مصادر بحدوث تخريب في المدينة."
    before = RuleEngine().extract(Article("x", text))
    assert not any(m.trigger.text == "تخريب" for m in before)
    with (lexdir / "triggers-ar.txt").open("a", encoding="utf-8") as fh:
        fh.write("\n[Conflict.Attack]\nتخريب conf=0.4\n")
    found = RuleEngine(lexicons=load_lexicons(lexdir)).extract(Article("x", text))
    (m,) = [m for m in found if m.trigger.text == "تخريب"]
    assert m.type == "Conflict.Attack" and m.confidence <= 0.4


def test_unknown_option_names_file_and_line(lexdir):
    (lexdir / "triggers-ar.txt").write_text("[Conflict.Attack]\nهجوم\nقصف colour=red\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"triggers-ar.txt:3: unknown option 'colour=red'"):
        load_lexicons(lexdir)


def test_form_before_section(lexdir):
    (lexdir / "triggers-ar.txt").write_text("هجوم\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"triggers-ar.txt:1: a form before any \[Type\] section"):
        load_lexicons(lexdir)


@pytest.mark.parametrize(
    "name, english, country",
    [
        ("دير الزور", "Deir ez-Zor", "SY"),
        ("ديرالزور", "Deir ez-Zor", "SY"),
        ("منبج", "Manbij", "SY"),
        ("البوكمال", None, "SY"),
        ("الموصل", "Mosul", "IQ"),
        ("خان يونس", None, "PS"),
        ("تركيا", "Turkey", "TR"),
    ],
)
def test_gazetteer_ignores_spaces_and_article(name, english, country):
    place = load_gazetteer().lookup(name)
    assert place is not None and place.country == country
    if english:
        assert place.name_en == english
    value = place.value()
    assert value["kind"] == "place" and value["id"] and isinstance(value["lat"], float)


@pytest.mark.parametrize("word", ["المنطقة", "جديد", "الثورة", "بيان", "اليوم"])
def test_common_words_are_not_places(word):
    assert load_gazetteer().lookup(word) is None


def test_key():
    assert key("دير الزور") == key("دير  الزور") == "ديرزور"


def test_word_classes_come_from_the_resource_file():
    from tadqiq.extract import places, times
    from tadqiq.extract.lexicons import read_words, word_class

    words, _ = read_words(resource_path("lexicons", "engine-words-ar.txt"))
    assert "قاعده" in word_class("facility_heads")  # written قاعده, a normalised form
    assert places._FACILITIES is word_class("facility_heads")
    assert times._DAYPART == words["dayparts"]
    with pytest.raises(LexiconError, match=r"engine-words-ar.txt has no \[no_such_class\]"):
        word_class("no_such_class")


def test_no_arabic_word_sets_left_in_the_engine_code():
    """Open word classes live in resources/lexicons/; the code keeps only grammar (clitics,
    prepositions, pronoun suffixes) and the admin1 display heads (written forms, not sets)."""
    import ast
    import re
    from pathlib import Path

    import tadqiq.extract as pkg

    arabic = re.compile("[\u0600-\u06ff]")
    grammar = {"PREPOSITIONS", "PRONOUNS", "_PRONOUN_SUFFIXES", "_CLITICS", "DEFAULT_HEADS", "DISPLAY_HEAD"}
    found = []
    for path in sorted(Path(pkg.__file__).parent.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.Assign | ast.AnnAssign):
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            words = [
                c for c in ast.walk(node) if isinstance(c, ast.Constant) and isinstance(c.value, str) and arabic.search(c.value)
            ]
            if len(words) >= 3 and getattr(target, "id", "") not in grammar:
                found.append(f"{path.name}:{node.lineno} {getattr(target, 'id', '?')}")
    assert not found, found

"""extract/entities.py: BIO spans, CoNLL scoring, features, training and block cross-validation,
on sentences written here (the real-text figures come from bench/bench_entities.py on ANERcorp)."""

from __future__ import annotations

import pytest

from tadqiq.extract import entities

CONLL = """\
قصفت\tO
طائرات\tO
روسية\tB-MISC
بلدة\tO
سرمين\tB-LOC
في\tO
ريف\tO
إدلب\tB-LOC

وقال\tO
أحمد\tB-PERS
الخطيب\tI-PERS
إن\tO
الأمم\tB-ORG
المتحدة\tI-ORG
أدانت\tO
القصف\tO

والتقى\tO
وزير\tO
الخارجية\tO
محمد\tB-PERS
العلي\tI-PERS
وفدا\tO
من\tO
الأمم\tB-ORG
المتحدة\tI-ORG
في\tO
بغداد\tB-LOC
"""


def sentences(n: int = 6) -> list[entities.Sentence]:
    base = entities.read_conll(CONLL)
    return [s for _ in range(n) for s in base]


@pytest.mark.parametrize("tags, spans", [
    (["O", "B-LOC", "I-LOC", "O"], [(1, 3, "LOC")]),
    (["B-PERS", "B-PERS"], [(0, 1, "PERS"), (1, 2, "PERS")]),
    (["I-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),  # a stray I- starts an entity
    (["B-LOC", "I-ORG"], [(0, 1, "LOC"), (1, 2, "ORG")]),
    (["O", "O"], []),
    ([], []),
])
def test_entity_spans(tags, spans):
    assert entities.entity_spans(tags) == spans


def test_score_counts_exact_class_and_boundaries():
    gold = [["B-LOC", "I-LOC", "O", "B-PERS"]]
    predicted = [["B-LOC", "O", "O", "B-PERS"]]  # the place's boundary is wrong
    s = entities.score(gold, predicted)
    assert s.correct == {"PERS": 1}
    assert s.prf("PERS") == (1.0, 1.0, 1.0)
    assert s.prf("LOC") == (0.0, 0.0, 0.0)
    assert s.prf() == (0.5, 0.5, 0.5)


def test_read_conll_and_its_errors():
    sents = entities.read_conll(CONLL)
    assert [len(s) for s in sents] == [8, 8, 11]
    assert sents[1][1] == ("أحمد", "B-PERS")
    with pytest.raises(ValueError, match="line 2"):
        entities.read_conll("قصف\tO\nكلمة\n")


def test_features_see_through_proclitics_and_normalisation():
    feats = entities.sentence_features(["وبإدلب", "ادلب"])
    first, second = set(feats[0]), set(feats[1])
    assert "stem=ادلب" in first and "pro=وب" in first
    assert "w=ادلب" in second and "stem=ادلب" in second
    assert "-1:edge" in first and "1:edge" in second


def test_list_hits_marks_the_longest_listed_name():
    names = {"دير الزور", "دير"}
    hits = entities.list_hits(["في", "ودير", "الزور", "أمس"], lambda n: n in names, label="gaz")
    assert hits == [[], ["B-gaz"], ["I-gaz"], []]


def test_training_learns_the_tags_it_was_given():
    tagger = entities.train(sentences())
    try:
        for sent in entities.read_conll(CONLL):
            assert tagger.tag([t for t, _ in sent]) == [tag for _, tag in sent]
        # an unseen sentence of the same shape: the place after ريف and the organisation
        tags = tagger.tag(["قصفت", "طائرات", "روسية", "بلدة", "كفرنبل", "في", "ريف", "إدلب"])
        assert tags[7] == "B-LOC"
        assert tagger.tag([]) == []
    finally:
        tagger.close()


def test_cross_validation_holds_out_contiguous_blocks():
    sents = sentences(4)  # 12 sentences, the three shapes repeated
    total, folds = entities.cross_validate(sents, k=3)
    assert len(folds) == 3
    assert sum(total.gold.values()) == sum(len(entities.entity_spans([t for _, t in s])) for s in sents)
    assert total.prf()[2] > 0.9  # every shape is seen in the other blocks
    with pytest.raises(ValueError, match="k >= 2"):
        entities.cross_validate(sents[:1], k=2)


def test_training_without_sentences_is_an_error():
    with pytest.raises(ValueError, match="no training sentences"):
        entities.train([])


def test_features_cut_stuck_punctuation_and_mark_cues_and_nisba():
    from tadqiq.extract.entity_features import token_features

    feats = [set(f) for f in token_features(["(د", "وقال", "الرئيس", "اللبناني", "ميشال"])]
    assert "core=د" in feats[0] and "w=(د" in feats[0]
    assert "cue=speech" in feats[1] and "cue=title" in feats[2]
    assert "nisba" in feats[3] and "al" in feats[3]
    assert "-1cue=title" in feats[3] and "-2cue=title" in feats[4]  # the title two words back
    assert "3:edge" in feats[2] and "-3stem=قال" in feats[4]


def test_name_lists_say_what_training_saw_and_nothing_else():
    from tadqiq.extract.entity_features import NameLists

    lists = NameLists(entities.read_conll(CONLL))
    assert lists.stem_feature("وبإدلب") == "lex=LOC:all:rare"  # clitics off: إدلب, seen once
    assert lists.stem_feature("الأمم") == "lex=ORG:all:rare"
    assert lists.stem_feature("كفرنبل") == "lex=unseen"
    assert lists.hits(["في", "الأمم", "المتحدة", "أمس"]) == [[], ["B-name:ORG"], ["I-name:ORG"], []]
    again = NameLists.from_json(lists.to_json())
    assert again.hits(["بغداد"]) == [["B-name:LOC"]] and again.stem_feature("ريف") == lists.stem_feature("ريف")


def test_training_keeps_the_lists_and_tags_with_them():
    tagger = entities.train(sentences())
    try:
        assert tagger.lists is not None and tagger.lists.stem_feature("سرمين") == "lex=LOC:all:often"
    finally:
        tagger.close()
    bare = entities.train(sentences(), lists=False)
    try:
        assert bare.lists is None
    finally:
        bare.close()


def test_a_name_found_once_is_tagged_where_it_recurs():
    from tadqiq.extract.entity_repeats import propagate

    sents = [["قال", "سيغموند", "فرويد", "إن"], ["وكان", "فرويد", "طبيبا"], ["ثم", "قال", "الطبيب"]]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"], ["O", "O", "O"]]
    out = propagate(sents, tags)
    assert out[0] == tags[0]
    assert out[1] == ["O", "B-PERS", "O"]  # the surname of a two-word person
    assert out[2] == ["O", "O", "O"]
    # beyond the window, nothing spreads
    assert propagate(sents, tags, window=0)[1] == ["O", "O", "O"]


def test_a_common_word_of_training_does_not_spread():
    from tadqiq.extract.entity_features import NameLists
    from tadqiq.extract.entity_repeats import propagate

    lists = NameLists([[("الأمل", "O")], [("الأمل", "O")], [("الأمل", "O")], [("الأمل", "B-ORG")]])
    out = propagate([["حركة", "الأمل"], ["على", "الأمل"]], [["O", "B-ORG"], ["O", "O"]], lists)
    assert out[1] == ["O", "O"]
    assert propagate([["حركة", "الأمل"], ["على", "الأمل"]], [["O", "B-ORG"], ["O", "O"]])[1] == ["O", "B-ORG"]


def test_fold_assignment_blocks_and_random():
    blocks = entities.fold_assignment(10, 3)
    assert blocks == [0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
    dealt = entities.fold_assignment(10, 3, "random", seed=1)
    assert sorted(dealt.count(f) for f in range(3)) == [3, 3, 4]
    assert dealt != blocks and dealt == entities.fold_assignment(10, 3, "random", seed=1)
    with pytest.raises(ValueError, match="unknown split"):
        entities.fold_assignment(10, 3, "shuffle")


def test_random_split_cross_validation_scores_every_sentence_once():
    sents = sentences(4)
    total, folds = entities.cross_validate(sents, k=3, split="random")
    assert len(folds) == 3
    assert sum(total.gold.values()) == sum(len(entities.entity_spans([t for _, t in s])) for s in sents)


def test_article_context_reads_the_other_sentences_only():
    from tadqiq.extract.entity_context import article_context

    sents = [["قال", "الرئيس", "بوش"], ["وقال", "بوش"], ["بوش"], ["غدا"]]
    tags = [["O", "O", "B-PERS"], ["O", "B-PERS"], ["O"], ["O"]]
    ctx = article_context(sents, tags, window=1)
    assert ctx[0] == [["ctx=O"], [], ["ctx=PERS:all"]]  # قال recurs (وقال) outside names
    assert ctx[1][1] == ["ctx=PERS:some"]  # بوش a person in sentence 0, not in 2
    assert ctx[2] == [["ctx=PERS:all"]]  # sentence 0 is out of the window; its own O not counted
    assert ctx[3] == [[]]


def test_two_pass_cross_validation_runs_and_scores_every_sentence_once():
    sents = sentences(4)
    total, folds = entities.cross_validate(sents, k=3, two_pass=True)
    assert len(folds) == 3 and total.prf()[2] > 0.9
    assert sum(total.gold.values()) == sum(len(entities.entity_spans([t for _, t in s])) for s in sents)


def test_token_features_take_clusters_and_context():
    from tadqiq.extract.entity_features import token_features

    feats = token_features(["قال", "بوش"], clusters={"بوش": (3, 17)}, context=[[], ["ctx=PERS:all"]])
    assert "c0=3" in feats[1] and "c1=17" in feats[1] and "c=none" in feats[0]
    assert "ctx=PERS:all" in feats[1] and "1ctx=PERS:all" in feats[0]


def test_word_clusters_group_words_that_share_neighbours():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from word_clusters import build_clusters  # numpy: a test-time package here (pandas, scikit-learn)

    from tadqiq.extract.entity_features import view

    people, towns = ["زيد", "عمرو", "خالد", "سعيد"], ["حمص", "حماة", "درعا", "ادلب"]
    text = [["قال", p, "ان"] for p in people for _ in range(3)] + [["في", t, "امس"] for t in towns for _ in range(3)]
    found = build_clusters(text, sizes=(4,), min_count=2, dims=4, seed=0)
    clusters = {w: found[view(w)[3]] for w in people + towns}
    assert {clusters[p][0] for p in people} != {clusters[t][0] for t in towns}
    assert len({clusters[p][0] for p in people}) == 1 and len({clusters[t][0] for t in towns}) == 1

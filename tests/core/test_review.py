"""core.review: the review rules every front end applies, without Qt or a database."""

from __future__ import annotations

from tadqiq.core import review
from tadqiq.core.model import Argument, Mention, Span

TEXT = "شن مسلحون هجوما على حاجز للجيش في بلدة سرمين، وقتل جنديان وأسر ثالث."


def _span(word: str) -> Span:
    start = TEXT.index(word)
    return Span.of(TEXT, start, start + len(word))


def _attack(**kw) -> Mention:
    args = (Argument("Attacker", _span("مسلحون")), Argument("Target", _span("حاجز للجيش")),
            Argument("Place", _span("بلدة سرمين")))
    return Mention("Conflict.Attack", _span("هجوما"), args, origin="extractor:rules@1.6", **kw)


def test_accepting_confirms_a_proposal_and_keeps_a_gold_status():
    assert review.accepted(_attack(), "huda").status == "confirmed"
    assert review.accepted(_attack(), "huda").reviewer == "huda"
    for gold in ("corrected", "added", "confirmed"):
        assert review.accepted(_attack(status=gold), "huda").status == gold
    assert review.accepted(_attack(status="rejected"), "huda").status == "confirmed"
    assert review.rejected(_attack(status="confirmed"), "huda").status == "rejected"


def test_an_edit_makes_a_mention_corrected_but_an_added_one_stays_added():
    m = review.without_argument(_attack(), 0, "huda")
    assert m.status == "corrected" and [a.role for a in m.arguments] == ["Target", "Place"]
    added = review.added("Life.Die", TEXT, TEXT.index("قتل"), TEXT.index("قتل") + 3, "huda")
    assert added.status == "added" and added.origin == "reviewer:huda" and added.confidence == 1.0
    edited = review.with_argument(added, TEXT, "Victim", TEXT.index("جنديان"), TEXT.index("جنديان") + 6, None, "huda")
    assert edited.status == "added" and edited.arguments[0].span.text == "جنديان"


def test_a_respan_replaces_the_argument_in_place_and_drops_its_stale_value():
    m = review.with_value(_attack(), 2, {"kind": "place", "id": "x"}, "huda")
    start = TEXT.index("سرمين")
    respanned = review.with_argument(m, TEXT, "Place", start, start + 5, 2, "huda")
    assert [a.role for a in respanned.arguments] == ["Attacker", "Target", "Place"]
    assert respanned.arguments[2].span.text == "سرمين" and respanned.arguments[2].value is None
    appended = review.with_argument(m, TEXT, "Place", start, start + 5, None, "huda")
    assert len(appended.arguments) == 4


def test_a_type_change_keeps_shared_roles_maps_equivalents_and_drops_the_rest():
    after, mapped, dropped = review.with_type(_attack(), "Life.Die", ["Agent", "Victim", "Instrument", "Place", "Time"],
                                              "huda")
    assert after.type == "Life.Die" and after.status == "corrected"
    assert [(a.role, a.span.text) for a in after.arguments] == [("Agent", "مسلحون"), ("Place", "بلدة سرمين")]
    assert mapped == [("Attacker", "Agent")]
    assert [a.role for a in dropped] == ["Target"]


def test_attributes_cycle_through_their_values():
    values = ["asserted", "reported", "hypothetical"]
    m = _attack()
    seen = []
    for _ in range(4):
        m = review.with_next_attribute(m, "modality", values, "huda")
        seen.append(m.attributes["modality"])
    assert seen == ["reported", "hypothetical", "asserted", "reported"]
    assert review.next_attribute(values, "unknown") == "asserted"


def test_accept_remaining_confirms_only_open_proposals():
    ms = [_attack(id=1), _attack(id=2, status="rejected"), _attack(id=3, status="corrected")]
    pairs = review.accept_remaining(ms, "huda")
    assert [(b.id, a.status) for b, a in pairs] == [(1, "confirmed")]


def test_linking_shares_a_key_and_leaves_no_group_of_one():
    a, b, c = _attack(id=1), _attack(id=2), _attack(id=3)
    pairs = review.link([a, b, c], 7, a, b, "huda")
    key = "e7-1"
    assert {(before.id, after.link) for before, after in pairs} == {(1, key), (2, key)}
    a, b = (after for _, after in sorted(pairs, key=lambda p: p[0].id))
    # c joins b's group: nothing else moves
    assert [(x.id, y.link) for x, y in review.link([a, b, c], 7, c, b, "huda")] == [(3, key)]
    c = c.with_(link=key)
    # b moves to a new group with a fresh mention d: a and c stay together (two left)
    d = _attack(id=4, link="other")
    moved = review.link([a, b, c, d], 7, d, b, "huda")
    assert [(x.id, y.link) for x, y in moved] == [(2, "other")]
    # a group of two broken up by an unlink: the partner is unlinked too
    pairs, alone = review.unlink([a.with_(link="g"), d.with_(link="g")], a.with_(link="g"), "huda")
    assert [x.id for x in alone] == [4] and {y.link for _, y in pairs} == {None}


def test_rules_return_new_mentions_and_leave_the_given_ones_alone():
    m = _attack()
    review.with_type(m, "Life.Die", ["Agent"], "huda")
    review.rejected(m, "huda")
    assert m.status == "proposed" and m.type == "Conflict.Attack" and len(m.arguments) == 3


def test_a_respan_keeps_a_value_that_still_fits_and_reads_a_count_again():
    text = "أسقطت الدفاعات أربع مروحيات قرب المطار"
    heli = Span.of(text, text.index("مروحيات"), text.index("مروحيات") + len("مروحيات"))
    m = Mention("Conflict.Attack", Span.of(text, 0, 5), (Argument("Vehicle", heli, {"kind": "count", "value": 4}),),
                origin="extractor:rules@1.7")
    four = text.index("أربع")
    widened = review.with_argument(m, text, "Vehicle", four, heli.end, 0, "huda")
    assert widened.arguments[0].span.text == "أربع مروحيات" and widened.arguments[0].value == {"kind": "count", "value": 4}
    m3 = review.with_value(m, 0, {"kind": "count", "value": 3}, "huda")
    reread = review.with_argument(m3, text, "Vehicle", four, heli.end, 0, "huda")
    assert reread.arguments[0].value["value"] == 4  # the new text states four: read again
    place = Span.of(text, text.index("المطار"), len(text))
    mp = Mention("Conflict.Attack", Span.of(text, 0, 5), (Argument("Place", place, {"kind": "place", "id": "x"}),),
                 origin="extractor:rules@1.7")
    near = text.index("قرب")
    assert review.with_argument(mp, text, "Place", near, len(text), 0, "huda").arguments[0].value == {"kind": "place",
                                                                                                      "id": "x"}


def test_linking_and_unlinking_leave_each_status_as_it_was():
    a = review.accepted(_attack(id=1), "huda")
    b = _attack(id=2)
    pairs = review.link([a, b], 7, a, b, "huda")
    statuses = {after.id: after.status for _before, after in pairs}
    assert statuses == {1: "confirmed", 2: "proposed"} and all(after.link == "e7-1" for _b, after in pairs)
    linked = [after for _b, after in pairs]
    undone, alone = review.unlink(linked, linked[0], "huda")
    assert {after.id: (after.status, after.link) for _b, after in undone} == {1: ("confirmed", None),
                                                                              2: ("proposed", None)}


def test_a_role_change_keeps_a_value_of_the_kind_the_new_role_expects():
    from tadqiq.core.model import Argument, Span
    from tadqiq.core.review import relabelled_value

    text = "قتل أربعة مدنيين"
    victims = Argument("Victim", Span.of(text, 4, len(text)), value={"kind": "count", "value": 4})
    assert relabelled_value(victims, "Person") == {"kind": "count", "value": 4}
    assert relabelled_value(victims, "Agent") is None  # an actor role holds no count
    bare = Argument("Agent", Span.of(text, 4, len(text)))
    assert relabelled_value(bare, "Victim")["value"] == 4  # a counting role reads the count
    place = Argument("Place", Span.of(text, 4, len(text)), value={"kind": "place", "id": "x"})
    assert relabelled_value(place, "Destination") == {"kind": "place", "id": "x"}
    assert relabelled_value(place, "Time") is None

"""The project file: creation, pragmas, import, mentions with history, search, check."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tadqiq.core.importing.item import ImportItem
from tadqiq.core.model import Argument, Article, Mention, Span
from tadqiq.core.validate import MentionError
from tadqiq.db.connection import ProjectError
from tadqiq.db.migrations import latest_version
from tadqiq.db.project import Project, sha256_text
from tadqiq.db.search import SearchError


def house_mentions(house_gold: dict, status: str = "added", origin: str = "reviewer:amal") -> tuple[Mention, ...]:
    return tuple(
        Mention(
            type=e["type"], trigger=Span(**e["trigger"]),
            arguments=tuple(Argument(a["role"], Span(a["start"], a["end"], a["text"]), a.get("value"))
                            for a in e["arguments"]),
            attributes=e["attributes"], status=status, origin=origin,
        )
        for e in house_gold["events"]
    )


@pytest.fixture
def housed(fresh_project, house_gold):
    art = Article(house_gold["id"], house_gold["text"], house_gold["title"])
    fresh_project.import_items([ImportItem(art, house_mentions(house_gold))])
    return fresh_project


def test_new_project_has_schema_pragmas_and_version(tmp_path):
    with Project.open(tmp_path / "p.db") as p:
        assert p.schema.name == "conflict-ar"
        assert p.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert p.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert p.db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == latest_version() == 5
        stored = json.loads(p.db.execute("SELECT definition FROM event_schema").fetchone()[0])
        assert stored["name"] == "conflict-ar" and len(stored["types"]) == 10
    # reopening does not migrate again and needs no schema file
    with Project.open(tmp_path / "p.db", create=False) as p:
        assert p.migrated == [] and p.backup_path is None


def test_open_missing_without_create(tmp_path):
    with pytest.raises(ProjectError, match="no such project file"):
        Project.open(tmp_path / "nope.db", create=False)


@pytest.mark.parametrize("content, message", [
    (b"this is a text file, not a database" * 10, "not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 200, "cannot open|not a Tadqiq project|malformed"),
])
def test_corrupt_file_is_refused_and_left_alone(tmp_path, content, message):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message):
        Project.open(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="not a Tadqiq project"):
        Project.open(path)


def test_newer_file_version_is_refused(tmp_path):
    Project.open(tmp_path / "p.db").close()
    conn = sqlite3.connect(tmp_path / "p.db")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="newer Tadqiq"):
        Project.open(tmp_path / "p.db")


def test_import_of_the_house_article_keeps_every_offset(housed, house_gold):
    art = housed.article(house_gold["id"])
    assert art.text == house_gold["text"] and art.sha256 == sha256_text(house_gold["text"])
    stored = housed.mentions(art.id)
    assert len(stored) == 32
    expected = sorted(house_gold["events"], key=lambda e: e["trigger"]["start"])
    for m, e in zip(stored, expected, strict=True):
        assert (m.type, m.trigger.to_json()) == (e["type"], e["trigger"])
        assert [a.to_json() for a in m.arguments] == [
            {k: v for k, v in a.items()} for a in e["arguments"]
        ]
        assert dict(m.attributes) == e["attributes"]


def test_reimport_is_idempotent(housed, house_gold):
    art = Article(house_gold["id"], house_gold["text"], house_gold["title"])
    result = housed.import_items([ImportItem(art, house_mentions(house_gold))])
    assert (result.articles_added, result.duplicates, result.mentions_added, result.mentions_skipped) == (0, 1, 0, 32)


def test_import_is_all_or_nothing(housed, house_gold):
    before = list(housed.db.conn.iterdump())
    good = ImportItem(Article("new-1", "نص جديد عن هجوم في حلب", "عنوان"))
    bad_mention = Mention("Conflict.Attack", Span(0, 3, "xyz"))
    bad = ImportItem(Article("new-2", "هجوم آخر", "t"), (bad_mention,), "file.jsonl line 2")
    with pytest.raises(MentionError, match="file.jsonl line 2 event 1 trigger"):
        housed.import_items([good, bad])
    assert list(housed.db.conn.iterdump()) == before


def test_same_id_different_text_is_refused(housed, house_gold):
    with pytest.raises(ProjectError, match="already in the project with a different text"):
        housed.import_items([ImportItem(Article(house_gold["id"], "نص مختلف", "t"))])


def test_save_mention_writes_history_and_undo_replays_before(housed, house_gold):
    art = housed.article(house_gold["id"])
    first = housed.mentions(art.id)[0]
    accepted = housed.save_mention(art.id, first.with_(status="confirmed", reviewer="amal"),
                                   reviewer="amal", action="accept")
    assert accepted.id == first.id and housed.mention(first.id).status == "confirmed"
    entry = housed.history("amal")[-1]
    assert (entry.action, entry.before["status"], entry.after["status"]) == ("accept", "added", "confirmed")
    restored = housed.save_mention(art.id, first, reviewer="amal", action="undo", undoes=entry.id)
    assert restored.status == "added" and housed.history("amal")[-1].undoes == entry.id


def test_delete_and_reinsert_under_same_id(housed, house_gold):
    art = housed.article(house_gold["id"])
    m = housed.mentions(art.id)[3]
    housed.delete_mention(m.id, reviewer="r", action="delete")
    assert len(housed.mentions(art.id)) == 31
    again = housed.save_mention(art.id, m, reviewer="r", action="redo")
    assert again.id == m.id and again.arguments == tuple(
        a.__class__(a.role, a.span, a.value, a.confidence, a.rule, again.arguments[i].id)
        for i, a in enumerate(m.arguments))


def test_save_rejects_a_bad_span_and_changes_nothing(housed, house_gold):
    art = housed.article(house_gold["id"])
    m = housed.mentions(art.id)[0]
    before = list(housed.db.conn.iterdump())
    with pytest.raises(MentionError, match="text at 15..21"):
        housed.save_mention(art.id, m.with_(trigger=Span(15, 21, "هجوما")), reviewer="r", action="edit")
    assert list(housed.db.conn.iterdump()) == before


def test_history_is_append_only(housed, house_gold):
    art = housed.article(house_gold["id"])
    m = housed.mentions(art.id)[0]
    housed.save_mention(art.id, m.with_(status="rejected"), reviewer="r", action="reject")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        housed.db.execute("DELETE FROM history")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        housed.db.execute("UPDATE history SET reviewer = 'x'")


@pytest.mark.parametrize("query", ["هُجُوم", "الهجوم", "وهجوم", "ادلب OR البوكمال", '"ريف حماة"', "كفرز*"])
def test_search_finds_the_house_article(housed, house_gold, query):
    hits = housed.search(query)
    assert [h.ext_id for h in hits] == [house_gold["id"]]


def test_search_finds_hamza_forms(fresh_project):
    fresh_project.import_items([ImportItem(Article("a", "قصف على مدينة إدلب وريفها", "t")),
                                ImportItem(Article("b", "اجتماع في بغداد", "t"))])
    hits = fresh_project.search("ادلب")
    assert [h.ext_id for h in hits] == ["a"]
    text = "قصف على مدينة إدلب وريفها"
    assert text[hits[0].match[0]:hits[0].match[1]] == "إدلب"
    assert fresh_project.search("هجوم") == []


@pytest.mark.parametrize("query, message", [('"دير', "unbalanced quote"), ("(", "nothing to search"),
                                            ("دير AND", "cannot search")])
def test_search_syntax_errors_are_messages(housed, query, message):
    with pytest.raises(SearchError, match=message):
        housed.search(query)


def test_check_finds_a_tampered_span(housed, house_gold):
    assert housed.check() == []
    housed.db.execute("UPDATE arguments SET text = 'خطأ' WHERE id = 1")
    housed.db.conn.commit()
    problems = housed.check()
    assert len(problems) == 1 and "is not 'خطأ'" in problems[0]


def test_views_are_queryable(housed):
    rows = list(housed.db.query("SELECT * FROM gold_events WHERE event_id = 1"))
    assert [r["role"] for r in rows] == ["Attacker", "Target", "Place"]
    assert rows[0]["trigger"] == "هجوما" and rows[0]["polarity"] == "positive"
    assert housed.db.execute("SELECT count(*) FROM mentions").fetchone()[0] == 32


def test_stats(housed):
    s = housed.stats()
    assert (s["articles"], s["mentions"], s["gold"]) == (1, 32, 32)
    assert s["mentions_by_type"]["Conflict.Attack"] == 12


@pytest.mark.parametrize("query, found", [
    ('"ريف حماة"', True), ('"حماة ريف"', False), ('"ريف حماة الشمالي"', True),
    ("هجوم NOT حراس", False), ("هجوم NOT طالبان", True), ('"بريف حماة"', True), ("اللطامن", False),
    ("اللطامن*", True), ("الروسية AND (أنقرة OR باريس)", True), ("الروسية AND (بغداد OR باريس)", False),
])
def test_search_phrases_operators_prefixes(housed, query, found):
    assert bool(housed.search(query)) is found


def test_word_forms_cover_proclitics():
    from tadqiq.db.search import word_forms

    forms = word_forms("الهجوم")
    assert {"هجوم", "الهجوم", "والهجوم", "بالهجوم", "للهجوم", "فالهجوم", "وبالهجوم"} <= set(forms)
    assert "وزير" in word_forms("وزير") and "الوزير" in word_forms("وزير")


def test_duplicate_fills_missing_metadata_never_overwrites(fresh_project):
    text = "خبر عن قصف مدفعي على بلدة في ريف حلب"
    fresh_project.import_items([ImportItem(Article("a", text, "t", source="first"))])
    fresh_project.import_items([ImportItem(Article("a-2", text, "t", published="2020-02-03", source="second"))])
    art = fresh_project.article("a")
    assert (art.published, art.source) == ("2020-02-03", "first")


def test_reading_an_empty_file_leaves_it_empty(tmp_path):
    """Issue 13: `stats`/`check`/`show` on an empty file turned it into a 114 KB project."""
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(ProjectError, match="an empty file, not a Tadqiq project"):
        Project.open(path, create=False)
    assert path.stat().st_size == 0


def test_somebody_elses_sqlite_file_keeps_its_journal_mode(tmp_path):
    """Issue 13: a foreign SQLite file was switched to WAL before it was refused."""
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="not a Tadqiq project"):
        Project.open(path, create=False)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_article_list_pages_on_by_keyset_with_after(fresh_project):
    items = [ImportItem(Article(ext_id=f"a{k}", text=f"نص رقم {k}", title=f"t{k}")) for k in range(7)]
    fresh_project.import_items(items)
    pages, after = [], None
    while page := fresh_project.article_list(limit=3, after=after):
        pages.append([a.ext_id for a in page])
        after = page[-1].id
    assert pages == [["a0", "a1", "a2"], ["a3", "a4", "a5"], ["a6"]]
    assert [a.ext_id for a in fresh_project.article_list(2, 2)] == ["a2", "a3"]  # offset still works

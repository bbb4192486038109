"""Numbered, append-only schema migrations of the project file.

Each migration is a function registered in order on :data:`MIGRATIONS` (sqlite-utils'
``Migrations``); ``PRAGMA user_version`` mirrors how many have run, so the file says its
own version to any SQLite tool. Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("tadqiq")


def run_script(db: Database, script: str) -> None:
    """Run statements one by one inside the migration's transaction.

    (sqlite3's executescript would COMMIT first and break the all-or-nothing migration.)
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            db.execute(buffer)
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buffer.strip()[:60]}")


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: Database) -> None:
    # No JSON functions in CHECKs or views: with trusted_schema=OFF, SQLite before 3.42
    # refuses them there ("unsafe use of json_valid()"). JSON columns are written by db/rows.py.
    run_script(
        db,
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE event_schema (
            name TEXT PRIMARY KEY,
            version TEXT NOT NULL,
            definition TEXT NOT NULL,
            installed_at TEXT NOT NULL
        );
        CREATE TABLE reviewers (
            name TEXT PRIMARY KEY,
            created_at TEXT NOT NULL
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            ext_id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            published TEXT,
            source TEXT,
            url TEXT,
            lang TEXT,
            sha256 TEXT NOT NULL UNIQUE,
            imported_at TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            regions TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done'))
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            trigger_text TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'corrected', 'rejected', 'added')),
            origin TEXT NOT NULL,
            confidence REAL,
            rule TEXT,
            reviewer TEXT,
            notes TEXT,
            link TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (0 <= trigger_start AND trigger_start <= trigger_end)
        );
        CREATE INDEX events_article ON events(article_id, trigger_start);
        CREATE INDEX events_origin ON events(origin, status);
        CREATE TABLE arguments (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            role TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value TEXT,
            confidence REAL,
            rule TEXT,
            CHECK (0 <= start AND start <= "end")
        );
        CREATE INDEX arguments_event ON arguments(event_id, position);
        CREATE TABLE attributes (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (event_id, name)
        ) WITHOUT ROWID;
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            action TEXT NOT NULL,
            article_id INTEGER,
            event_id INTEGER,
            before TEXT,
            after TEXT,
            undoes INTEGER REFERENCES history(id)
        );
        CREATE INDEX history_reviewer ON history(reviewer, id);
        CREATE TRIGGER history_append_only_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        CREATE TRIGGER history_append_only_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        CREATE TABLE review_time (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL,
            seconds REAL NOT NULL DEFAULT 0,
            opened INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, reviewer)
        ) WITHOUT ROWID;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            shadow, content='', detail=none, tokenize='unicode61 remove_diacritics 0'
        );

        CREATE VIEW mentions AS
        SELECT e.id AS event_id, a.ext_id AS article, e.type, e.trigger_start, e.trigger_end,
               e.trigger_text, e.status, e.origin, e.confidence, e.reviewer, e.link,
               (SELECT value FROM attributes t WHERE t.event_id = e.id AND t.name = 'polarity') AS polarity,
               (SELECT value FROM attributes t WHERE t.event_id = e.id AND t.name = 'modality') AS modality,
               (SELECT value FROM attributes t WHERE t.event_id = e.id AND t.name = 'genericity') AS genericity
        FROM events e JOIN articles a ON a.id = e.article_id;

        CREATE VIEW gold_events AS
        SELECT a.ext_id AS article, a.published, e.id AS event_id, e.type,
               e.trigger_text AS trigger, e.trigger_start, e.trigger_end, e.status, e.reviewer,
               g.role, g.text AS argument, g.start AS argument_start, g."end" AS argument_end,
               g.value AS value,
               (SELECT value FROM attributes t WHERE t.event_id = e.id AND t.name = 'polarity') AS polarity,
               (SELECT value FROM attributes t WHERE t.event_id = e.id AND t.name = 'modality') AS modality,
               (SELECT value FROM attributes t WHERE t.event_id = e.id AND t.name = 'genericity') AS genericity
        FROM events e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN arguments g ON g.event_id = e.id
        WHERE e.status IN ('confirmed', 'corrected', 'added')
        ORDER BY a.id, e.trigger_start, g.position;

        CREATE VIEW article_progress AS
        SELECT a.id, a.ext_id, a.title, a.status,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS mentions,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id AND e.status = 'proposed') AS proposed
        FROM articles a;
        """
    )


@MIGRATIONS(name="0002_models")
def m0002_models(db: Database) -> None:
    # Trained models of the learned engine, versioned per engine, with the gold they saw.
    run_script(
        db,
        """
        CREATE TABLE models (
            id INTEGER PRIMARY KEY,
            engine TEXT NOT NULL,
            version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            trained_by TEXT NOT NULL,
            model BLOB NOT NULL,
            gold TEXT NOT NULL,
            scores TEXT,
            UNIQUE (engine, version)
        );
        """
    )


#: A proposal that repeats a reviewer's decision: the same type and trigger as a reviewed
#: mention, or the trigger span of a gold one (the rule app.propose applies to new runs).
_DUPLICATE_PROPOSALS = """
    SELECT p.id FROM events p
    WHERE p.status = 'proposed' AND EXISTS (
        SELECT 1 FROM events r
        WHERE r.article_id = p.article_id AND r.id != p.id AND r.status != 'proposed'
          AND r.trigger_start = p.trigger_start AND r.trigger_end = p.trigger_end
          AND (r.type = p.type OR r.status IN ('confirmed', 'corrected', 'added')))
"""


@MIGRATIONS(name="0003_drop_duplicate_proposals")
def m0003_drop_duplicate_proposals(db: Database) -> None:
    # Earlier versions of `tadqiq extract` proposed again what gold already held (after gold was
    # imported for an article), so `export --status all` wrote such events twice. Each removed
    # proposal is recorded in the history (reviewer "migration", action "drop_duplicate_proposal").
    ids = [r[0] for r in db.execute(_DUPLICATE_PROPOSALS).fetchall()]
    if not ids:
        return
    stamp = datetime.now(UTC).isoformat(timespec="milliseconds")
    db.execute("INSERT OR IGNORE INTO reviewers (name, created_at) VALUES ('migration', ?)", [stamp])
    for event_id in ids:
        db.execute(
            "INSERT INTO history (at, reviewer, action, article_id, event_id, before, after)"
            " SELECT ?, 'migration', 'drop_duplicate_proposal', article_id, id,"
            " json_object('type', type, 'trigger', json_object('start', trigger_start, 'end', trigger_end,"
            " 'text', trigger_text), 'origin', origin, 'status', status), NULL FROM events WHERE id = ?",
            [stamp, event_id],
        )
        db.execute("DELETE FROM events WHERE id = ?", [event_id])


#: Recount one article's queue columns from its events (run by the triggers of 0004).
def _recount(article: str) -> str:
    return f"""
        UPDATE articles SET
            mentions = (SELECT count(*) FROM events WHERE article_id = {article}),
            proposed = (SELECT count(*) FROM events WHERE article_id = {article} AND status = 'proposed'),
            min_confidence = (SELECT min(confidence) FROM events
                              WHERE article_id = {article} AND status = 'proposed')
        WHERE id = {article};"""


@MIGRATIONS(name="0004_queue")
def m0004_queue(db: Database) -> None:
    # The review queue pages over 200k articles without counting events per row: the counts a
    # queue sorts and filters on live on the article, kept by triggers; flags and notes of an
    # article or a mention get their own table; assignment and skips are columns. Partial indexes
    # serve "the next open article" in each queue order; articles_queue_order is a narrow copy of
    # the queue columns in id order, so counting and skipping rows never reads the article texts.
    run_script(
        db,
        f"""
        ALTER TABLE articles ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE articles ADD COLUMN proposed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE articles ADD COLUMN min_confidence REAL;
        ALTER TABLE articles ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE articles ADD COLUMN skipped_by TEXT;
        ALTER TABLE articles ADD COLUMN assigned_to TEXT;
        UPDATE articles SET
            mentions = (SELECT count(*) FROM events e WHERE e.article_id = articles.id),
            proposed = (SELECT count(*) FROM events e WHERE e.article_id = articles.id AND e.status = 'proposed'),
            min_confidence = (SELECT min(confidence) FROM events e
                              WHERE e.article_id = articles.id AND e.status = 'proposed');
        CREATE TRIGGER events_queue_insert AFTER INSERT ON events BEGIN {_recount("NEW.article_id")} END;
        CREATE TRIGGER events_queue_delete AFTER DELETE ON events BEGIN {_recount("OLD.article_id")} END;
        CREATE TRIGGER events_queue_update AFTER UPDATE OF status, confidence, article_id ON events
        BEGIN {_recount("NEW.article_id")} {_recount("OLD.article_id")} END;
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('flag', 'note')),
            text TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL,
            created_at TEXT NOT NULL,
            resolved_at TEXT,
            resolved_by TEXT
        );
        CREATE INDEX notes_article ON notes(article_id, id);
        CREATE INDEX notes_event ON notes(event_id) WHERE event_id IS NOT NULL;
        CREATE TRIGGER notes_flags_insert AFTER INSERT ON notes WHEN NEW.kind = 'flag' BEGIN
            UPDATE articles SET flags = (SELECT count(*) FROM notes WHERE article_id = NEW.article_id
                                         AND kind = 'flag' AND resolved_at IS NULL) WHERE id = NEW.article_id;
        END;
        CREATE TRIGGER notes_flags_update AFTER UPDATE OF resolved_at ON notes WHEN NEW.kind = 'flag' BEGIN
            UPDATE articles SET flags = (SELECT count(*) FROM notes WHERE article_id = NEW.article_id
                                         AND kind = 'flag' AND resolved_at IS NULL) WHERE id = NEW.article_id;
        END;
        CREATE TRIGGER notes_flags_delete AFTER DELETE ON notes WHEN OLD.kind = 'flag' BEGIN
            UPDATE articles SET flags = (SELECT count(*) FROM notes WHERE article_id = OLD.article_id
                                         AND kind = 'flag' AND resolved_at IS NULL) WHERE id = OLD.article_id;
        END;
        CREATE INDEX articles_status ON articles(status, id);
        CREATE INDEX articles_queue_order ON articles(id, status, flags, skipped_by, assigned_to, min_confidence,
                                                      proposed, mentions, published, source);
        CREATE INDEX articles_open ON articles(id) WHERE status != 'done' AND skipped_by IS NULL;
        CREATE INDEX articles_open_confidence ON articles(coalesce(min_confidence, 2.0), id)
            WHERE status != 'done' AND skipped_by IS NULL;
        CREATE INDEX articles_open_proposed ON articles(-proposed, id)
            WHERE status != 'done' AND skipped_by IS NULL;
        CREATE INDEX articles_published ON articles(coalesce(published, ''), id);
        CREATE INDEX articles_source ON articles(coalesce(source, ''), id);
        CREATE INDEX articles_assigned ON articles(assigned_to, id) WHERE assigned_to IS NOT NULL;
        CREATE INDEX events_type_article ON events(type, article_id);
        DROP VIEW article_progress;
        CREATE VIEW article_progress AS
        SELECT id, ext_id, title, status, mentions, proposed FROM articles;
        """,
    )


#: The mention clock's value: what Tadqiq's writers stamp a mention they store with (db/versions.py).
CLOCK = "(SELECT version FROM mention_clock)"
#: A mention not stamped in the open transaction: its version is not the clock's value (a mention
#: that is gone, its row deleted before its arguments by a cascade, is NULL here: no bump).
_UNSTAMPED = "!= " + CLOCK


def _bump(*events: str) -> str:
    """Stamp the mention(s) ``events`` with the clock's value, then move the clock on (what the
    triggers of 0005 do for a writer that did not stamp the mention itself)."""
    return f"""
        UPDATE events SET version = {CLOCK} WHERE id IN ({', '.join(events)});
        UPDATE mention_clock SET version = version + 1;"""


@MIGRATIONS(name="0005_mention_versions")
def m0005_mention_versions(db: Database) -> None:
    # Two processes on one project (docs/concurrency.md): a window remembers the version of each
    # mention it shows and refuses to write over a mention whose version moved on meanwhile.
    #
    # ``events.version`` changes with every committed change to the mention, its arguments or its
    # attributes. The values come from one counter for the whole project, ``mention_clock``, not
    # from a count per mention: a mention deleted and stored again under the same id (redo of a
    # new mention, an extract replacing proposals) never comes back with a version seen before.
    # Between transactions every version is below the clock. Tadqiq's writers (db/mentions.py)
    # stamp each mention they store with the clock's value and move the clock on once, before the
    # transaction commits (db/versions.py): one statement per transaction, none per row. The
    # triggers cover every other writer (another tool, a path that did not stamp): a change to a
    # mention not stamped in the open transaction stamps it and moves the clock on. Their WHEN
    # clauses make them cost a lookup, nothing more, for rows Tadqiq stamped (an import of
    # proposals stores each argument and attribute row without running a trigger body).
    # Existing mentions start at 0 (ADD COLUMN with a default rewrites nothing), the clock at 1.
    run_script(
        db,
        f"""
        CREATE TABLE mention_clock (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL
        );
        INSERT INTO mention_clock (id, version) VALUES (1, 1);
        ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
        CREATE TRIGGER events_version_insert AFTER INSERT ON events WHEN NEW.version {_UNSTAMPED}
        BEGIN {_bump("NEW.id")} END;
        CREATE TRIGGER events_version_update AFTER UPDATE ON events
        WHEN NEW.version IS OLD.version AND NEW.version {_UNSTAMPED}
        BEGIN {_bump("NEW.id")} END;
        """
        + "".join(
            f"""
        CREATE TRIGGER {table}_version_insert AFTER INSERT ON {table}
        WHEN (SELECT version FROM events WHERE id = NEW.event_id) {_UNSTAMPED}
        BEGIN {_bump("NEW.event_id")} END;
        CREATE TRIGGER {table}_version_update AFTER UPDATE ON {table}
        WHEN (SELECT version FROM events WHERE id = NEW.event_id) {_UNSTAMPED}
          OR (SELECT version FROM events WHERE id = OLD.event_id) {_UNSTAMPED}
        BEGIN {_bump("NEW.event_id", "OLD.event_id")} END;
        CREATE TRIGGER {table}_version_delete AFTER DELETE ON {table}
        WHEN (SELECT version FROM events WHERE id = OLD.event_id) {_UNSTAMPED}
        BEGIN {_bump("OLD.event_id")} END;"""
            for table in ("arguments", "attributes")
        ),
    )


def apply_pending(db: Database) -> list[str]:
    """Apply pending migrations; return their names. ``user_version`` follows."""
    names = [m.name for m in MIGRATIONS.pending(db)]
    if names:
        MIGRATIONS.apply(db)
    version = len(MIGRATIONS.applied(db))
    if db.execute("PRAGMA user_version").fetchone()[0] != version:
        db.execute(f"PRAGMA user_version = {version}")  # only when it changes: opening must not write
    return names


def latest_version() -> int:
    return len(MIGRATIONS._migrations)  # noqa: SLF001 - sqlite-utils has no public count


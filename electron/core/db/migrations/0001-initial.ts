import type { Migration } from './types';

/** Articles with their working copy, coalesced revisions, media by hash, settings, view state, audit. */
const migration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE media (
        hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        subtitle TEXT NOT NULL DEFAULT '',
        excerpt TEXT NOT NULL DEFAULT '',
        slug TEXT NOT NULL DEFAULT '',
        section TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        byline TEXT NOT NULL DEFAULT '',
        featured_media TEXT REFERENCES media(hash),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
          ('draft','submitted','in_review','changes_requested','approved','published','killed','spiked')),
        status_before_spike TEXT,
        body_json TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        body_text TEXT NOT NULL,
        word_count INTEGER NOT NULL DEFAULT 0,
        char_count INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX articles_by_updated ON articles (updated_at DESC);
      CREATE INDEX articles_by_status ON articles (status, updated_at DESC);

      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        article_version INTEGER NOT NULL,
        reason TEXT NOT NULL,
        actor TEXT NOT NULL,
        title TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX revisions_by_article ON revisions (article_id, id DESC);

      CREATE TABLE view_state (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        scroll_top REAL NOT NULL,
        selection_from INTEGER NOT NULL,
        selection_to INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        article_id TEXT,
        from_status TEXT,
        to_status TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX audit_by_article ON audit (article_id, id);
      CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  },
};
export default migration;

import type { Migration } from './types';

/**
 * Accounts and the copy desk: users with roles and scrypt hashes, authors and claims on
 * articles, priority, deadline and schedule, comment threads.
 */
const migration: Migration = {
  version: 2,
  name: 'accounts-workflow',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('editor', 'reviewer', 'admin')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        last_failed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE articles ADD COLUMN author_id TEXT REFERENCES users(id);
      ALTER TABLE articles ADD COLUMN assignee_id TEXT REFERENCES users(id);
      ALTER TABLE articles ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'urgent'));
      ALTER TABLE articles ADD COLUMN deadline TEXT;
      ALTER TABLE articles ADD COLUMN scheduled_at TEXT;
      ALTER TABLE articles ADD COLUMN submitted_at TEXT;
      ALTER TABLE articles ADD COLUMN published_at TEXT;
      CREATE INDEX articles_by_author ON articles (author_id, updated_at DESC);
      CREATE INDEX articles_by_assignee ON articles (assignee_id, status);
      -- The review queue's order: urgent first ('urgent' sorts after 'normal'), then deadline
      -- with articles without one last, then oldest submission. The expression column lets the
      -- queue be read in index order, without a sort.
      CREATE INDEX articles_queue ON articles (status, priority DESC, (deadline IS NULL), deadline, submitted_at);

      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES comments(id) ON DELETE CASCADE,
        -- The actor, as in the audit log and revisions: a user id, or cli:<os user> (no account).
        author_id TEXT NOT NULL,
        body TEXT NOT NULL,
        quote TEXT NOT NULL DEFAULT '',
        anchored INTEGER NOT NULL DEFAULT 0 CHECK (anchored IN (0, 1)),
        resolved_at TEXT,
        resolved_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX comments_by_article ON comments (article_id, created_at);

      CREATE INDEX audit_by_time ON audit (at);
      CREATE INDEX audit_by_actor ON audit (actor, at);
    `);
  },
};
export default migration;

import type { Migration } from './types';

/**
 * Publishing: endpoints (secrets are not here — see SecretStore), one outbox row per endpoint
 * and article with its remote post and pending operation, and images uploaded per endpoint.
 */
const migration: Migration = {
  version: 3,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE endpoints (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('wordpress', 'webhook')),
        name TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        username TEXT,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        options TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_items (
        id INTEGER PRIMARY KEY,
        endpoint_id TEXT NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        operation TEXT NOT NULL CHECK (operation IN ('publish', 'update', 'unpublish')),
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'retry', 'published', 'unpublished', 'conflict', 'failed', 'cancelled', 'held')),
        remote_id TEXT,
        remote_url TEXT,
        remote_modified TEXT,
        synced_hash TEXT,
        remote_text_hash TEXT,
        pending_hash TEXT,
        slug TEXT,
        outcome_unknown INTEGER NOT NULL DEFAULT 0 CHECK (outcome_unknown IN (0, 1)),
        idempotency_key TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_attempt_at TEXT,
        last_error_code TEXT,
        last_error TEXT,
        last_error_ar TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (endpoint_id, article_id)
      ) STRICT;
      CREATE INDEX sync_items_due ON sync_items (state, next_attempt_at);
      CREATE INDEX sync_items_by_article ON sync_items (article_id);

      CREATE TABLE media_remote (
        endpoint_id TEXT NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
        hash TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        url TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (endpoint_id, hash)
      ) STRICT;
    `);
  },
};
export default migration;

import type { Migration } from './types';

/**
 * The newsroom's own spelling dictionary (docs/spelling.md): words the bundled Arabic and
 * English lists lack — names, places, new loanwords — added from the editor's menu by anyone
 * signed in, shared by every account on this database, removed by the adder or an admin.
 * `word` is stored as the checker looks it up (harakat and tatweel removed).
 */
const migration: Migration = {
  version: 7,
  name: 'spelling',
  up(db) {
    db.exec(`
      CREATE TABLE spelling_words (
        word TEXT PRIMARY KEY,
        language TEXT NOT NULL CHECK (language IN ('ar', 'en-US')),
        added_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        added_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};

export default migration;

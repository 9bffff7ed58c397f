import type { Migration } from './types';

/**
 * Full-text search (see electron/core/search/searchText.ts and shared/text/normalize.ts).
 *
 * `article_search` is a contentless FTS5 table (the text lives in `articles`; only the index
 * is stored) over the Arabic-normalized title, kicker, excerpt, tags and body, plus two
 * "stems" columns holding the clitic-stripped forms of their words (والانتخابات →
 * الانتخابات، انتخابات) so a plain query word finds its prefixed forms. Its rowid comes from
 * `search_docs`, which maps it to the article's id (an article's own rowid may change on
 * VACUUM; its id never does) and keeps a copy of the columns search filters on (status,
 * section, author, byline, last change): a filter then reads one small row per match instead
 * of an articles row whose large body columns sit before updated_at and author_id.
 *
 * Triggers on `articles` keep the index current inside the same transaction as every write —
 * the app's saves, workflow steps, imports, restores — by calling the deterministic function
 * `midad_search_text(value, mode)`, which `openDatabase` registers on every connection before
 * migrations run. A status-only change does not touch the text index (only search_docs).
 *
 * bm25 weights (the default rank): title 10, kicker 4, excerpt 3, tags 4, body 1; the clitic
 * columns a little less than their exact counterparts, so the form as written ranks first.
 */
const COLUMNS = 'title, subtitle, excerpt, tags, body, title_stems, text_stems';

function values(row: 'NEW' | 'a'): string {
  return [
    `midad_search_text(${row}.title, 'text')`,
    `midad_search_text(${row}.subtitle, 'text')`,
    `midad_search_text(${row}.excerpt, 'text')`,
    `midad_search_text(${row}.tags, 'tags')`,
    `midad_search_text(${row}.body_text, 'text')`,
    `midad_search_text(${row}.title, 'stems')`,
    `midad_search_text(${row}.subtitle, 'stems') || ' ' || midad_search_text(${row}.excerpt, 'stems') || ' ' || midad_search_text(${row}.tags, 'tags_stems') || ' ' || midad_search_text(${row}.body_text, 'stems')`,
  ].join(', ');
}

const migration: Migration = {
  version: 4,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE TABLE search_docs (
        doc INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        section TEXT NOT NULL,
        author_id TEXT,
        byline TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX search_docs_by_status ON search_docs (status);

      CREATE VIRTUAL TABLE article_search USING fts5(
        ${COLUMNS},
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO article_search (article_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 3.0, 4.0, 1.0, 6.0, 0.6)');

      INSERT INTO search_docs (article_id, status, section, author_id, byline, updated_at)
        SELECT id, status, section, author_id, byline, updated_at FROM articles ORDER BY created_at, rowid;
      INSERT INTO article_search (rowid, ${COLUMNS})
        SELECT d.doc, ${values('a')} FROM search_docs d JOIN articles a ON a.id = d.article_id;

      CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
        INSERT INTO search_docs (article_id, status, section, author_id, byline, updated_at)
          VALUES (NEW.id, NEW.status, NEW.section, NEW.author_id, NEW.byline, NEW.updated_at);
        INSERT INTO article_search (rowid, ${COLUMNS})
          VALUES ((SELECT doc FROM search_docs WHERE article_id = NEW.id), ${values('NEW')});
      END;

      CREATE TRIGGER articles_search_update AFTER UPDATE OF id, title, subtitle, excerpt, tags, body_text ON articles
      WHEN OLD.id IS NOT NEW.id OR OLD.title IS NOT NEW.title OR OLD.subtitle IS NOT NEW.subtitle
        OR OLD.excerpt IS NOT NEW.excerpt OR OLD.tags IS NOT NEW.tags OR OLD.body_text IS NOT NEW.body_text
      BEGIN
        UPDATE search_docs SET article_id = NEW.id WHERE article_id = OLD.id;
        DELETE FROM article_search WHERE rowid = (SELECT doc FROM search_docs WHERE article_id = NEW.id);
        INSERT INTO article_search (rowid, ${COLUMNS})
          VALUES ((SELECT doc FROM search_docs WHERE article_id = NEW.id), ${values('NEW')});
      END;

      CREATE TRIGGER articles_search_facets AFTER UPDATE OF status, section, author_id, byline, updated_at ON articles
      WHEN OLD.status IS NOT NEW.status OR OLD.section IS NOT NEW.section OR OLD.author_id IS NOT NEW.author_id
        OR OLD.byline IS NOT NEW.byline OR OLD.updated_at IS NOT NEW.updated_at
      BEGIN
        UPDATE search_docs SET status = NEW.status, section = NEW.section, author_id = NEW.author_id, byline = NEW.byline,
          updated_at = NEW.updated_at WHERE article_id IN (OLD.id, NEW.id);
      END;

      CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
        DELETE FROM article_search WHERE rowid = (SELECT doc FROM search_docs WHERE article_id = OLD.id);
        DELETE FROM search_docs WHERE article_id = OLD.id;
      END;
    `);
  },
};
export default migration;

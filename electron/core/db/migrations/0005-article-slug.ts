import type { Migration } from './types';

/**
 * Slugs are made unique among local articles on every change (docs/slugs.md): an index keeps
 * that lookup from reading every article row (bodies included) on a database of 100,000.
 */
const migration: Migration = {
  version: 5,
  name: 'article-slug',
  up(db) {
    db.exec('CREATE INDEX articles_slug ON articles (slug)');
  },
};

export default migration;

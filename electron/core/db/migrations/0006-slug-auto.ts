import type { Migration } from './types';
import { isAutomaticSlug } from '../../../../shared/text/slug';

/**
 * Whether an article's slug still follows its title (docs/slugs.md) is stored, not guessed from
 * the slug's shape: a typed slug such as "قمة-الرباط-2026" looked like the title's slug with a
 * uniqueness suffix and was replaced when the title changed. 1 = made by Midad, follows the
 * title until first publication; 0 = typed by a person (or imported), kept.
 *
 * Existing rows are classified once, here, with the shape rule they were saved under.
 */
const migration: Migration = {
  version: 6,
  name: 'slug-auto',
  up(db) {
    db.exec('ALTER TABLE articles ADD COLUMN slug_auto INTEGER NOT NULL DEFAULT 0 CHECK (slug_auto IN (0, 1))');
    const rows = db.prepare<[], { id: string; slug: string; title: string }>('SELECT id, slug, title FROM articles').all();
    const mark = db.prepare('UPDATE articles SET slug_auto = 1 WHERE id = ?');
    for (const row of rows) if (isAutomaticSlug(row.slug, row.title)) mark.run(row.id);
  },
};

export default migration;

import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A statement prepared once per database and reused: an import of thousands of articles would
 * otherwise prepare the same SQL thousands of times, and each prepared statement holds native
 * memory until the garbage collector gets to its wrapper (not soon, inside one long transaction).
 */
export function cached<P extends unknown[] | object = unknown[], R = unknown>(db: Database, sql: string): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Statement<P, R>;
}

import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Equals the file's number; the runner checks that they follow 1, 2, 3… */
  version: number;
  name: string;
  up(db: Database): void;
}

import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/domain/settings';

/** Newsroom and app settings, one JSON value per key; unknown or invalid stored values fall back to defaults. */
export class SettingsService {
  private cache: Settings | null = null;

  constructor(private readonly db: Database) {}

  get(): Settings {
    if (this.cache) return this.cache;
    const rows = this.db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
    const stored: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        stored[row.key] = JSON.parse(row.value);
      } catch {
        // A hand-edited value that is not JSON: ignore it, the default applies.
      }
    }
    const merged = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
    for (const key of Object.keys(DEFAULT_SETTINGS)) {
      const candidate = settingsSchema.shape[key as keyof Settings].safeParse(stored[key]);
      if (candidate.success) merged[key] = candidate.data;
    }
    this.cache = merged as Settings;
    return this.cache;
  }

  update(patch: Partial<Settings>): Settings {
    const upsert = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
    })();
    this.cache = null;
    return this.get();
  }
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../../electron/core/Core';

export function tempDir(prefix = 'midad-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real core on a real SQLite file in a fresh temporary data directory, with a settable clock. */
export function tempCore(startAt = new Date('2026-11-30T10:00:00Z')): { core: Core; dataDir: string; clock: { now: Date; advance(ms: number): void } } {
  const dataDir = tempDir();
  const clock = {
    now: startAt,
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const core = new Core({ dataDir, clock: () => clock.now });
  return { core, dataDir, clock };
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName, backupsDir, freeBackupName, listBackupFiles, parseBackupName } from '../../../../../electron/core/backup/backupFiles';
import { tempDir } from '../../../../support/tempCore';

describe('backup file names', () => {
  it('does encode the kind and the UTC time to the millisecond, and read them back', () => {
    const at = new Date('2026-11-30T10:15:00.123Z');
    expect(backupFileName('pre-migration', at)).toBe('midad-pre-migration-20261130T101500123Z.sqlite');
    expect(parseBackupName('midad-pre-migration-20261130T101500123Z.sqlite')).toEqual({ kind: 'pre-migration', createdAt: at });
    expect(parseBackupName(backupFileName('weekly', at, 3))).toEqual({ kind: 'weekly', createdAt: at });
  });

  it('does refuse anything else: other kinds, paths, temporary files', () => {
    for (const name of [
      'midad.sqlite',
      'midad-hourly-20261130T101500123Z.sqlite',
      '../midad-daily-20261130T101500123Z.sqlite',
      'midad-daily-20261130T101500123Z.sqlite.tmp',
      'midad-daily-20261330T101500123Z.sqlite',
      '.midad-daily-20261130T101500123Z.sqlite.x.tmp',
    ]) {
      expect(parseBackupName(name), name).toBeNull();
    }
  });

  it('does list backups newest first, ignoring other files, and find a free name for the same millisecond', () => {
    const dataDir = tempDir();
    mkdirSync(backupsDir(dataDir));
    const at = new Date('2026-11-30T10:00:00.000Z');
    writeFileSync(join(backupsDir(dataDir), backupFileName('daily', at)), 'x');
    writeFileSync(join(backupsDir(dataDir), backupFileName('manual', new Date('2026-12-01T08:00:00Z'))), 'xy');
    writeFileSync(join(backupsDir(dataDir), 'notes.txt'), 'not a backup');
    writeFileSync(join(backupsDir(dataDir), `${backupFileName('daily', new Date('2026-12-02T00:00:00Z'))}.tmp`), 'half');
    expect(listBackupFiles(dataDir).map((file) => [file.kind, file.size])).toEqual([['manual', 2], ['daily', 1]]);
    expect(freeBackupName(dataDir, 'daily', at)).toBe('midad-daily-20261130T100000000Z-2.sqlite');
    expect(listBackupFiles(tempDir())).toEqual([]);
  });
});

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The kinds of backup; the kind and the time are in the file name, so a listing needs no index. */
export const BACKUP_KINDS = ['daily', 'weekly', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUPS_FOLDER = 'backups';

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

/** `20261130T101500123Z`: the UTC time, sortable, safe in every file system. */
function stamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

/** `midad-daily-20261130T101500123Z.sqlite` (a `-2`, `-3`… suffix when two land in the same millisecond). */
export function backupFileName(kind: BackupKind, at: Date, sequence = 1): string {
  return `midad-${kind}-${stamp(at)}${sequence > 1 ? `-${sequence}` : ''}.sqlite`;
}

const NAME = /^midad-(daily|weekly|manual|pre-migration|pre-restore)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z(?:-(\d+))?\.sqlite$/;

export interface ParsedBackupName {
  kind: BackupKind;
  createdAt: Date;
}

/** The kind and time a backup's name encodes; null for any other file (or a path: names only). */
export function parseBackupName(name: string): ParsedBackupName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, kind, year, month, day, hour, minute, second, ms] = match;
  const createdAt = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${ms}Z`);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { kind: kind as BackupKind, createdAt };
}

export interface BackupFile extends ParsedBackupName {
  name: string;
  file: string;
  size: number;
}

/** The backups in the folder, newest first (other files, and temporary ones being written, are ignored). */
export function listBackupFiles(dataDir: string): BackupFile[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const found: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = join(dir, name);
    try {
      const stat = statSync(file);
      if (!stat.isFile()) continue;
      found.push({ ...parsed, name, file, size: stat.size });
    } catch {
      // Removed meanwhile (retention in another process): not a backup any more.
    }
  }
  return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

/** A name not taken yet in the folder for this kind and time. */
export function freeBackupName(dataDir: string, kind: BackupKind, at: Date): string {
  for (let sequence = 1; ; sequence += 1) {
    const name = backupFileName(kind, at, sequence);
    if (!existsSync(join(backupsDir(dataDir), name))) return name;
  }
}

import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../../electron/core/Core';
import type { DocNode } from '../../../../shared/editor/docSchema';
import { docToText } from '../../../../shared/editor/docToText';
import { seededRandom } from '../../../fixtures/arabicArticle';
import { tempDir } from '../../../support/tempCore';

/**
 * Crash safety: a child process holds the core and autosaves a growing Arabic article every
 * 20–50 ms; we SIGKILL it at a random moment, twenty times on the same data directory (so
 * any damage would pile up), and after every kill reopen the file and check that SQLite finds
 * it intact and that the last save the core acknowledged is there. SIGKILL tests the process
 * dying mid-write (the OS keeps what was written); power loss is covered by synchronous=FULL.
 */
const ROOT = resolve(__dirname, '../../../..');
const SAVER = join(ROOT, 'tests/crash/saver.ts');
const ROUNDS = 20;

interface Ack {
  v: number;
  len: number;
  sha: string;
  t: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Runs one child until `killAfterFirstAckMs` after its first acknowledged save, then SIGKILLs it. */
function runRound(dataDir: string, seed: number, killAfterFirstAckMs: number): Promise<{ acks: Ack[]; killedAt: number; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SAVER, dataDir, String(seed)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const acks: Ack[] = [];
    let stderr = '';
    let killedAt = 0;
    const timeout = setTimeout(() => reject(new Error(`no save acknowledged within 20 s; stderr: ${stderr.replace(/^\s+at .*$/gm, '').trim()}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let ack: Ack;
      try {
        ack = JSON.parse(line) as Ack;
      } catch {
        child.kill('SIGKILL');
        reject(new Error(`saver printed something that is not an acknowledgement: ${JSON.stringify(line.slice(0, 300))}`));
        return;
      }
      acks.push(ack);
      if (acks.length === 1) {
        clearTimeout(timeout);
        setTimeout(() => {
          killedAt = Date.now();
          child.kill('SIGKILL');
        }, killAfterFirstAckMs);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      children.delete(child);
      clearTimeout(timeout);
      // Stack lines are dropped from the child's stderr: the reporter would try to resolve them as frames of this test.
      if (signal !== 'SIGKILL') reject(new Error(`saver exited on its own (code ${code}): ${stderr.replace(/^\s+at .*$/gm, '').trim()}`));
      // 'close' comes after stdout ended, so every line written before the kill has been read.
      else resolvePromise({ acks, killedAt, stderr });
    });
  });
}

function storedState(dataDir: string): { integrity: string[]; foreignKeys: unknown[]; version: number; text: string; textFromJson: string } {
  // A read-write open, as the app does, so SQLite recovers the WAL the dead process left behind.
  const db = new Database(join(dataDir, DATABASE_FILE_NAME));
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    const row = db.prepare('SELECT version, body_json, body_text FROM articles').get() as { version: number; body_json: string; body_text: string };
    return { integrity, foreignKeys, version: row.version, text: row.body_text, textFromJson: docToText(JSON.parse(row.body_json) as DocNode) };
  } finally {
    db.close();
  }
}

function expectContains(text: string, ack: Ack, label: string): void {
  expect(text.length, `${label}: stored text shorter than acknowledged`).toBeGreaterThanOrEqual(ack.len);
  expect(sha256(text.slice(0, ack.len)), `${label}: acknowledged text (version ${ack.v}) not found intact`).toBe(ack.sha);
}

describe('crash safety', () => {
  it('keeps the database intact and every acknowledged save when the process is SIGKILLed twenty times mid-save', async () => {
    const dataDir = tempDir('midad-crash-');
    const random = seededRandom(Date.now() >>> 0);
    const history: Ack[] = [];
    let previousVersion = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const killAfter = 50 + Math.floor(random() * 1500);
      const { acks, killedAt } = await runRound(dataDir, round, killAfter);
      expect(acks.length, `round ${round}: no save acknowledged`).toBeGreaterThan(0);
      history.push(...acks);
      const last = acks[acks.length - 1]!;
      const state = storedState(dataDir);
      const label = `round ${round} (killed ${killAfter} ms after the first save, ${acks.length} saves)`;
      expect(state.integrity, label).toEqual(['ok']);
      expect(state.foreignKeys, label).toEqual([]);
      expect(state.textFromJson, `${label}: body_text disagrees with body_json`).toBe(state.text);
      // The child acknowledges right after commit, so at most one commit can be unacknowledged.
      expect([last.v, last.v + 1], label).toContain(state.version);
      expect(state.version, label).toBeGreaterThan(previousVersion);
      previousVersion = state.version;
      expectContains(state.text, last, `${label}, last acknowledged save`);
      const settled = history.filter((ack) => ack.t <= killedAt - 1000).at(-1);
      if (settled) expectContains(state.text, settled, `${label}, save acknowledged over 1 s before the kill`);
    }
    expect(history.length).toBeGreaterThan(ROUNDS * 3);
  }, 120_000);
});

import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Items kept for a sorted listing at the end of an export (the HTML index), without keeping
 * them all in memory: up to `runSize` are held; each full batch is sorted and written to a
 * temporary file (one JSON line per item), and `sorted()` merges those files. Equal items
 * keep the order they were pushed in. `dispose()` removes the files (after `sorted()`, or on
 * a cancel).
 */
export class SortedSpool<T> {
  private batch: { seq: number; item: T }[] = [];
  private readonly runs: string[] = [];
  private dir: string | null = null;
  private seq = 0;

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly runSize = 5000,
  ) {}

  /** The folder of the temporary files (null while everything is in memory). */
  get directory(): string | null {
    return this.dir;
  }

  /** How many items were pushed. */
  get size(): number {
    return this.seq;
  }

  push(item: T): void {
    this.batch.push({ seq: this.seq, item });
    this.seq += 1;
    if (this.batch.length >= this.runSize) this.spill();
  }

  private order = (a: { seq: number; item: T }, b: { seq: number; item: T }): number => this.compare(a.item, b.item) || a.seq - b.seq;

  private spill(): void {
    this.dir ??= mkdtempSync(join(tmpdir(), 'midad-export-index-'));
    const file = join(this.dir, `run-${this.runs.length}.jsonl`);
    this.batch.sort(this.order);
    writeFileSync(file, this.batch.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    this.runs.push(file);
    this.batch = [];
  }

  /** Every item pushed, in order. */
  async *sorted(): AsyncGenerator<T> {
    if (this.runs.length === 0) {
      const batch = this.batch.sort(this.order);
      this.batch = [];
      for (const entry of batch) yield entry.item;
      return;
    }
    if (this.batch.length > 0) this.spill();
    const readers = this.runs.map((file) => createInterface({ input: createReadStream(file), crlfDelay: Infinity })[Symbol.asyncIterator]());
    try {
      const heads: ({ seq: number; item: T } | null)[] = [];
      const next = async (index: number) => {
        const line = await readers[index]!.next();
        heads[index] = line.done ? null : (JSON.parse(line.value) as { seq: number; item: T });
      };
      for (let index = 0; index < readers.length; index += 1) await next(index);
      for (;;) {
        let best = -1;
        for (let index = 0; index < heads.length; index += 1) {
          const head = heads[index];
          if (head && (best < 0 || this.order(head, heads[best]!) < 0)) best = index;
        }
        if (best < 0) return;
        yield heads[best]!.item;
        await next(best);
      }
    } finally {
      for (const reader of readers) await reader.return?.();
    }
  }

  /** Removes the temporary files; the spool is empty afterwards. */
  dispose(): void {
    this.batch = [];
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.runs.length = 0;
  }
}

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtmlSiteRendering } from '../../../../../../electron/core/archive/renderings/htmlSite';
import { SortedSpool } from '../../../../../../electron/core/archive/renderings/sortedSpool';
import { context, MemorySink, record, render } from './archiveFixture';

process.env.TZ = 'UTC';

interface Item {
  section: string;
  rank: number;
  label: string;
}

const SECTIONS = ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة'];
const byRank = (a: Item, b: Item) => a.rank - b.rank;

function items(count: number): Item[] {
  // Many ties (rank 0–4): equal items must keep the order they were pushed in.
  return Array.from({ length: count }, (_, index) => ({ section: SECTIONS[index % 4]!, rank: (index * 7) % 5, label: `الخبر ${index}` }));
}

async function all<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('SortedSpool (the HTML index’s summaries, spooled to temporary files in sorted batches)', () => {
  it('gives the items in the order a stable in-memory sort gives, across several spilled batches, then removes its files', async () => {
    const spool = new SortedSpool<Item>(byRank, 3);
    const pushed = items(25);
    for (const item of pushed) spool.push(item);
    const directory = spool.directory;
    expect(directory).not.toBeNull();
    expect(existsSync(directory!)).toBe(true);
    expect(spool.size).toBe(25);
    expect(await all(spool.sorted())).toEqual([...pushed].sort(byRank));
    spool.dispose();
    expect(existsSync(directory!)).toBe(false);
  });

  it('keeps a small listing in memory (no files), and a cancel (dispose) removes spilled files', async () => {
    const small = new SortedSpool<Item>(byRank, 100);
    for (const item of items(10)) small.push(item);
    expect(small.directory).toBeNull();
    expect(await all(small.sorted())).toEqual(items(10).sort(byRank));

    const cancelled = new SortedSpool<Item>(byRank, 2);
    for (const item of items(9)) cancelled.push(item);
    const directory = cancelled.directory!;
    expect(existsSync(directory)).toBe(true);
    cancelled.dispose();
    expect(existsSync(directory)).toBe(false);
  });

  it('the HTML index is the same whether its summaries stayed in memory or went through spilled batches', async () => {
    const records = Array.from({ length: 23 }, (_, index) =>
      record({
        id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        title: `تقرير رقم ${index + 1} عن الموازنة`,
        section: SECTIONS[index % 4]!,
        createdAt: `2026-08-${String(10 + (index % 3)).padStart(2, '0')}T0${index % 9}:00:00.000Z`,
        publishedAt: null,
      }),
    );
    const inMemory = new MemorySink();
    await render([new HtmlSiteRendering()], records, inMemory, context());
    const spilled = new MemorySink();
    await render([new HtmlSiteRendering({ indexBatch: 2 })], records, spilled, context());
    const index = spilled.text('html/index.html');
    expect(index).toBe(inMemory.text('html/index.html'));
    // Three days, four sections each, every article listed once.
    expect(index.match(/<section class="day">/g)).toHaveLength(3);
    expect(index.match(/<h3>/g)).toHaveLength(12);
    expect(index.match(/<li>/g)).toHaveLength(23);
  });
});

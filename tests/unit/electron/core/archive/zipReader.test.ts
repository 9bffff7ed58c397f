import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forEachLine } from '../../../../../electron/core/archive/zipReader';

describe('forEachLine', () => {
  it('splits UTF-8 lines across chunk boundaries (Arabic cut mid-character), numbers them, keeps a last line without newline', async () => {
    const text = 'السطر الأول\r\nالسطر الثاني\n\nالأخير';
    const bytes = Buffer.from(text, 'utf8');
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5, 23), bytes.subarray(23)];
    const lines: [number, string][] = [];
    let seen = 0;
    const count = await forEachLine(Readable.from(chunks), (line, number) => void lines.push([number, line]), (chunk) => void (seen += chunk.length));
    expect(lines).toEqual([[1, 'السطر الأول'], [2, 'السطر الثاني'], [3, ''], [4, 'الأخير']]);
    expect(count).toBe(4);
    expect(seen).toBe(bytes.length);
  });

  it('refuses a line longer than the limit instead of holding it in memory', async () => {
    const stream = Readable.from([Buffer.from('{"title":"قصير"}\n'), Buffer.from('x'.repeat(300))]);
    await expect(forEachLine(stream, () => undefined, undefined, 100)).rejects.toThrow(/Line 2 is longer than/);
  });
});

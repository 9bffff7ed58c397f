import { describe, expect, it } from 'vitest';
import { formatTags, parseTags } from '../../../../../renderer/features/metadata/tags';
import { retryDelayMs } from '../../../../../renderer/features/save/retryDelay';

describe('tags typed in the metadata panel', () => {
  it('does split on Arabic and Latin commas and drop blanks and repeats', () => {
    expect(parseTags('سياسة، اقتصاد, رياضة،  ، سياسة')).toEqual(['سياسة', 'اقتصاد', 'رياضة']);
  });

  it('does join tags with the Arabic comma when the interface is Arabic', () => {
    expect(formatTags(['سياسة', 'اقتصاد'], 'ar')).toBe('سياسة، اقتصاد');
    expect(formatTags(['politics', 'economy'], 'en')).toBe('politics, economy');
  });
});

describe('save retry delays', () => {
  it('does wait 1, 2, 4, 8 seconds and then at most 15 seconds between retries', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((attempt) => retryDelayMs(attempt))).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });
});

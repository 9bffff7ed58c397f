import { describe, expect, it } from 'vitest';
import { boilerplateLines } from '../../../../../renderer/features/settings/boilerplateLines';

describe('paste boilerplate list from the settings textarea', () => {
  it('does keep one entry a line, trimmed, without blank lines or repeats', () => {
    expect(boilerplateLines('  إرسال تعليق \r\n\n أحدث أقدم\nإرسال تعليق\n   \nShare this article')).toEqual(['إرسال تعليق', 'أحدث أقدم', 'Share this article']);
  });

  it('does keep within the limits the core accepts (200 characters an entry, 500 entries)', () => {
    const long = 'ا'.repeat(250);
    expect(boilerplateLines(long)[0]).toHaveLength(200);
    const many = Array.from({ length: 600 }, (_, index) => `سطر ${index}`).join('\n');
    expect(boilerplateLines(many)).toHaveLength(500);
    expect(boilerplateLines('')).toEqual([]);
  });
});

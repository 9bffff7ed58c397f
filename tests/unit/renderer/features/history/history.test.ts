import { describe, expect, it } from 'vitest';
import { diffSegments, NON_JOINER } from '../../../../../renderer/features/history/diffSegments';
import { reasonKey } from '../../../../../renderer/features/history/historyView';

describe('history', () => {
  it('does keep a deleted Arabic word and its replacement from joining into one', () => {
    const segments = diffSegments([
      { kind: 'equal', text: 'شبكة ' },
      { kind: 'delete', text: 'الحافلت' },
      { kind: 'insert', text: 'الحافلات' },
      { kind: 'equal', text: ' العامة' },
    ]);
    expect(segments.map((part) => part.text)).toEqual(['شبكة ', 'الحافلت', `${NON_JOINER}الحافلات`, ' العامة']);
    expect(segments.map((part) => part.kind)).toEqual(['equal', 'delete', 'insert', 'equal']);
  });

  it('does add nothing where a space already separates the parts', () => {
    const parts = [
      { kind: 'equal' as const, text: 'قال ' },
      { kind: 'insert' as const, text: 'رئيس المجلس ' },
      { kind: 'equal' as const, text: 'إن' },
    ];
    expect(diffSegments(parts)).toEqual(parts);
  });

  it('does name the known reasons for a revision and leave others as stored', () => {
    for (const reason of ['autosave', 'manual', 'submit', 'approve', 'restore']) expect(reasonKey(reason)).toBe(`history.reasons.${reason}`);
    expect(reasonKey('import')).toBeNull();
  });
});

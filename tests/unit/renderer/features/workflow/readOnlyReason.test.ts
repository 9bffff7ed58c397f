import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../../shared/domain/article';
import { readOnlyReason } from '../../../../../renderer/features/workflow/readOnlyReason';
import { fromLocalInput, nextHour, toLocalInput } from '../../../../../renderer/features/workflow/localDateTime';

type Subject = Parameters<typeof readOnlyReason>[0];
const article = (patch: Partial<Subject>): Subject => ({
  permissions: { canEdit: false, actions: [] },
  status: 'draft',
  assigneeName: null,
  authorName: 'سلمى العلوي',
  scheduledAt: null,
  ...patch,
}) as Pick<Article, 'permissions' | 'status' | 'assigneeName' | 'authorName' | 'scheduledAt'>;

describe('why an article is read-only', () => {
  it('does say nothing when the core lets the user edit', () => {
    expect(readOnlyReason(article({ permissions: { canEdit: true, actions: ['submit'] } }))).toBeNull();
  });

  it('does name the reviewer who holds an article in review', () => {
    expect(readOnlyReason(article({ status: 'in_review', assigneeName: 'كريم الحسيني' }))).toEqual({ key: 'in_review', name: 'كريم الحسيني' });
    expect(readOnlyReason(article({ status: 'in_review' }))).toEqual({ key: 'in_reviewNobody' });
  });

  it('does give the publish time of a scheduled approved article', () => {
    expect(readOnlyReason(article({ status: 'approved', scheduledAt: '2026-12-01T08:00:00.000Z' }))).toEqual({ key: 'approvedScheduled', scheduledAt: '2026-12-01T08:00:00.000Z' });
    expect(readOnlyReason(article({ status: 'approved' }))).toEqual({ key: 'approved' });
  });

  it('does name the author of a draft the user may not touch', () => {
    expect(readOnlyReason(article({ status: 'changes_requested' }))).toEqual({ key: 'notOwner', name: 'سلمى العلوي' });
  });

  it('does explain every other state by the state itself', () => {
    for (const status of ['submitted', 'published', 'killed', 'spiked'] as const) expect(readOnlyReason(article({ status }))?.key).toBe(status);
  });
});

describe('datetime-local values', () => {
  it('does round-trip a local time through the input value and ISO 8601', () => {
    const at = new Date(2026, 11, 3, 14, 5);
    expect(toLocalInput(at)).toBe('2026-12-03T14:05');
    expect(fromLocalInput('2026-12-03T14:05')).toBe(at.toISOString());
  });

  it('does give null for an empty or broken value', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('غدًا')).toBeNull();
  });

  it('does propose the next whole hour at least half an hour away', () => {
    expect(toLocalInput(nextHour(new Date(2026, 0, 5, 10, 20)))).toBe('2026-01-05T11:00');
    expect(toLocalInput(nextHour(new Date(2026, 0, 5, 10, 40)))).toBe('2026-01-05T12:00');
  });
});

import { describe, expect, it } from 'vitest';
import { deskListRequestSchema } from '../../../../../shared/ipc/channels/desk';
import { activeFilterCount, dayBoundary, deskListRequest, NO_FILTERS } from '../../../../../renderer/features/desk/deskFilters';

describe('desk filters', () => {
  it('does ask for the view alone when no filter is set', () => {
    expect(deskListRequest('queue', NO_FILTERS)).toEqual({ view: 'queue' });
  });

  it('does send section, author and a whole-day date range that the contract accepts when they are set', () => {
    const request = deskListRequest('all', { query: '  الحافلات ', section: ' محليات ', authorId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', from: '2026-11-01', to: '2026-11-30' });
    expect(request.query).toBe('الحافلات');
    expect(request.section).toBe('محليات');
    expect(request.authorId).toBe('1b4e28ba-2fa1-41d2-883f-0016d3cca427');
    const from = new Date(request.from!);
    const to = new Date(request.to!);
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours(), from.getMinutes()]).toEqual([2026, 10, 1, 0, 0]);
    expect([to.getFullYear(), to.getMonth(), to.getDate(), to.getHours(), to.getMinutes()]).toEqual([2026, 10, 30, 23, 59]);
    expect(deskListRequestSchema.safeParse(request).success).toBe(true);
  });

  it('does leave out a date that is not a yyyy-mm-dd day', () => {
    expect(dayBoundary('', false)).toBeUndefined();
    expect(dayBoundary('30/11/2026', true)).toBeUndefined();
    expect(deskListRequest('mine', { ...NO_FILTERS, from: 'غدًا' })).toEqual({ view: 'mine' });
  });

  it('does count the set filters apart from the search box', () => {
    expect(activeFilterCount({ ...NO_FILTERS, query: 'عنوان' })).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, section: 'رياضة', from: '2026-01-01' })).toBe(2);
    expect(activeFilterCount({ ...NO_FILTERS, section: '   ' })).toBe(0);
  });
});

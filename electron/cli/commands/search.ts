import { articleStatusSchema, type ArticleStatus } from '../../../shared/domain/article';
import type { SearchFilters, SearchHit } from '../../../shared/ipc/channels/search';
import { resolveDataDir } from '../../core/dataDir';
import { cliCall, parseCommand, parseDateOption, usageError, withCore } from '../cliCore';
import { ExitCode, type CliOutput } from '../output';
import { formatTable } from '../table';

const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  status: { type: 'string', multiple: true },
  section: { type: 'string' },
  author: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
} as const;

/**
 * `midad search "QUERY" [--json] [--status S]… [--section S] [--author A] [--from D] [--to D] [--limit N]`:
 * the app's search (same index, same ranking). `--json` prints an array of
 * `{ id, title, rank, status, section, updatedAt, snippet }`, best first, for scripts.
 */
export async function runSearch(output: CliOutput, argv: string[]): Promise<ExitCode> {
  const parsed = parseCommand(output, argv, OPTIONS);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const words = positionals.slice(1);
  if (words.length === 0) return usageError(output, 'search needs a QUERY: midad search "QUERY"', 'يحتاج «search» إلى نص البحث: midad search "QUERY"');
  const query = words.join(' ');
  const statuses: ArticleStatus[] = [];
  for (const status of values.status ?? []) {
    const checked = articleStatusSchema.safeParse(status);
    if (!checked.success) {
      return usageError(
        output,
        `unknown status "${status}"; use one of: ${articleStatusSchema.options.join(', ')}`,
        `حالة غير معروفة «${status}»؛ استعمل إحدى: ${articleStatusSchema.options.join('، ')}`,
      );
    }
    statuses.push(checked.data);
  }
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    return usageError(output, '--limit must be a whole number from 1 to 200', 'يجب أن يكون ‎--limit‎ عددًا صحيحًا من 1 إلى 200');
  }
  const filters: SearchFilters = {};
  if (statuses.length > 0) filters.status = statuses;
  if (values.section) filters.section = values.section;
  if (values.author) filters.author = values.author;
  for (const key of ['from', 'to'] as const) {
    const value = values[key];
    if (value === undefined) continue;
    const bound = parseDateOption(value, key === 'to');
    if (!bound) return usageError(output, `--${key} must be a date (YYYY-MM-DD) or an ISO time`, `يجب أن يكون ‎--${key}‎ تاريخًا (YYYY-MM-DD) أو وقتًا بصيغة ISO`);
    filters[key] = bound;
  }
  const dataDir = resolveDataDir(values['data-dir']);
  return withCore(output, dataDir, async (core) => {
    const result = await cliCall<{ total: number; hits: SearchHit[] }>(core, output, 'search.query', { query, filters, limit });
    if (!result) return ExitCode.PROBLEM;
    if (values.json) {
      const rows = result.hits.map((hit) => ({
        id: hit.id,
        title: hit.title,
        rank: hit.rank,
        status: hit.status,
        section: hit.section,
        updatedAt: hit.updatedAt,
        snippet: hit.snippet,
      }));
      output.out(JSON.stringify(rows, null, 2));
      return ExitCode.OK;
    }
    if (result.hits.length === 0) {
      output.out('No matching articles.');
      output.out('لا توجد مقالات مطابقة.');
      return ExitCode.OK;
    }
    const lines = formatTable(result.hits, [
      { header: 'Title / العنوان', value: (hit) => hit.title || '(untitled / بلا عنوان)', maxWidth: 50 },
      { header: 'Passage / المقطع', value: (hit) => hit.snippet, maxWidth: 60 },
      { header: 'Status', value: (hit) => hit.status },
      { header: 'Rank', value: (hit) => hit.rank.toFixed(2), align: 'right' },
      { header: 'ID', value: (hit) => hit.id },
    ]);
    for (const line of lines) output.out(line);
    const more = result.total > result.hits.length ? ` of ${result.total >= 1000 ? '1000+' : result.total}` : '';
    output.out(`${result.hits.length}${more} article(s)`);
    return ExitCode.OK;
  });
}

import type { ArticleSummary } from '../../../shared/domain/article';
import { articleStatusSchema } from '../../../shared/domain/article';
import { cliCall, withCore } from '../cliCore';
import { ExitCode, type CliOutput } from '../output';
import { formatTable } from '../table';

export interface ArticlesListOptions {
  json: boolean;
  status?: string;
  query?: string;
}

const PAGE_SIZE = 1000;

/** `YYYY-MM-DD HH:MM` in UTC: short, sortable and the same on every machine. */
function shortUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export async function runArticlesList(output: CliOutput, dataDir: string, options: ArticlesListOptions): Promise<ExitCode> {
  if (options.status !== undefined && !articleStatusSchema.safeParse(options.status).success) {
    output.err(`Unknown status "${options.status}". Use one of: ${articleStatusSchema.options.join(', ')}.`);
    output.err(`حالة غير معروفة «${options.status}». استعمل إحدى: ${articleStatusSchema.options.join('، ')}.`);
    return ExitCode.USAGE;
  }
  return withCore(output, dataDir, async (core) => {
    const items: ArticleSummary[] = [];
    for (;;) {
      const page = await cliCall<{ items: ArticleSummary[]; total: number }>(core, output, 'articles.list', {
        query: options.query,
        status: options.status,
        includeSpiked: options.status === 'spiked',
        limit: PAGE_SIZE,
        offset: items.length,
      });
      if (!page) return ExitCode.PROBLEM;
      items.push(...page.items);
      if (page.items.length === 0 || items.length >= page.total) break;
    }
    if (options.json) {
      output.out(JSON.stringify(items, null, 2));
      return ExitCode.OK;
    }
    if (items.length === 0) {
      output.out('No articles.');
      output.out('لا توجد مقالات.');
      return ExitCode.OK;
    }
    const lines = formatTable(items, [
      { header: 'Title / العنوان', value: (item) => item.title || '(untitled / بلا عنوان)', maxWidth: 60 },
      { header: 'Status', value: (item) => item.status },
      { header: 'Words', value: (item) => String(item.wordCount), align: 'right' },
      { header: 'Updated (UTC)', value: (item) => shortUtc(item.updatedAt) },
      { header: 'ID', value: (item) => item.id },
    ]);
    for (const line of lines) output.out(line);
    output.out(`${items.length} article(s)`);
    return ExitCode.OK;
  });
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleSummary } from '../../../shared/domain/article';
import { articleStatusSchema } from '../../../shared/domain/article';
import { Core, DATABASE_FILE_NAME } from '../../core/Core';
import { cliContext } from '../../core/CallContext';
import { dispatch } from '../../core/ipc/dispatch';
import { ExitCode, printProblem, type CliOutput } from '../output';
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
  const file = join(dataDir, DATABASE_FILE_NAME);
  // Listing must not create an empty database in a mistyped folder.
  if (!existsSync(file)) {
    printProblem(output, {
      code: 'DB_MISSING',
      message: `There is no Midad database at ${file}. Check --data-dir or MIDAD_DATA_DIR.`,
      messageAr: `لا توجد قاعدة بيانات مداد في ${file}. تحقّق من ‎--data-dir‎ أو ‎MIDAD_DATA_DIR‎.`,
    });
    return ExitCode.PROBLEM;
  }
  const core = new Core({ dataDir });
  try {
    if (core.databaseError) {
      printProblem(output, core.databaseError);
      return ExitCode.PROBLEM;
    }
    const items: ArticleSummary[] = [];
    for (;;) {
      const result = await dispatch(
        core,
        'articles.list',
        { query: options.query, status: options.status, includeSpiked: options.status === 'spiked', limit: PAGE_SIZE, offset: items.length },
        cliContext(),
      );
      if (!result.ok) {
        printProblem(output, result.error);
        return ExitCode.PROBLEM;
      }
      const page = result.value as { items: ArticleSummary[]; total: number };
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
  } finally {
    core.close();
  }
}

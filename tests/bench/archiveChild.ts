// A child process of the archive benchmark: one export, plain-stream baseline or import, with
// its own peak RSS. Run as: node --import tsx tests/bench/archiveChild.ts <mode> ...
import { createWriteStream, statSync } from 'node:fs';
import { cliContext } from '../../electron/core/CallContext';
import { Core } from '../../electron/core/Core';
import { articlePages, buildRecord } from '../../electron/core/archive/records';

function rssMb(): number {
  // maxRSS is in kilobytes.
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

async function main(): Promise<void> {
  const [mode, dataDir, file] = process.argv.slice(2);
  if (!mode || !dataDir || !file) throw new Error('usage: archiveChild.ts export|plain|import DATA_DIR FILE');
  const core = new Core({ dataDir });
  const ctx = cliContext('bench');
  const started = performance.now();
  let result: Record<string, number>;
  if (mode === 'export') {
    const job = core.open.archive.startExport(ctx, { filters: { dateField: 'created' }, includeRevisions: false, destination: file });
    const done = await core.open.archive.waitForExport(job.id);
    if (done.state !== 'done') throw new Error(`export ${done.state}: ${done.error?.message}`);
    result = { seconds: (performance.now() - started) / 1000, bytes: statSync(file).size, articles: done.done };
  } else if (mode === 'plain') {
    // The baseline: the same records, JSON.stringify'd to one file through a plain write stream.
    const out = createWriteStream(file);
    let articles = 0;
    for (const page of articlePages(core.open.db, { dateField: 'created' })) {
      for (const row of page) {
        const line = `${JSON.stringify(buildRecord(core.open.db, row, false))}\n`;
        if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        articles += 1;
      }
    }
    await new Promise<void>((resolve) => out.end(resolve));
    result = { seconds: (performance.now() - started) / 1000, bytes: statSync(file).size, articles };
  } else if (mode === 'import') {
    const report = await core.open.archive.importFile(ctx, file, { dryRun: false, idPolicy: 'skip' });
    result = { seconds: (performance.now() - started) / 1000, articles: report.counts.created };
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  core.close();
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: rssMb() })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import type { SyncItem } from '../../../shared/ipc/channels/sync';
import { ExitCode, type CliOutput } from '../output';
import { cliCall, usageError, withCore } from '../cliCore';

export interface SyncOptions {
  once: boolean;
  json: boolean;
}

/**
 * `midad sync --once`: sends everything due now (the engine's runOnce, with the secrets the CLI
 * can read), prints a summary and exits 1 when an item failed or met a conflict in this run.
 */
export async function runSync(output: CliOutput, dataDir: string, args: string[], options: SyncOptions): Promise<ExitCode> {
  if (args.length > 0 || !options.once) {
    return usageError(output, 'Use: midad sync --once (the app sends continuously; the CLI sends what is due and exits).', 'الصيغة: ‎midad sync --once‎.');
  }
  return withCore(output, dataDir, async (core) => {
    const startedAt = new Date().toISOString();
    const summary = await core.open.outbox.runOnce();
    const troubled = (await cliCall<{ items: SyncItem[] }>(core, output, 'sync.outbox', { limit: 1000 }))?.items.filter(
      (item) => (item.state === 'failed' || item.state === 'conflict') && (item.lastAttemptAt ?? '') >= startedAt,
    ) ?? [];
    if (options.json) {
      output.out(JSON.stringify({ ...summary, problems: troubled }, null, 2));
    } else {
      output.out(
        `Sent ${summary.processed}: ${summary.published} published, ${summary.unpublished} unpublished, ${summary.retrying} to retry, ${summary.failed} failed, ${summary.conflicts} in conflict${summary.cancelled ? `, ${summary.cancelled} no longer approved` : ''}; ${summary.waiting} waiting. ${summary.online ? 'Online.' : 'Offline: the rest waits.'}`,
      );
      output.out(
        `أُرسل ${summary.processed}: نُشر ${summary.published}، سُحب ${summary.unpublished}، يُعاد ${summary.retrying}، فشل ${summary.failed}، تعارض ${summary.conflicts}؛ ينتظر ${summary.waiting}.`,
      );
      for (const item of troubled) {
        output.err(`${item.state}: "${item.articleTitle}" → ${item.endpointName}: ${item.lastError?.code ?? ''} ${item.lastError?.message ?? ''}`);
        if (item.lastError) output.err(`  ${item.lastError.messageAr}`);
      }
    }
    return summary.failed + summary.conflicts > 0 ? ExitCode.PROBLEM : ExitCode.OK;
  });
}

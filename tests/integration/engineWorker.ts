// A Midad sync engine in its own process, so a test can kill it mid-send (SIGKILL: no clean
// shutdown) and start another on the same data directory. Usage:
//   node --import tsx tests/integration/engineWorker.ts <dataDir>
// Runs passes until nothing waits; its clock jumps forward over back-off waits (the server
// side is real, only the waiting is skipped). Prints one JSON line per pass.
import { Core } from '../../electron/core/Core';
import { nextDueAt } from '../../electron/core/sync/outboxRows';

const dataDir = process.argv[2] ?? '';
if (!dataDir) throw new Error('usage: engineWorker.ts <dataDir>');
async function main(): Promise<void> {
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const core = new Core({ dataDir, clock });
  const { outbox, db } = core.open;
  const recovered = outbox.engine.recoverInterrupted();
  console.log(JSON.stringify({ started: process.pid, recovered }));
  for (let pass = 1; pass < 10_000; pass += 1) {
    const summary = await outbox.runOnce();
    console.log(JSON.stringify({ pass, ...summary }));
    if (summary.waiting === 0) break;
    const due = nextDueAt(db);
    if (due !== null) offsetMs += Math.max(0, Date.parse(due) - clock().getTime());
  }
  core.close();
  console.log(JSON.stringify({ done: true }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

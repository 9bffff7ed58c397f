// Runs one `midad` command from a CLI bundle (path in MIDAD_BENCH_CLI) and prints its time and
// the process's peak RSS as JSON: the archive benchmark measures the real command, not a test runner.
'use strict';
const { main } = require(process.env.MIDAD_BENCH_CLI);

const started = performance.now();
main(process.argv.slice(2), { out: () => {}, err: (line) => process.stderr.write(`${line}\n`) }).then((code) => {
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ code, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  process.exitCode = code;
});

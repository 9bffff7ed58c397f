import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../../electron/core/Core';
import { signBody } from '../../../../electron/core/sync/targets/WebhookTarget';
import { signInAs, tempCore } from '../../../support/tempCore';

const ROOT = resolve(__dirname, '../../../..');
/** A bundle of its own (see users.test.ts): test files run in parallel and must not rebuild each other's. */
const INSTALL = join(ROOT, 'dist/test-cli-sync');
const LAUNCHER = join(INSTALL, 'bin/midad.cjs');
const SECRET = 'shared secret لا يظهر أبدًا 2026';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the built CLI without blocking this process, which serves the webhook receiver meanwhile. */
function midad(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const { MIDAD_DATA_DIR: _ignored, MIDAD_ENDPOINT_SECRET: _secret, ...env } = process.env;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args], { env: { ...env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('error', fail);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

interface Delivery {
  event: string;
  title: string | undefined;
  signed: boolean;
  key: string | undefined;
}

let receiver: Server;
let receiverUrl = '';
const deliveries: Delivery[] = [];
const hanging: import('node:http').ServerResponse[] = [];

beforeAll(async () => {
  mkdirSync(join(INSTALL, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'bin/midad.cjs'), LAUNCHER);
  await build({
    entryPoints: [join(ROOT, 'electron/cli/midad.ts')],
    outfile: join(INSTALL, 'dist/cli/midad.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3'],
  });
  // A webhook receiver that checks signatures, acknowledges with an id, and refuses (403) any article titled "مرفوض".
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = JSON.parse(raw.toString('utf8')) as { event: string; article?: { title: string }; title?: string };
      const signature = Object.entries(request.headers).find(([name]) => name.includes('signature'))?.[1];
      const title = body.article?.title ?? body.title;
      deliveries.push({ event: body.event, title, signed: signature === signBody(SECRET, raw), key: request.headers['idempotency-key'] as string | undefined });
      if (title === 'يتعلق' && !deliveries.slice(0, -1).some((earlier) => earlier.title === 'يتعلق')) {
        // The first delivery of this article is received and then never answered: the sender is killed meanwhile.
        hanging.push(response);
        return;
      }
      if (title === 'مرفوض') {
        response.writeHead(403, { 'content-type': 'application/json' }).end('{"error":"refused"}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `r${deliveries.length}`, url: `https://site.example/${deliveries.length}` }));
    });
  });
  await new Promise<void>((ready) => receiver.listen(0, '127.0.0.1', ready));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
}, 60_000);

afterAll(() => {
  for (const response of hanging) response.destroy();
  return new Promise<void>((closed) => receiver.close(() => closed()));
});

/** A loopback port nothing listens on (a fetch refuses well-known "bad ports" before connecting). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
}

async function deskDataDir(): Promise<string> {
  const { core, dataDir } = tempCore();
  await signInAs(core, 'مديرة التحرير', 'admin');
  core.close();
  return dataDir;
}

/** Approves articles with these titles in the data directory, as the app would. */
async function approve(dataDir: string, titles: string[]): Promise<void> {
  const core = new Core({ dataDir });
  try {
    const { ctx } = await signInAs(core, 'مديرة التحرير', 'admin');
    for (const title of titles) {
      const article = core.open.articles.create(ctx, { title, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `نص ${title}` }] }] } });
      for (const action of ['submit', 'claim', 'approve'] as const) core.open.workflow.act(ctx, { id: article.id, action });
    }
  } finally {
    core.close();
  }
}

describe('midad endpoints', () => {
  it('does add a webhook with the secret from standard input, keep it encrypted in the data directory, and list it without the secret', async () => {
    const dataDir = await deskDataDir();
    const add = await midad(['--data-dir', dataDir, 'endpoints', 'add', 'webhook', '--name', 'الخطاف', '--url', receiverUrl], { input: `${SECRET}\n` });
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(add.stdout).toContain('Added webhook endpoint "الخطاف"');
    expect(add.stdout).not.toContain(SECRET);

    const list = await midad(['--data-dir', dataDir, 'endpoints', 'list', '--json']);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ name: 'الخطاف', kind: 'webhook', url: receiverUrl, hasSecret: true, enabled: true })]);
    expect(list.stdout).not.toContain('secret');
    expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).not.toContain('shared');
    expect(statSync(join(dataDir, 'secrets.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'midad.sqlite')).includes(Buffer.from('shared secret'))).toBe(false);

    const table = await midad(['--data-dir', dataDir, 'endpoints', 'list']);
    expect(table.stdout).toContain('الخطاف');
    expect(table.stdout).toContain('1 endpoint(s)');
  });

  it('does take the secret from MIDAD_ENDPOINT_SECRET, refuse one given as an argument, and need --user for WordPress', async () => {
    const dataDir = await deskDataDir();
    const add = await midad(['--data-dir', dataDir, 'endpoints', 'add', 'webhook', '--name', 'بيئة', '--url', receiverUrl], { env: { MIDAD_ENDPOINT_SECRET: SECRET } });
    expect(add.status).toBe(0);
    const asArgument = await midad(['--data-dir', dataDir, 'endpoints', 'add', 'webhook', '--name', 'وسيط', '--url', receiverUrl, '--secret', SECRET]);
    expect(asArgument.status).toBe(2);
    const noUser = await midad(['--data-dir', dataDir, 'endpoints', 'add', 'wordpress', '--name', 'ووردبريس', '--url', 'http://127.0.0.1:9'], { input: 'x\n' });
    expect(noUser.status).toBe(2);
    expect(noUser.stderr).toContain('--user');
    const noSecret = await midad(['--data-dir', dataDir, 'endpoints', 'add', 'webhook', '--name', 'بلا سر', '--url', receiverUrl]);
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toContain('MIDAD_ENDPOINT_SECRET');
  });

  it('does test an endpoint by name: exit 0 when the receiver answers, 1 when nothing listens', async () => {
    const dataDir = await deskDataDir();
    const closedPort = await freePort();
    await midad(['--data-dir', dataDir, 'endpoints', 'add', 'webhook', '--name', 'يعمل', '--url', receiverUrl], { input: `${SECRET}\n` });
    await midad(['--data-dir', dataDir, 'endpoints', 'add', 'webhook', '--name', 'مغلق', '--url', `http://127.0.0.1:${closedPort}/hook`], { input: `${SECRET}\n` });
    const works = await midad(['--data-dir', dataDir, 'endpoints', 'test', 'يعمل']);
    expect(works.stderr).toBe('');
    expect(works.status).toBe(0);
    const closed = await midad(['--data-dir', dataDir, 'endpoints', 'test', 'مغلق']);
    expect(closed.status).toBe(1);
    expect(closed.stderr).toMatch(/NET_ECONNREFUSED/);
    const unknown = await midad(['--data-dir', dataDir, 'endpoints', 'test', 'لا يوجد']);
    expect(unknown.status).toBe(1);
  });
});

describe('midad sync --once', () => {
  it('does send every approved article with signed deliveries, print a summary and exit 0; exit 1 naming the article that failed', async () => {
    const dataDir = await deskDataDir();
    await midad(['--data-dir', dataDir, 'endpoints', 'add', 'webhook', '--name', 'الخطاف', '--url', receiverUrl], { input: `${SECRET}\n` });
    await approve(dataDir, ['الأول', 'الثاني']);
    const before = deliveries.length;
    const run = await midad(['--data-dir', dataDir, 'sync', '--once']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Sent 2: 2 published');
    const sent = deliveries.slice(before);
    expect(sent.map((delivery) => delivery.title).sort()).toEqual(['الأول', 'الثاني']);
    expect(sent.every((delivery) => delivery.signed && delivery.event === 'publish' && delivery.key)).toBe(true);

    const again = await midad(['--data-dir', dataDir, 'sync', '--once']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Sent 0');
    expect(deliveries.length).toBe(before + 2);

    await approve(dataDir, ['مرفوض', 'الثالث']);
    const failed = await midad(['--data-dir', dataDir, 'sync', '--once']);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('1 published');
    expect(failed.stdout).toContain('1 failed');
    expect(failed.stderr).toContain('failed: "مرفوض" → الخطاف: HTTP_403');

    const core = new Core({ dataDir });
    expect(core.open.outbox.status()).toMatchObject({ failed: 1, queued: 0 });
    expect(core.open.articles.list({ status: 'published' }).total).toBe(3);
    core.close();
  });

  it('does survive being killed mid-send: the next run reconciles the row left in sending and delivers once more with the same Idempotency-Key', async () => {
    const dataDir = await deskDataDir();
    await midad(['--data-dir', dataDir, 'endpoints', 'add', 'webhook', '--name', 'الخطاف', '--url', receiverUrl], { input: `${SECRET}\n` });
    await approve(dataDir, ['يتعلق']);
    const { MIDAD_DATA_DIR: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, [LAUNCHER, '--data-dir', dataDir, 'sync', '--once'], { env, stdio: 'ignore' });
    const before = deliveries.length;
    for (let waited = 0; deliveries.length === before && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deliveries.length).toBe(before + 1);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));

    const stuck = new Core({ dataDir });
    expect(stuck.open.outbox.status()).toMatchObject({ sending: 1 });
    stuck.close();

    const run = await midad(['--data-dir', dataDir, 'sync', '--once']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1 published');
    const mine = deliveries.filter((delivery) => delivery.title === 'يتعلق');
    expect(mine).toHaveLength(2);
    // A receiver that honours Idempotency-Key keeps one copy.
    expect(new Set(mine.map((delivery) => delivery.key)).size).toBe(1);
    const core = new Core({ dataDir });
    expect(core.open.outbox.status()).toMatchObject({ sending: 0, queued: 0, failed: 0 });
    core.close();
  });

  it('does refuse "sync" without --once with exit 2', async () => {
    const dataDir = await deskDataDir();
    expect((await midad(['--data-dir', dataDir, 'sync'])).status).toBe(2);
  });
});

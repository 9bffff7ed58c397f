import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does to one request:
 *  - pass:         forward and relay the answer
 *  - drop-before:  close the client's connection without forwarding (nothing reaches WordPress)
 *  - drop-after:   forward, let WordPress finish (the post exists), then close the client's
 *                  connection instead of answering
 *  - error-500:    answer 500 with an HTML page, without forwarding
 *  - throttle-429: answer 429 with Retry-After, without forwarding
 *  - stall-before: never forward, never answer (the client times out; nothing was done)
 *  - stall-after:  forward, then never answer (the client times out; WordPress did it)
 */
export type Fault = 'pass' | 'drop-before' | 'drop-after' | 'error-500' | 'throttle-429' | 'stall-before' | 'stall-after';

export interface ProxiedRequest {
  method: string;
  path: string;
}

/** A fault-injecting HTTP proxy on 127.0.0.1 in front of one upstream (the real WordPress). */
export class FaultProxy {
  readonly counts = new Map<Fault, number>();
  private readonly sockets = new Set<Socket>();
  private readonly stalled = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly upstream: URL,
    public choose: (request: ProxiedRequest) => Fault,
    readonly retryAfterSeconds: number,
  ) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(upstream: string, choose: (request: ProxiedRequest) => Fault, retryAfterSeconds = 1): Promise<FaultProxy> {
    let self: FaultProxy | null = null;
    const server = createServer((req, res) => self!.handle(req, res));
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new FaultProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, new URL(upstream), choose, retryAfterSeconds);
    return self;
  }

  /** How many requests met each fault, e.g. "pass=812 drop-before=40 …". */
  summary(): string {
    return [...this.counts.entries()].map(([fault, count]) => `${fault}=${count}`).join(' ');
  }

  private count(fault: Fault): void {
    this.counts.set(fault, (this.counts.get(fault) ?? 0) + 1);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const fault = this.choose({ method: req.method ?? 'GET', path: req.url ?? '/' });
      this.count(fault);
      const body = Buffer.concat(chunks);
      switch (fault) {
        case 'drop-before':
          req.socket.destroy();
          return;
        case 'error-500':
          res.writeHead(500, { 'content-type': 'text/html; charset=UTF-8' });
          res.end('<!DOCTYPE html><html><body><h1>Internal Server Error</h1></body></html>');
          return;
        case 'throttle-429':
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(this.retryAfterSeconds) });
          res.end('{"code":"too_many_requests","message":"Slow down"}');
          return;
        case 'stall-before':
          this.stalled.add(res);
          return;
        default:
          this.forward(req, body, res, fault);
      }
    });
  }

  private forward(req: IncomingMessage, body: Buffer, res: ServerResponse, fault: Fault): void {
    const headers = { ...req.headers, host: this.upstream.host, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    delete headers.connection;
    const upstream = httpRequest(
      { host: this.upstream.hostname, port: this.upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          if (fault === 'drop-after') {
            req.socket.destroy();
            return;
          }
          if (fault === 'stall-after') {
            this.stalled.add(res);
            return;
          }
          const out = { ...answer.headers };
          delete out['transfer-encoding'];
          delete out.connection;
          res.writeHead(answer.statusCode ?? 502, { ...out, 'content-length': String(Buffer.concat(parts).length) });
          res.end(Buffer.concat(parts));
        });
      },
    );
    upstream.on('error', () => req.socket.destroy());
    upstream.end(body);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// Shared by the runtime tests: both express versions, and a real server on 127.0.0.1:0.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import express4 from 'express4';
import express416 from 'express416';
import { after, before, beforeEach } from 'node:test';
import type { Request, Response } from 'express';
import { legacy, resetViolations, setLogger, typed, type Logger } from '../../compat/index.js';

export type ExpressModule = typeof express;

/** Every behaviour test runs once per entry: Express 5, the newest 4, and the oldest 4 the peer range allows. */
export const VERSIONS: ReadonlyArray<readonly [name: string, impl: ExpressModule]> = [
  ['express 5', express],
  ['express 4', express4],
  ['express 4.16', express416 as unknown as ExpressModule],
];

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export async function listen(app: (req: any, res: any) => void): Promise<Listening> {
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Captures the runtime's log lines for the duration of a test file. */
export function captureLog(): { warnings: string[]; errors: string[]; restore(): void } {
  const warnings: string[] = [];
  const errors: string[] = [];
  const logger: Logger = { warn: (m) => void warnings.push(m), error: (m) => void errors.push(m) };
  const previous = setLogger(logger);
  return { warnings, errors, restore: () => void setLogger(previous) };
}

/**
 * One server for the tests of a describe block: `build()` makes the app before them (the log captured, so
 * a test can read what the runtime logged), violations are reset before each test, and the server is closed
 * and the logger restored after them. The returned getter gives the live server and its log.
 */
export function servedPerSuite(build: () => (req: any, res: any) => void): () => { srv: Listening; log: ReturnType<typeof captureLog> } {
  let served: { srv: Listening; log: ReturnType<typeof captureLog> } | undefined;
  before(async () => {
    const log = captureLog();
    served = { log, srv: await listen(build()) };
  });
  beforeEach(() => resetViolations());
  after(async () => {
    served?.log.restore();
    await served?.srv.close();
  });
  return () => served!;
}

/**
 * An old app and its migrated twin, served side by side for the tests of a describe block (built before them, the
 * runtime's log captured, both closed after them): what a wire comparison test needs.
 */
export function oldAndMigratedPerSuite(build: () => [old: (req: any, res: any) => void, migrated: (req: any, res: any) => void]): () => { old: Listening; migrated: Listening } {
  let served: { old: Listening; migrated: Listening } | undefined;
  let log: ReturnType<typeof captureLog> | undefined;
  before(async () => {
    log = captureLog();
    const [old, migrated] = build();
    const [o, m] = await Promise.all([listen(old), listen(migrated)]);
    served = { old: o, migrated: m };
  });
  after(async () => {
    log?.restore();
    await Promise.all([served?.old.close(), served?.migrated.close()]);
  });
  return () => served!;
}

/** One old send and the reply MA003 writes for it, served at `/<index>/:id` of each app. */
export type SendCase = [name: string, old: (req: Request, res: Response) => unknown, typed: (ctx: { req: Request; res: Response }) => unknown];

/**
 * Each case's old send beside its typed reply, per describe block: the old route as the mode serves it (report: plain
 * express on the wire; enforce: the route kept legacy() with its spec, what a default migration left it as), the
 * migrated one as a typed handler with the same `responses`.
 */
export function oldSendsAndTypedReplies(impl: () => unknown, validation: 'report' | 'enforce', responses: Record<number, unknown>, cases: SendCase[]): () => { old: Listening; migrated: Listening } {
  return oldAndMigratedPerSuite(() => {
    const old = (validation === 'report' ? impl() : typed(impl() as any, { validation, docs: false } as never)) as any;
    const app = typed(impl() as any, { validation, docs: false } as never) as any;
    cases.forEach(([, send, typedSend], i) => {
      if (validation === 'report') old.get(`/${i}/:id`, (req: Request, res: Response) => { send(req, res); });
      else old.get(`/${i}/:id`, { responses }, legacy((req: Request, res: Response) => { send(req, res); }));
      app.get(`/${i}/:id`, { responses }, async (_input: unknown, ctx: { req: Request; res: Response }) => typedSend(ctx));
    });
    return [old, app];
  });
}

/** What went over the wire: the status, the raw header list in order (Date left out, it moves) and the bytes. */
export interface WireAnswer { status: number; headers: string[]; body: string }

/** A request whose answer is compared old vs migrated byte for byte (WireAnswer). */
export function fetchWire(url: string, method = 'GET', headers: Record<string, string> = {}): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => {
        const raw = res.rawHeaders.filter((_, i, all) => !(i % 2 === 0 ? all[i] === 'Date' : all[i - 1] === 'Date'));
        resolve({ status: res.statusCode!, headers: raw, body });
      });
    }).on('error', reject).end();
  });
}

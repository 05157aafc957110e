// In-process requests, no kernel: express's app(req, res) called on node's own IncomingMessage /
// ServerResponse over a socket that drops what it is given, so only the server's user-space work per
// request is measured (body parsing, routing, validation, JSON, headers; not the socket syscalls).
// One app per process (APP=raw|m5), batches of BATCH requests, CPU us per request of each batch.
// COMPAT=dir loads compat/ from another checkout (before/after side by side). For attribution rather than
// timing: PROF=file (CPU profile of the measured batches only) and ALLOC=file (V8's sampling heap profile,
// collected objects kept: where a request allocates). Its timings are as noisy as the machine; use cpu.ts.
// Run: cd bench && APP=m5 SCENARIO='POST valid' node --import tsx runtime/inproc.ts
import { IncomingMessage, ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { SCENARIOS, stored, publicUser, schemas } from './data.js';

const APP = process.env.APP ?? 'm5';
const BATCH = Number(process.env.BATCH ?? 5000);
const BATCHES = Number(process.env.BATCHES ?? 12);
const WARM = Number(process.env.WARM ?? 20000);
const sc = SCENARIOS.find((s) => s.name === (process.env.SCENARIO ?? 'POST valid'))!;

async function buildApp(): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  if (APP === 'raw') {
    const app = express();
    app.use(express.json());
    app.get('/users/:id', (req, res) => { res.json(publicUser(Number(req.params.id))); });
    app.post('/users', (req, res) => { res.status(201).json({ ...req.body, id: stored.id }); });
    return app as never;
  }
  const compatDir = process.env.COMPAT ? pathToFileURL(process.env.COMPAT + '/').href : new URL('../../compat/', import.meta.url).href;
  const { createApp } = await import(compatDir + 'index.ts');
  const { z } = await import(new URL('../../node_modules/zod/index.js', import.meta.url).href);
  const { NewUser, User, Params } = schemas(z);
  const app = createApp({ title: 'bench', docs: false, validation: 'enforce' });
  app.use(express.json());
  app.get('/users/:id', { params: Params, responses: { 200: User } }, async ({ params }: any) => ({ ...stored, id: params.id }));
  app.post('/users', { body: NewUser, status: 201, responses: { 201: User } }, async ({ body }: any) => ({ ...body, id: stored.id }));
  return app;
}

class NullSocket extends Duplex {
  _read(): void {}
  _write(_c: unknown, _e: unknown, cb: () => void): void { cb(); }
  _writev(_c: unknown, cb: () => void): void { cb(); }
}

const app = await buildApp();
const opts = sc.opts as { method: string; headers?: Record<string, string>; body?: string };
const bodyBuf = opts.body ? Buffer.from(opts.body) : undefined;
const headers: Record<string, string> = { host: '127.0.0.1', connection: 'keep-alive', ...(opts.headers ?? {}) };
if (bodyBuf) headers['content-length'] = String(bodyBuf.length);
const socket = new NullSocket();

function one(): Promise<number> {
  const req = new IncomingMessage(socket as never);
  req.method = opts.method;
  req.url = sc.path;
  req.headers = { ...headers };
  req.complete = true;
  req.httpVersionMajor = 1; req.httpVersionMinor = 1; req.httpVersion = '1.1';
  if (bodyBuf) req.push(bodyBuf);
  req.push(null);
  const res = new ServerResponse(req);
  res.assignSocket(socket as never);
  return new Promise((resolve) => {
    res.once('finish', () => { res.detachSocket(socket as never); resolve(res.statusCode); });
    app(req, res);
  });
}

const first = await one();
for (let i = 0; i < WARM; i++) await one();
// ALLOC=file: where the measured requests allocate (V8's sampling heap profiler, collected objects kept).
let session: import('node:inspector').Session | undefined;
if (process.env.ALLOC) {
  const { Session } = await import('node:inspector');
  session = new Session();
  session.connect();
  const post = (m: string, p?: object) => new Promise<any>((ok, no) => session!.post(m, p ?? {}, (e, r) => (e ? no(e) : ok(r))));
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  (globalThis as any).stopAlloc = async () => {
    const { profile } = await post('HeapProfiler.stopSampling');
    (await import('node:fs')).writeFileSync(process.env.ALLOC!, JSON.stringify(profile));
  };
}
// PROF=file: a CPU profile of the measured batches only (no startup, no warm-up).
if (process.env.PROF) {
  const { Session } = await import('node:inspector');
  const prof = new Session();
  prof.connect();
  const post = (m: string, p?: object) => new Promise<any>((ok, no) => prof.post(m, p ?? {}, (e, r) => (e ? no(e) : ok(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  (globalThis as any).stopProf = async () => {
    const { profile } = await post('Profiler.stop');
    (await import('node:fs')).writeFileSync(process.env.PROF!, JSON.stringify(profile));
  };
}
const per: number[] = [];
for (let b = 0; b < BATCHES; b++) {
  const t = process.cpuUsage();
  for (let i = 0; i < BATCH; i++) await one();
  const d = process.cpuUsage(t);
  per.push((d.user + d.system) / BATCH);
}
if (session) await (globalThis as any).stopAlloc();
if (process.env.PROF) await (globalThis as any).stopProf();
const sorted = [...per].sort((a, b) => a - b);
console.log(JSON.stringify({ app: APP, compat: process.env.COMPAT ?? 'here', scenario: sc.name, status: first, min: sorted[0], median: sorted[sorted.length >> 1], per: per.map((x) => +x.toFixed(2)) }));

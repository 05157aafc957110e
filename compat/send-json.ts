// sendJsonBody(res, status, body): what res.status(status).json(body) answers (status, headers in
// the same order, bytes, ETag, 304 and HEAD behaviour, Express 4 and 5), without res.json's detours:
// res.send re-parses the Content-Type res.json just set (content-type parse + format, a mime lookup),
// copies the JSON text into a Buffer and hashes it through a crypto Hash object for the ETag. On the
// common request (no conditional headers, no json settings, no preset Content-Type, res.json/send
// not wrapped) the text is hashed in one call and written as is; anything else goes through
// res.json unchanged, so rare cases keep express's own code. Hand-written because express exposes
// no lower-level sender; test/compat/send-json.test.ts compares both on the wire.
import { createHash, hash as oneShotHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { read } from './fresh-read.js';

const JSON_TYPE = 'application/json; charset=utf-8';

type ETagKind = 'weak' | 'strong' | 'other';
const etagKinds = new WeakMap<object, ETagKind>();

// node:crypto's hash() (Node >= 20.12) skips the Hash object; the same sha1, the same base64.
const sha1Base64: (text: string) => string =
  typeof oneShotHash === 'function'
    ? (text) => oneShotHash('sha1', text, 'base64')
    : (text) => createHash('sha1').update(text, 'utf8').digest('base64');

/** What the `etag` package (express's ETag generator) makes of a non-empty UTF-8 text. */
function entityTag(text: string, byteLength: number, weak: boolean): string {
  const tag = `"${byteLength.toString(16)}-${sha1Base64(text).substring(0, 27)}"`;
  return weak ? `W/${tag}` : tag;
}

/**
 * Which generator `app.get('etag fn')` is: express's own weak or strong one (then computed here,
 * byte for byte the same), or an app's custom function (then called as express calls it). Express
 * compiles `etag: true | 'weak' | 'strong'` to its internal `generateETag`; that function is checked
 * once against a probe, never a custom one.
 */
function etagKindOf(fn: (body: Buffer, encoding?: string) => string | undefined, setting: unknown): ETagKind {
  let kind = etagKinds.get(fn);
  if (kind) return kind;
  kind = 'other';
  if (fn.name === 'generateETag' && (setting === true || setting === 'weak' || setting === 'strong')) {
    const probe = '{"probe":true}';
    const got = fn(Buffer.from(probe, 'utf8'), undefined);
    const len = Buffer.byteLength(probe);
    if (got === entityTag(probe, len, true)) kind = 'weak';
    else if (got === entityTag(probe, len, false)) kind = 'strong';
  }
  etagKinds.set(fn, kind);
  return kind;
}

const stockMethods = new WeakMap<object, readonly [json: unknown, send: unknown]>();

/**
 * express's own res.json and res.send for this response's prototype chain (the deepest definition):
 * an app or middleware that wrapped either (response logging, say) must keep seeing every JSON body,
 * so a wrapped res goes through res.json.
 */
function isStock(res: Response): boolean {
  const proto = Object.getPrototypeOf(res) as object;
  let stock = stockMethods.get(proto);
  if (!stock) {
    let json: unknown;
    let send: unknown;
    for (let o: Record<string, unknown> | null = proto as Record<string, unknown>; o; o = Object.getPrototypeOf(o)) {
      if (Object.hasOwn(o, 'json')) json = o.json;
      if (Object.hasOwn(o, 'send')) send = o.send;
    }
    stock = [json, send];
    stockMethods.set(proto, stock);
  }
  return read(res, 'json') === stock[0] && read(res, 'send') === stock[1];
}

/** res.status(status).json(body), answered directly when nothing about the request needs express's general path.
 *  res's methods are looked up once each through read() (fresh-read.ts) and called on res, as `res.x(...)` is. */
export function sendJsonBody(res: Response, status: number, body: unknown): void {
  read(res, 'status').call(res, status);
  const req: Request | undefined = read(res, 'req');
  const settings = (read(res, 'app') as { settings?: Record<string, unknown> } | undefined)?.settings;
  if (!settings || !req || read(req, 'method') === 'HEAD' || !isStock(res) || status === 204 || status === 205 || status === 304 ||
    settings['json replacer'] !== undefined || settings['json spaces'] !== undefined || settings['json escape']) {
    res.json(body);
    return;
  }
  const getHeader: Response['getHeader'] = read(res, 'getHeader');
  const headers: Request['headers'] = read(req, 'headers');
  if (
    getHeader.call(res, 'Content-Type') !== undefined || getHeader.call(res, 'Transfer-Encoding') !== undefined ||
    headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined
  ) {
    res.json(body);
    return;
  }
  const text = JSON.stringify(body);
  if (typeof text !== 'string') {
    // undefined, a function, a symbol: express's own handling (it sends an empty body).
    res.json(body);
    return;
  }
  const length = Buffer.byteLength(text, 'utf8');
  const setHeader: Response['setHeader'] = read(res, 'setHeader');
  setHeader.call(res, 'Content-Type', JSON_TYPE);
  setHeader.call(res, 'Content-Length', String(length));
  const etagFn = settings['etag fn'];
  if (typeof etagFn === 'function' && !getHeader.call(res, 'ETag')) {
    const kind = etagKindOf(etagFn as (body: Buffer) => string | undefined, settings.etag);
    const etag = kind === 'other' ? (etagFn as (b: Buffer, e?: string) => string | undefined)(Buffer.from(text, 'utf8'), undefined) : entityTag(text, length, kind === 'weak');
    if (etag) setHeader.call(res, 'ETag', etag);
  }
  read(res, 'end').call(res, text, 'utf8');
}

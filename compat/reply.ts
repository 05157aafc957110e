// reply(status, body, headers?): what a typed handler returns when 200/spec.status is not the answer.
// Branded with a registry symbol, not checked with instanceof: an app that loads both the ESM and the
// CommonJS build (dual package) has two Reply classes, and both must be understood.
import { read } from './fresh-read.js';

const REPLY = Symbol.for('migrate-api.reply');

const RAW = Symbol.for('migrate-api.raw-header');

/** A header value a reply sets exactly as given (see rawHeader). */
export interface RawHeader {
  readonly [RAW]: true;
  readonly value: string | number | readonly string[];
}

/**
 * `reply(201, order, { Location: rawHeader(url) })`: the header set as `res.set('Location', url)` sets it. A reply's
 * Location is otherwise set as `res.location(url)` does, percent-encoding it (the codemod folds res.location() calls
 * into replies); an app that set it with res.set sent it unencoded, and keeps sending the same bytes.
 */
export function rawHeader(value: string | number | readonly string[]): RawHeader {
  return { [RAW]: true, value };
}

export function isRawHeader(value: unknown): value is RawHeader {
  return typeof value === 'object' && value !== null && (value as { [RAW]?: boolean })[RAW] === true;
}

export type ReplyHeaders = Record<string, string | number | readonly string[] | RawHeader>;

/**
 * How the body goes on the wire: as JSON (reply), or through express's own res.send / res.sendStatus, so a
 * handler the codemod rewrote answers byte for byte what its `res.send('text')` or `res.sendStatus(404)` did
 * (text/html or text/plain, express's status text, its ETag). `end`: no body at all, `res.status(n).end()`
 * (`reply(n)`, replyEnd). `emptyJson`: `res.status(n).json()` called with no argument (replyEmptyJson): a JSON
 * Content-Type and no bytes. `sent`: the handler already answered through res itself (reply-computed.ts): nothing
 * more goes out.
 */
export type ReplyVia = 'json' | 'send' | 'sendStatus' | 'end' | 'emptyJson' | 'sent';

// The status is a type parameter so a typed handler's reply(404, body) is checked against responses[404].
export class Reply<B = unknown, N extends number = number> {
  readonly [REPLY] = true;
  constructor(
    readonly status: N,
    readonly body: B,
    readonly headers?: ReplyHeaders,
    readonly via: ReplyVia = 'json',
  ) {}
}

/** Headers are set as express's `res.set` sets them (a `Location` as `res.location` does): the same bytes as
 *  the `res.set(...)`/`res.location(...)` calls the codemod folds into a reply.
 *  `reply(n)` answers no body (`res.status(n).end()`). Given a body argument, the reply is `res.status(n).json(body)`
 *  even when that value turns out undefined at run time (`reply(200, map.get(id))`): a Content-Type and an empty
 *  body, as the res.json call the codemod rewrote answered, not the bare end of `reply(n)`. */
export function reply<const N extends number, B = undefined>(status: N, body?: B, headers?: ReplyHeaders): Reply<B, N> {
  // The argument count, not the value, says which: the value is only known at run time.
  return new Reply(status, body as B, headers, arguments.length < 2 ? 'end' : 'json');
}

/** `res.set(...); res.status(n).end()`: no body, with headers (`reply(n, undefined, headers)` is a JSON reply). */
export function replyEnd<const N extends number>(status: N, headers?: ReplyHeaders): Reply<undefined, N> {
  return new Reply(status, undefined, headers, 'end');
}

/**
 * `res.status(status).send(body)` as express answers it (a string as text/html, a Buffer as octet-stream, an
 * object as JSON). The body is not typed against the route's responses: only a JSON body is checked, at run time.
 */
export function replySend<const N extends number>(status: N, body?: unknown, headers?: ReplyHeaders): Reply<never, N> {
  return new Reply(status, body as never, headers, 'send');
}

/** `res.sendStatus(status)`: express's status text as text/plain. */
export function replyStatus<const N extends number>(status: N, headers?: ReplyHeaders): Reply<never, N> {
  return new Reply(status, undefined as never, headers, 'sendStatus');
}

/**
 * `res.status(n).json()` with no argument, as the old handler wrote it (a `routecheck` probe, a bare 400): the runtime
 * makes that very call, so express answers what it did, on Express 4 and 5 alike: the status, `Content-Type:
 * application/json; charset=utf-8`, `Content-Length: 0`, no bytes (204/304 and HEAD as express strips them).
 * Nothing is checked against the status's schema, in report or enforce: no body was sent, and legacy() does not check
 * a `res.json()` without an argument either, so migrating such a handler changes no count and no answer. `reply(n)`
 * sends no Content-Type; `reply(n, undefined)` is a JSON reply whose undefined body is checked like any value.
 */
export function replyEmptyJson<const N extends number>(status: N, headers?: ReplyHeaders): Reply<undefined, N> {
  return new Reply(status, undefined, headers, 'emptyJson');
}

/** The brand read through read() (fresh-read.ts): a handler's plain-object answer (`{ ...row, id }`) has a hidden
 *  class of its own on every request, and V8's property cache misses on each. */
export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && read(value, REPLY) === true;
}

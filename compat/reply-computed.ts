// replyWith(res.status(code), body): what a typed handler returns where the old code answered with a status
// computed at run time (`res.status(result.status).json(result.body)`), answering exactly what that code did.
//
// The status goes through the app's own express, where the old code set it: `res.status(code)` is still the
// handler's own call, so Express 5 throws its TypeError/RangeError for `undefined`, `'404'`, 99 or 1000 in the
// same place, before the body is evaluated, inside the same try block. Express 4 takes any value there and
// fails (or answers) only when node writes the head; such a status is answered in place, through the same
// express call the old code made (res.json / res.send / res.end / res.sendStatus), so the same error is thrown
// from the same statement with the same headers already set (the failed body's ETag stays for the next send,
// as before). A status both express versions and node accept (an integer from 100 to 999) is returned as a
// Reply, which the runtime sends, checks (report) or shapes (enforce) like any other.
import { Reply } from './reply.js';

/** The response after `.status(code)`: express's Response, typed structurally so any express version fits. */
export interface StatusedResponse {
  statusCode: unknown;
  json(body?: unknown): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
}

/** What express 5's res.status accepts and node's writeHead sends as given, so the send may wait for the runtime. */
function plainStatus(code: unknown): code is number {
  return typeof code === 'number' && Number.isInteger(code) && code >= 100 && code <= 999;
}

/** Already answered through res: the runtime has nothing more to send (res.headersSent alone is not enough
 *  where an app's own res.json wrapper sends later). */
function answered(): Reply<never, number> {
  return new Reply(0, undefined as never, undefined, 'sent');
}

/**
 * `res.status(code).json(body)` -> `replyWith(res.status(code), body)`; `res.status(code).end()` ->
 * `replyWith(res.status(code))`. A body undefined at run time is a JSON reply like reply(n, x)'s: the runtime answers
 * it as res.json(undefined) did (a Content-Type and no body).
 */
export function replyWith<B>(res: StatusedResponse, ...body: [] | [B]): Reply<B, number> {
  const code = res.statusCode;
  if (body.length === 0) {
    if (plainStatus(code)) return new Reply(code, undefined as B, undefined, 'end');
    res.end();
    return answered();
  }
  if (plainStatus(code)) return new Reply(code, body[0]);
  res.json(body[0]);
  return answered();
}

/** `res.status(code).send(body)` -> `replySendWith(res.status(code), body)`, answered by express's res.send. */
export function replySendWith(res: StatusedResponse, body?: unknown): Reply<never, number> {
  const code = res.statusCode;
  if (plainStatus(code)) return new Reply(code, body as never, undefined, 'send');
  res.send(body);
  return answered();
}

/** `res.sendStatus(code)` -> `replyStatusWith(res, code)`. Express 4's sendStatus never calls res.status and
 *  Express 5's throws in it: anything but a plain status is that very call, in place. */
export function replyStatusWith(res: StatusedResponse & { sendStatus(code: unknown): unknown }, code: unknown): Reply<never, number> {
  if (plainStatus(code)) return new Reply(code, undefined as never, undefined, 'sendStatus');
  res.sendStatus(code);
  return answered();
}

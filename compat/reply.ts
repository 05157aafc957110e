// reply(status, body, headers?): what a typed handler returns when 200/spec.status is not the answer.
// Branded with a registry symbol, not checked with instanceof: an app that loads both the ESM and the
// CommonJS build (dual package) has two Reply classes, and both must be understood.
const REPLY = Symbol.for('migrate-api.reply');

export class Reply<B = unknown> {
  readonly [REPLY] = true;
  constructor(
    readonly status: number,
    readonly body: B,
    readonly headers?: Record<string, string | number | readonly string[]>,
  ) {}
}

export function reply<B>(status: number, body?: B, headers?: Record<string, string | number | readonly string[]>): Reply<B> {
  return new Reply(status, body as B, headers);
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && (value as { [REPLY]?: boolean })[REPLY] === true;
}

// reply(status, body, headers?): what a typed handler returns when 200/spec.status is not the answer.
// Branded with a registry symbol, not checked with instanceof: an app that loads both the ESM and the
// CommonJS build (dual package) has two Reply classes, and both must be understood.
const REPLY = Symbol.for('migrate-api.reply');

// The status is a type parameter so a typed handler's reply(404, body) is checked against responses[404].
export class Reply<B = unknown, N extends number = number> {
  readonly [REPLY] = true;
  constructor(
    readonly status: N,
    readonly body: B,
    readonly headers?: Record<string, string | number | readonly string[]>,
  ) {}
}

export function reply<const N extends number, B = undefined>(status: N, body?: B, headers?: Record<string, string | number | readonly string[]>): Reply<B, N> {
  return new Reply(status, body as B, headers);
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && (value as { [REPLY]?: boolean })[REPLY] === true;
}

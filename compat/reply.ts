// reply(status, body, headers?): what a typed handler returns when 200/spec.status is not the answer.
export class Reply<B = unknown> {
  constructor(
    readonly status: number,
    readonly body: B,
    readonly headers?: Record<string, string | number | readonly string[]>,
  ) {}
}

export function reply<B>(status: number, body?: B, headers?: Record<string, string | number | readonly string[]>): Reply<B> {
  return new Reply(status, body as B, headers);
}

// Where the time of one request goes inside the runtime, without HTTP: zod on the valid and the
// invalid body, the response schema on the stored user, the 422 body. Min of 7 batches (the least
// disturbed by whatever else the machine runs). Run: node --import tsx runtime/micro.ts
import { RequestValidationError, pushIssues, type ErrorDetail } from '../../compat/validation-error.js';
import { schemas, stored, validBody, invalidBody } from './data.js';

// The repo's own zod (the one compat/ loads), not bench/node_modules' older copy.
const { z } = await import(new URL('../../node_modules/zod/index.js', import.meta.url).href);
const { NewUser, User } = schemas(z);
const core = z.core;

function measure(name: string, fn: () => unknown, n = 20000): string {
  for (let i = 0; i < 2000; i++) fn();
  let best = Infinity;
  for (let b = 0; b < 7; b++) {
    const t = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / n);
  }
  return `| ${name} | ${best.toFixed(2)} |`;
}

const rows = [
  measure('NewUser.safeParse(valid body)', () => NewUser.safeParse(validBody)),
  measure('User.safeParse(stored user) (strips password)', () => User.safeParse(stored)),
  measure('NewUser.safeParse(invalid body) (5 issues, ZodError)', () => NewUser.safeParse(invalidBody), 5000),
  measure('NewUser.safeParse(invalid body) + reading error.issues', () => {
    const r = NewUser.safeParse(invalidBody);
    return r.success ? 0 : r.error.issues.length;
  }, 5000),
  measure('invalid body: safeParse + 422 detail[] + JSON.stringify', () => {
    const r = NewUser.safeParse(invalidBody);
    const detail: ErrorDetail[] = [];
    if (!r.success) pushIssues(detail, 'body', r.error.issues);
    return JSON.stringify({ detail: new RequestValidationError(detail).detail });
  }, 5000),
  // The cheaper path: zod's own run() collects raw issues without building a ZodError (no Error
  // object, no stack trace); messages are finalized only for the issues we send.
  measure('invalid body: _zod.run + finalizeIssue per issue (no ZodError)', () => {
    const payload = NewUser._zod.run({ value: invalidBody, issues: [] }, {});
    const cfg = core.config();
    return payload.issues.map((iss: any) => core.util.finalizeIssue(iss, {}, cfg));
  }, 5000),
  measure('new Error() (stack capture alone)', () => new Error('x'), 5000),
  measure('JSON.stringify(valid body)', () => JSON.stringify(validBody)),
];
console.log(['| step | CPU us (min of 7 batches) |', '|---|---:|', ...rows].join('\n'));

// `readOnlyChecked(check)`: OpenAPI says a readOnly property is not part of a request, so a request
// schema leaves it out and zod strips it from the parsed value; one sent anyway is still checked
// against its own schema (a bad `id` is refused, as any JSON Schema validator refuses it). A migrated
// route file writes `z.preprocess(readOnlyChecked(z.object({ id: ... })), z.object({ name: ... }))`:
// the check sees the raw input, the object gives the value, and zod-to-openapi prints a preprocess as
// its inner schema, so the served document is the object's. (A generated schemas module declares the
// same helper itself, codemods/zod/convert/read-only.ts: `migrate-api schemas` output needs no runtime.)
import type { z } from 'zod/v4';

/** A `z.preprocess` function that reports `check`'s issues on the raw value and hands the value on unchanged. */
export function readOnlyChecked(check: z.ZodType): (value: unknown, ctx: z.RefinementCtx) => unknown {
  return (value, ctx) => {
    const r = check.safeParse(value);
    // Issues keep their code, message and path (relative to the object the preprocess runs on).
    if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ ...issue, input: value } as z.core.$ZodRawIssue);
    return value;
  };
}

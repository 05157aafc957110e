// What type-checking a migrated route file costs. Where the compat types compared each zod schema structurally with
// the classic z.ZodType (a spec field typed z.ZodType, `T extends z.ZodType ? z.output<T>` in InputOf), one small
// route file made tsc create ~84,000 type instantiations (~15x what it needs) and took seconds to check: under
// ts-node, which checks each file as it is required, simple-metrics-server's mocha hook that loads its two routes
// went past its 2 s timeout after the migration. Instantiations are counted by tsc itself, so the bound does not
// depend on the machine's load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The shapes a migration writes: a typed handler defined away from its route (InputOf of a const), a router chain
// with specs naming params, body and responses, an inline handler.
const ROUTE = `
import express from 'express';
import { z } from 'zod';
import { typed, reply, type InputOf, type RouteContext } from 'migrate-api/compat';

const MetricBody = z.object({ value: z.number().int() }).meta({ id: 'MetricBody' });
const logInput = { params: z.object({ key: z.string().meta({ description: 'key' }) }) };

class Controller {
  async log({ params }: InputOf<typeof logInput>, { req }: RouteContext) {
    return reply(200, { key: params.key, value: req.body.value }, { Location: \`/m/\${params.key}\` });
  }
}
const controller = new Controller();

export default typed(express.Router())
  .post('/:key', {
    params: z.object({ key: z.string() }),
    body: MetricBody,
    responses: { 200: { description: 'ok', schema: z.object({ key: z.string(), value: z.number() }) } },
  }, controller.log)
  .get('/:key/sum', { params: z.object({ key: z.string() }), responses: { 200: MetricBody, 404: { description: 'none' } } },
    async ({ params }) => (params.key ? { value: 1 } : reply(404)));
`;

test('type-checking a typed route file stays cheap: no structural comparison of zod schemas with z.ZodType', () => {
  const dir = mkdtempSync(join(tmpdir(), 'typed-route-cost-'));
  try {
    cpSync(join(root, 'dist/compat'), join(dir, 'compat'), { recursive: true });
    writeFileSync(join(dir, 'route.ts'), ROUTE);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'ES2022', module: 'commonjs', moduleResolution: 'node', esModuleInterop: true,
        skipLibCheck: true, types: [],
        paths: {
          zod: [join(root, 'node_modules/zod')],
          express: [join(root, 'node_modules/@types/express4')],
          'migrate-api/compat': ['./compat/index.d.ts'],
        },
      },
      files: ['route.ts'],
    }));
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
    const instantiations = Number(/Instantiations:\s+(\d+)/.exec(r.stdout)?.[1]);
    assert.ok(Number.isFinite(instantiations), r.stdout);
    // ~5,600 with the core schema type; ~84,000 with z.ZodType
    assert.ok(instantiations < 20_000, `${instantiations} type instantiations for one route file`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

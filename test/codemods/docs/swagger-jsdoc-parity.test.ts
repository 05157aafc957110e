// Our jsdoc reader against swagger-jsdoc itself on the same files: the same operations and the same
// named schemas come out (swagger-jsdoc keeps the dialect as written; we normalize it, so only names compare).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeDocs, readSourceDocs } from '../../../codemods/docs/index.js';

const swaggerJsdoc = createRequire(import.meta.url)('swagger-jsdoc') as (o: object) => Record<string, any>;
const dir = 'fixtures/docs/jsdoc';
// error cases are left out (swagger-jsdoc logs and drops those blocks, and keeps both copies of a duplicate),
// and so is external-ref: swagger-jsdoc leaves refs to files as they are, we hoist their schemas
const cases = readdirSync(dir).filter((f) => /\.input\.(js|ts)$/.test(f) && !/bad-yaml|duplicate|unknown-keyword|ref-missing|external-ref/.test(f));

for (const input of cases) {
  test(`swagger-jsdoc parity: ${input}`, () => {
    const name = input.slice(0, input.indexOf('.input.'));
    const files = readdirSync(dir).filter((f) => f.startsWith(`${name}.`) && /\.(js|ts)$/.test(f)).map((f) => join(dir, f));
    const theirs = swaggerJsdoc({ definition: { openapi: '3.0.0', info: { title: 't', version: '1' } }, apis: files });
    const ours = mergeDocs(files.map((f) => readSourceDocs(readFileSync(f, 'utf8'), f)));
    // swagger-jsdoc files a top-level `securitySchemes:` under paths; we read it as components.securitySchemes
    const theirOps = Object.entries(theirs.paths as Record<string, Record<string, unknown>>).filter(([path]) => path.startsWith('/'))
      .flatMap(([path, item]) => Object.keys(item).filter((k) => k !== 'parameters').map((m) => `${m} ${path}`));
    assert.deepEqual(ours.operations.map((o) => `${o.method} ${o.path}`).sort(), theirOps.sort());
    const theirSchemas = [...Object.keys(theirs.components?.schemas ?? {}), ...Object.keys(theirs.definitions ?? {})];
    assert.deepEqual(Object.keys(ours.schemas).sort(), theirSchemas.sort());
    assert.deepEqual(ours.tags.map((t) => t.name).sort(), (theirs.tags as Array<{ name: string }>).map((t) => t.name).sort());
  });
}

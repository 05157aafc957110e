// A re-run reads some schemas back from the module it wrote, after those still in the docs: the module's own order
// is kept (fixtures/migrate/three-styles is the end-to-end case: swagger-jsdoc, flasgger and a spec file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emitSchemasModule, inModuleOrder } from '../../../codemods/zod/module.js';

test('schemas come back in the order the previous module declared them; new ones after', () => {
  const first = { NewOrder: { type: 'object' }, Order: { type: 'object' }, User: { type: 'object' } } as const;
  const previous = emitSchemasModule({ ...first }, { format: 'cjs' }).code;
  // Second run: User still in a doc block, the flasgger ones read back from the module, Health new.
  const reread = { User: { type: 'object' }, Health: { type: 'object' }, NewOrder: { type: 'object' }, Order: { type: 'object' } } as const;
  const ordered = inModuleOrder({ ...reread }, previous);
  assert.deepEqual(Object.keys(ordered), ['NewOrder', 'Order', 'User', 'Health']);
  assert.equal(emitSchemasModule(inModuleOrder({ ...first }, previous), { format: 'cjs' }).code, previous);
});

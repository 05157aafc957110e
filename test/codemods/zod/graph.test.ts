// Refs under a property named like a data keyword (`default`, `example`, `enum`) are refs: Kubernetes'
// JSONSchemaProps has properties `default` and `example` that point at a `JSON` component, declared after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declarationOrder, refsOf } from '../../../codemods/zod/graph.js';
import { emitSchemasModule } from '../../../codemods/zod/module.js';
import type { JsonSchema } from '../../../codemods/model.js';

const schemas: Record<string, JsonSchema> = {
  Props: {
    type: 'object',
    properties: {
      default: { $ref: '#/components/schemas/JSON' },
      example: { $ref: '#/components/schemas/JSON' },
      enum: { type: 'object', properties: { id: { type: 'string', readOnly: true } } },
    },
    // A data keyword's own value is still data: this `$ref` key names nothing.
    example: { $ref: '#/components/schemas/Missing' },
  },
  JSON: { type: 'object', properties: { raw: { type: 'string' } } },
};

test('a property named default or example is a schema: its refs count, the data keywords of the schema do not', () => {
  assert.deepEqual([...refsOf(schemas.Props)], ['#/components/schemas/JSON']);
  assert.deepEqual(declarationOrder(schemas).flat(), ['JSON', 'Props']);
});

test('the module declares the referenced component first and sees readOnly under a property named enum', () => {
  const { code, exports } = emitSchemasModule(schemas, { format: 'js' });
  assert.ok(code.indexOf('export const JSON_ =') < code.indexOf('export const Props ='), code);
  assert.equal(exports.Props!.request, 'PropsInput');
});

// The JSON Schema -> zod v4 source emitter: public entry points.
export { schemaToZod } from './schema-to-zod.js';
export type { ZodContext, ZodLocation } from './context.js';
export type { ZodExpr } from './ast.js';
export { printZod } from './printer.js';
export { emitSchemasModule, type ModuleFormat, type SchemaExports } from './module.js';
export { operationSpecSource, type OperationSpecOptions } from './operation-spec.js';
export { safeIdentifier } from './names.js';

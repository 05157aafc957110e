import { schemaToZod } from "./schema-to-zod.js";
import { printZod } from "./printer.js";
import { emitSchemasModule } from "./module.js";
import { operationSpecSource } from "./operation-spec.js";
import { safeIdentifier } from "./names.js";
export {
  emitSchemasModule,
  operationSpecSource,
  printZod,
  safeIdentifier,
  schemaToZod
};

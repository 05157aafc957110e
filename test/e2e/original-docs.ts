// The API document each legacy app had before its migration, as an OpenAPI object for openapi-compare:
// what swagger-jsdoc served, or the flasgger blocks / spec file read through codemods/docs (the
// normalized model, whose flasgger paths only get their mount prefix from the route they sit on).
import { join } from 'node:path';
import { analyzeProject } from '../../codemods/analyze.js';
import { readSpecFile } from '../../codemods/docs/index.js';
import type { DocsModel } from '../../codemods/model.js';

type Json = Record<string, any>;

function documentFromModel(model: DocsModel, pathOf: (i: number) => string): Json {
  const paths: Json = {};
  model.operations.forEach((op, i) => {
    const path = pathOf(i);
    paths[path] ??= {};
    paths[path][op.method] = op.operation;
  });
  return {
    openapi: '3.1.0',
    // Only what the docs say: an empty title/version is no fact for openapi-compare.
    info: { ...model.info, title: model.info?.title ?? '', version: model.info?.version ?? '' },
    paths,
    components: { schemas: model.schemas, securitySchemes: model.securitySchemes, ...model.components },
  };
}

/** flasgger-style blocks and swagger-autogen comments: each operation's full path comes from its route. */
export async function originalFromSourceDocs(dir: string): Promise<Json> {
  const { docs, match } = await analyzeProject(dir);
  const fullPath = new Map(match.matched.filter((m) => m.doc).map((m) => [m.doc!, m.route.openapiPath]));
  return documentFromModel(docs, (i) => {
    const op = docs.operations[i]!;
    // flasgger blocks and swagger-autogen comments take their path from the route they document
    if (!op.routeAt) return op.path;
    const path = fullPath.get(op);
    if (!path) throw new Error(`${op.at.file}:${op.at.line}: ${op.style} doc with no route`);
    return path;
  });
}

/** A spec file (`$ref`s across files resolved into named components by the docs reader). */
export async function originalFromSpecFile(dir: string, file: string): Promise<Json> {
  const model = await readSpecFile(join(dir, file));
  if (model.diagnostics.some((d) => d.severity === 'error')) {
    throw new Error(`${file}: ${model.diagnostics.map((d) => d.message).join('; ')}`);
  }
  return documentFromModel(model, (i) => model.operations[i]!.path);
}

// One schema of any dialect (Swagger 2.0, OpenAPI 3.0, 3.1) -> a JSON Schema of the 3.1 dialect:
// `nullable`/`x-nullable` -> a "null" type, boolean exclusiveMinimum/Maximum -> numbers, `type: file` ->
// binary string, 2.0 string discriminators -> objects, `#/definitions/X` -> `#/components/schemas/X`,
// schemas in other files hoisted into components under a name. `example` is kept as written.
import { basename, extname } from 'node:path';
import type { JsonSchema } from '../model.js';
import { isObject, locate, missingRef, refSite, refSites, report, resolveRef, splitRef, type NormalizeContext } from './context.js';
import { joinPointer, splitPointer } from './yaml-source.js';

const KNOWN = new Set([
  '$ref', '$id', '$schema', '$anchor', '$dynamicRef', '$dynamicAnchor', '$comment', '$defs', '$vocabulary',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains',
  'maxProperties', 'minProperties', 'required', 'dependentRequired', 'dependencies', 'properties', 'patternProperties',
  'additionalProperties', 'propertyNames', 'unevaluatedProperties', 'items', 'prefixItems', 'contains',
  'unevaluatedItems', 'additionalItems', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas',
  'format', 'contentEncoding', 'contentMediaType', 'contentSchema', 'title', 'description', 'default', 'deprecated',
  'readOnly', 'writeOnly', 'examples', 'example', 'discriminator', 'xml', 'externalDocs', 'nullable', 'definitions',
]);
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_ONE = ['not', 'if', 'then', 'else', 'contains', 'propertyNames', 'contentSchema', 'unevaluatedItems', 'unevaluatedProperties', 'additionalProperties', 'additionalItems'];
const ANNOTATIONS = ['title', 'description', 'default', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', 'xml'];

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export function normalizeSchema(raw: unknown, file: string, ptr: string, ctx: NormalizeContext): JsonSchema {
  if (typeof raw === 'boolean') return raw;
  if (!isObject(raw)) {
    report(ctx, { code: 'unknown-keyword', severity: 'warning', message: `a schema must be an object, got ${JSON.stringify(raw)}; treated as any value`, file, pointer: ptr });
    return {};
  }
  if (ctx.style === 'flasgger' && typeof raw.id === 'string' && /^[A-Za-z_$][\w$]*$/.test(raw.id)) return flasggerNamed(raw, file, ptr, ctx);
  let out: Record<string, unknown> = {};
  let site: ReturnType<typeof refSites.get>;
  for (const [key, value] of Object.entries(raw)) {
    const at = joinPointer(ptr, key);
    if (key === '$ref' && typeof value === 'string') {
      const target = schemaRef(value, file, at, ctx);
      if ('$ref' in target) {
        out.$ref = target.$ref;
        site = refSites.get(target);
      } else {
        out = { ...target, ...out };
      }
    } else if (SCHEMA_MAPS.includes(key) && isObject(value)) {
      const map: Record<string, JsonSchema> = {};
      for (const [name, sub] of Object.entries(value)) map[name] = normalizeSchema(sub, file, joinPointer(at, name), ctx);
      out[key === 'definitions' ? '$defs' : key] = map;
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((sub, i) => normalizeSchema(sub, file, joinPointer(at, i), ctx));
    } else if (key === 'items') {
      // a 2019-style tuple `items: [..]` is `prefixItems` in 2020-12
      if (Array.isArray(value)) out.prefixItems = value.map((sub, i) => normalizeSchema(sub, file, joinPointer(at, i), ctx));
      else out.items = normalizeSchema(value, file, at, ctx);
    } else if (SCHEMA_ONE.includes(key) && (isObject(value) || typeof value === 'boolean')) {
      out[key] = normalizeSchema(value, file, at, ctx);
    } else if (key === 'required' && !Array.isArray(value)) {
      report(ctx, { code: 'unknown-keyword', severity: 'warning', message: `\`required: ${JSON.stringify(value)}\` is not valid in a schema (list the property in its parent's \`required\` array); ignored`, file, pointer: at });
    } else if (key === 'discriminator' && typeof value === 'string') {
      out.discriminator = { propertyName: value };
    } else if (key === 'nullable' || key === 'x-nullable') {
      // applied below, once the type is known
    } else {
      if (!KNOWN.has(key) && !key.startsWith('x-')) {
        report(ctx, { code: 'unknown-keyword', severity: 'warning', message: `unknown schema keyword \`${key}\` kept as is`, file, pointer: at });
      }
      out[key] = value;
    }
  }
  if (out.type === 'file') {
    out.type = 'string';
    out.format = 'binary';
  }
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[exclusive] === 'boolean') {
      if (out[exclusive] === true && typeof out[bound] === 'number') {
        out[exclusive] = out[bound];
        delete out[bound];
      } else {
        delete out[exclusive];
      }
    }
  }
  if (site) refSites.set(out, site);
  if (raw.nullable === true || raw['x-nullable'] === true) return withNull(out);
  return out as JsonSchema;
}

/** Flasgger names a schema where it is written (`schema: { id: User, properties: ... }`): it becomes the
 *  component `User` and a `$ref` to it. */
function flasggerNamed(raw: Record<string, unknown>, file: string, ptr: string, ctx: NormalizeContext): JsonSchema {
  const { id, ...schema } = raw;
  const name = id as string;
  if (!(name in ctx.model.schemas)) {
    ctx.model.schemas[name] = {};
    ctx.model.schemaSources[name] = locate(ctx, file, ptr) ?? { file, line: 1 };
    ctx.model.schemas[name] = normalizeSchema(schema, file, ptr, ctx);
  }
  const out = { $ref: SCHEMA_REF_PREFIX + encodeName(name) };
  refSites.set(out, refSite(ctx, file, ptr, out.$ref));
  return out;
}

/** A schema that also accepts null: a type array where there is a type, otherwise `anyOf [.., null]`. */
export function withNull(s: Record<string, unknown>): JsonSchema {
  const out = { ...s };
  const site = refSites.get(s);
  if (site) refSites.set(out, site);
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') {
    out.type = out.type === 'null' ? 'null' : [out.type, 'null'];
  } else if (Array.isArray(out.type)) {
    if (!out.type.includes('null')) out.type = [...out.type, 'null'];
  } else if (out.$ref || out.allOf || out.oneOf || out.anyOf) {
    const outer: Record<string, unknown> = {};
    const inner: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(out)) (ANNOTATIONS.includes(k) ? outer : inner)[k] = v;
    if (site) refSites.set(inner, site);
    return { ...outer, anyOf: [inner, { type: 'null' }] };
  }
  return out;
}

/** A `$ref` inside a schema: component refs stay refs (they become named exports), refs into other files
 *  hoist the target into components, any other pointer is inlined. */
function schemaRef(ref: string, file: string, ptr: string, ctx: NormalizeContext): Record<string, unknown> {
  const { filePart, fragment } = splitRef(ref);
  if (!filePart && file === ctx.root.file) {
    const name = componentSchemaName(fragment);
    if (name !== undefined) {
      const out = { $ref: SCHEMA_REF_PREFIX + encodeName(name) };
      refSites.set(out, refSite(ctx, file, ptr, out.$ref));
      return out;
    }
  }
  const target = resolveRef(ctx, ref, file);
  if (!target) {
    report(ctx, { code: 'ref-missing', severity: 'error', message: `${missingRef(ref)}; treated as any value`, file, pointer: ptr });
    return {};
  }
  const key = `${target.file}#${target.pointer}`;
  if (target.file === ctx.root.file) {
    // a pointer into the root document that is not a named component: inline it
    if (ctx.inlining.has(key)) {
      report(ctx, { code: 'unsupported', severity: 'warning', message: `$ref '${ref}' is circular and does not name a component; the cycle is cut (any value)`, file, pointer: ptr });
      return {};
    }
    ctx.inlining.add(key);
    try {
      const s = normalizeSchema(target.value, target.file, target.pointer, ctx);
      return typeof s === 'boolean' ? (s ? {} : { not: {} }) : s;
    } finally {
      ctx.inlining.delete(key);
    }
  }
  let name = ctx.hoisted.get(key);
  if (!name) {
    name = uniqueName(ctx, hoistName(target.file, target.pointer));
    ctx.hoisted.set(key, name);
    ctx.model.schemas[name] = {};
    ctx.model.schemaSources[name] = locate(ctx, target.file, target.pointer) ?? { file: target.file, line: 1 };
    ctx.model.schemas[name] = normalizeSchema(target.value, target.file, target.pointer, ctx);
  }
  const out = { $ref: SCHEMA_REF_PREFIX + encodeName(name) };
  refSites.set(out, refSite(ctx, file, ptr, out.$ref));
  return out;
}

/** The component a document-local pointer names (`/definitions/User` and `/components/schemas/User` both name
 *  `User`), or undefined for any other pointer. */
export function componentSchemaName(fragment: string): string | undefined {
  const m = /^\/(?:definitions|components\/schemas)\/([^/]+)$/.exec(fragment);
  return m ? splitPointer(`/${safeDecode(m[1])}`)[0] : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function encodeName(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `common.yaml#/components/schemas/Error` -> `Error`; `schemas/user.yaml` -> `User`. */
function hoistName(file: string, pointer: string): string {
  const segs = splitPointer(pointer);
  const raw = segs.length ? segs[segs.length - 1] : basename(file, extname(file)).replace(/\.(schema|openapi|swagger)$/i, '');
  const words = raw.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z_$]/.test(name) ? name : `Schema${name}`;
}

function uniqueName(ctx: NormalizeContext, base: string): string {
  let name = base;
  for (let i = 2; name in ctx.model.schemas || isReserved(ctx, name); i++) name = `${base}${i}`;
  return name;
}

function isReserved(ctx: NormalizeContext, name: string): boolean {
  const doc = ctx.root.value as Record<string, any> | undefined;
  return Boolean(doc?.components?.schemas?.[name] ?? doc?.definitions?.[name]);
}

// The oracle of the differential check: ajv in draft 2020-12 mode (the dialect of OpenAPI 3.1)
// with ajv-formats, judging instances against the normalized schemas of one document.
// OpenAPI-only keywords (discriminator, xml, example, externalDocs, x-*) are annotations here,
// which is what they are to a JSON Schema validator; readOnly/writeOnly get OpenAPI's meaning
// through `schemaVariant` (a required readOnly property is required in responses only).
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormatsModule from 'ajv-formats';
import type { JsonSchema } from '../../codemods/model.js';

export type Variant = 'request' | 'response';

export interface Verdict {
  valid: boolean;
  errors: ErrorObject[];
}

export interface DocumentValidator {
  /** Validates `instance` against `schema`, whose `#/components/schemas/X` refs point into the document. */
  validate(schema: JsonSchema, instance: unknown, variant?: Variant): Verdict;
}

// ajv-formats is CommonJS with an `exports.default`: under NodeNext the default import is the whole
// module object to the type checker, while at run time it is the plugin itself.
const addFormats = ((ajvFormatsModule as unknown as { default?: unknown }).default ?? ajvFormatsModule) as unknown as typeof ajvFormatsModule.default;

const COMPONENT_REF = '#/components/schemas/';
// Values of these are data; keys of the name maps are names (a property called `default` is a schema).
const DATA_KEYS = new Set(['enum', 'const', 'example', 'examples', 'default']);
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** ajv's regex engine for patterns: Unicode semantics wherever the pattern allows them. */
const unicodeWhereValid = Object.assign(
  (pattern: string, flags: string): RegExp => {
    try {
      return new RegExp(pattern, `${flags.replace('u', '')}u`);
    } catch {
      return new RegExp(pattern, flags.replace('u', ''));
    }
  },
  { code: 'unicodeWhereValid' },
);

/** A fresh ajv configured like an OpenAPI 3.1 tool: every format ajv-formats knows, unknown
 *  formats and keywords ignored (OpenAPI's `format` is open-ended: int32, binary, password...). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: false,
    // Errors carry the schema they come from, so a disagreement can be classed by it (readOnly...).
    verbose: true,
    validateFormats: true,
    logger: false,
    // Refs compile to shared functions instead of being inlined into every schema that uses them:
    // star-trek.json's 222 interlinked components otherwise take seconds to compile.
    inlineRefs: false,
    validateSchema: false,
    // JSON Schema patterns are ECMA-262 with Unicode semantics (`\p{L}` is a letter class), but many
    // documented patterns do not compile under the `u` flag (an unescaped `{`, `\_`) and every tool
    // runs those without it: each pattern gets `u` when it compiles with it (see unicodeWhereValid).
    unicodeRegExp: false,
    code: { optimize: false, regExp: unicodeWhereValid },
    // Number formats (int32, int64, float, double) are checked by ajv-formats' "full" mode.
  });
  addFormats(ajv, { mode: 'full' });
  return ajv;
}

/** OpenAPI's readOnly/writeOnly: a readOnly property "SHOULD NOT be sent" in a request and its
 *  `required` applies to responses only; writeOnly mirrors it. JSON Schema validators ignore both,
 *  so the oracle takes the variant the generated zod is checked as and drops those requireds. */
export function schemaVariant(schema: JsonSchema, variant: Variant): JsonSchema {
  const skip = variant === 'request' ? 'readOnly' : 'writeOnly';
  const walk = (node: unknown, names = false): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    // A name map's keys are names (a property called `default` holds a schema).
    if (names) { for (const [k, v] of Object.entries(node)) out[k] = walk(v); return out; }
    for (const [k, v] of Object.entries(node)) out[k] = DATA_KEYS.has(k) ? v : walk(v, NAME_MAPS.has(k));
    const props = out.properties as Record<string, Record<string, unknown>> | undefined;
    if (Array.isArray(out.required) && props && typeof props === 'object') {
      out.required = (out.required as string[]).filter((name) => !(props[name] && typeof props[name] === 'object' && props[name][skip] === true));
    }
    return out;
  };
  return walk(schema) as JsonSchema;
}

/** Replaces `#/components/schemas/X[/...]` by a ref to the component registered as `idOf(X)`. */
function anchorRefs(schema: unknown, idOf: (name: string) => string, names = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => anchorRefs(s, idOf));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  if (names) {
    for (const [k, v] of Object.entries(schema)) out[k] = anchorRefs(v, idOf);
    return out;
  }
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT_REF)) {
      const [name, ...rest] = v.slice(COMPONENT_REF.length).split('/');
      out[k] = `${idOf(refName(`${COMPONENT_REF}${name}`)!)}${rest.length ? `#/${rest.join('/')}` : ''}`;
    }
    // ajv2020 knows only the 2020-12 meta-schema; the docs reader already normalized keywords to it.
    else if (k === '$schema') continue;
    else if (DATA_KEYS.has(k)) out[k] = v;
    else out[k] = anchorRefs(v, idOf, NAME_MAPS.has(k));
  }
  return out;
}

let documentCounter = 0;

/** One ajv per document. Each component is registered as a schema of its own (per variant), so ajv
 *  compiles it once and every schema that refers to it shares that function — registered as one
 *  document instead, each new root schema would recompile every component it reaches. Schemas
 *  validated are compiled once, cached by their JSON text. */
export function documentValidator(components: Record<string, JsonSchema>, ajv: Ajv2020 = createAjv()): DocumentValidator {
  const base = `urn:migrate-api:proof:${++documentCounter}`;
  const idOf = (variant: Variant) => (name: string) => `${base}:${variant}:${encodeURIComponent(name)}`;
  for (const variant of ['request', 'response'] as const) {
    for (const [name, s] of Object.entries(components)) {
      const anchored = anchorRefs(schemaVariant(s, variant), idOf(variant));
      ajv.addSchema(typeof anchored === 'object' && anchored ? { ...anchored, $id: idOf(variant)(name) } : anchored === false ? { not: {}, $id: idOf(variant)(name) } : { $id: idOf(variant)(name) });
    }
  }
  const cache = new Map<string, ValidateFunction>();
  return {
    validate(schema, instance, variant = 'response') {
      const key = `${variant}\u0000${JSON.stringify(schema)}`;
      let fn = cache.get(key);
      if (!fn) {
        const root = anchorRefs(schemaVariant(schema, variant), idOf(variant));
        fn = ajv.compile(typeof root === 'boolean' ? root : (root as object));
        cache.set(key, fn);
      }
      const valid = fn(instance) as boolean;
      return { valid, errors: valid ? [] : [...(fn.errors ?? [])] };
    },
  };
}

export function componentRef(name: string): string {
  return `${COMPONENT_REF}${name}`;
}

export function refName(ref: string): string | undefined {
  return ref.startsWith(COMPONENT_REF) ? decodeURIComponent(ref.slice(COMPONENT_REF.length)).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

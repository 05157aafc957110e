// Semantic comparison of two API documents (Swagger 2.0, OpenAPI 3.0 or 3.1): each is reduced to a set of
// facts a client relies on — operations, parameters (name + in + required), request bodies, response
// statuses, named components — and every fact of the original missing from the other is listed.
// Hand-written because the libraries at hand diff documents textually (a $ref vs an inlined schema, a
// path-level vs an operation-level parameter, `in: body` vs requestBody are the same fact, not a change).

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Comparison {
  /** Every fact of the original document, sorted. */
  compared: string[];
  /** Facts of the original that the other document does not state, sorted; empty when nothing was lost. */
  lost: string[];
}

/** `/users/{id}/` -> `/users/{id}`; a template's name is kept (it is the parameter's name). */
function normalizePath(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** Follows a local `#/a/b` reference; an unresolvable one throws with the pointer, never guesses. */
function resolveRef(doc: Json, value: unknown, seen = new Set<string>()): Json {
  if (!value || typeof value !== 'object') return value as Json;
  const ref = (value as Json).$ref;
  if (typeof ref !== 'string') return value as Json;
  if (!ref.startsWith('#/')) throw new Error(`openapi-compare: only local $refs can be followed, got ${ref}`);
  if (seen.has(ref)) throw new Error(`openapi-compare: $ref cycle at ${ref}`);
  seen.add(ref);
  let target: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    target = (target as Json | undefined)?.[key];
  }
  if (target === undefined) throw new Error(`openapi-compare: $ref to nowhere: ${ref}`);
  return resolveRef(doc, target, seen);
}

/** Header names are case-insensitive on the wire; everything else is compared as written. */
function paramKey(p: Json): string {
  const name = p.in === 'header' ? String(p.name).toLowerCase() : String(p.name);
  return `${p.in} ${name}`;
}

/** The facts a document states, one string each. */
export function documentFacts(doc: Json): string[] {
  const facts = new Set<string>();
  const swagger2 = typeof doc.swagger === 'string';
  for (const [rawPath, rawItem] of Object.entries<Json>(doc.paths ?? {})) {
    const path = normalizePath(rawPath);
    const item = resolveRef(doc, rawItem);
    const shared = (item.parameters ?? []).map((p: unknown) => resolveRef(doc, p));
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      facts.add(`operation ${where}`);
      // Operation-level parameters override path-level ones with the same name and location.
      const params = new Map<string, Json>();
      for (const p of [...shared, ...(op.parameters ?? []).map((x: unknown) => resolveRef(doc, x))]) params.set(paramKey(p), p);
      let body: { required: boolean } | undefined;
      for (const [key, p] of params) {
        if (swagger2 && (p.in === 'body' || p.in === 'formData')) {
          body = { required: body?.required || p.required === true };
          continue;
        }
        facts.add(`parameter ${where} ${key} ${p.in === 'path' || p.required === true ? 'required' : 'optional'}`);
      }
      if (op.requestBody) body = { required: resolveRef(doc, op.requestBody).required === true };
      if (body) facts.add(`requestBody ${where} ${body.required ? 'required' : 'optional'}`);
      for (const status of Object.keys(op.responses ?? {})) facts.add(`response ${where} ${status}`);
    }
  }
  const components: Record<string, Json | undefined> = swagger2
    ? { schemas: doc.definitions, parameters: doc.parameters, responses: doc.responses, securitySchemes: doc.securityDefinitions }
    : doc.components ?? {};
  for (const [kind, entries] of Object.entries(components)) {
    for (const name of Object.keys(entries ?? {})) facts.add(`component ${kind} ${name}`);
  }
  return [...facts].sort();
}

/** Every fact of `original` that `other` lacks (required-ness must match exactly: it is part of the fact). */
export function compareDocuments(original: Json, other: Json): Comparison {
  const compared = documentFacts(original);
  const have = new Set(documentFacts(other));
  return { compared, lost: compared.filter((f) => !have.has(f)) };
}

// What a local validation middleware does with its schema, read from its definition when it is in the project:
// which request location it validates (`req.body`, `req[source]` with `source` a parameter, or
// `{ body: req.body, query: req.query, params: req.params }` handed whole to the schema) and the options it passes
// to the library (`validate(obj, { whitelist: true, forbidNonWhitelisted })`). Cheap and static: when the
// definition is not found the caller falls back to the body, the location nearly every such middleware reads.
import { memberName, walk, type Node } from '../rules/ast.js';
import { unwrapTs } from './scope.js';
import { evaluate, type Evaluated } from './static.js';
import type { RequestLocation, ValidatorScope } from './types.js';

const REQ_LOCATIONS: Record<string, RequestLocation> = { body: 'body', query: 'query', params: 'params', headers: 'headers' };
const LOCATION_WORDS: Record<string, RequestLocation> = { ...REQ_LOCATIONS, param: 'params', header: 'headers' };

export interface MiddlewareFacts {
  /** 'resource': the schema receives `{ body, query, params }` and its top-level keys are locations. */
  location: RequestLocation | 'resource';
  /** Options object literals passed to the library's validate call, evaluated (parameters read from the call). */
  options: Record<string, Evaluated>;
  /** True when the location came from reading the definition (false: the body fallback). */
  read: boolean;
  /** The definition assigns a request location (`req.body = await schema.validate(req.body)`,
   *  `Object.assign(req.query, ...)`): the handler sees what the library made of the value. */
  writesBack?: boolean;
}

const isFn = (n: Node) => /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(n.type);

/** `call` is the route-chain argument `validate(schema, ...)`; `locationArg` an argument naming the location. */
export function readMiddleware(call: Node, file: string, scope: ValidatorScope, validateCalls: readonly string[]): MiddlewareFacts {
  const fallback: MiddlewareFacts = { location: 'body', options: {}, read: false };
  const literalLocation = call.arguments.map((a: Node) => evaluate(a, file, scope)).find((v: Evaluated) => typeof v === 'string' && v in LOCATION_WORDS);
  const def = scope.definition(call.callee, file);
  const fn = def && unwrapTs(def.node);
  if (!def || !fn || !isFn(fn)) return typeof literalLocation === 'string' ? { ...fallback, location: LOCATION_WORDS[literalLocation]!, read: true } : fallback;
  // Parameter name -> the value the call gives it (or its default).
  const params = new Map<string, Evaluated>();
  fn.params.forEach((p: Node, i: number) => {
    const id = p.type === 'AssignmentPattern' ? p.left : p;
    if (id.type !== 'Identifier') return;
    const arg = call.arguments[i];
    params.set(id.name, arg ? evaluate(arg, file, scope) : p.type === 'AssignmentPattern' ? evaluate(p.right, def.file, scope) : undefined);
  });
  const seen = new Set<RequestLocation>();
  let dynamic: RequestLocation | undefined;
  let resource = false;
  let writesBack = false;
  const options: Record<string, Evaluated> = {};
  const valueOf = (n: Node): Evaluated => (n.type === 'Identifier' && params.has(n.name) ? params.get(n.name) : evaluate(n, def.file, scope));
  const isReqLocation = (n: Node) => {
    const m = unwrapTs(n);
    return m.type === 'MemberExpression' && (m.computed ? m.property.type === 'Identifier' && params.has(m.property.name) : (memberName(m) ?? '') in REQ_LOCATIONS);
  };
  walk(fn, (n) => {
    if (n.type === 'AssignmentExpression' && isReqLocation(n.left)) writesBack = true;
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && memberName(n.callee) === 'assign' && n.arguments[0] && isReqLocation(n.arguments[0])) writesBack = true;
    if (n.type === 'MemberExpression') {
      const name = memberName(n);
      if (name !== null && name in REQ_LOCATIONS && !n.computed) seen.add(REQ_LOCATIONS[name]!);
      if (n.computed && n.property.type === 'Identifier' && params.has(n.property.name)) {
        const v = params.get(n.property.name);
        if (typeof v === 'string' && v in LOCATION_WORDS) dynamic = LOCATION_WORDS[v];
      }
    }
    if (n.type === 'ObjectExpression') {
      const keys = n.properties.map((p: Node) => (p.type === 'ObjectProperty' && !p.computed ? p.key.name ?? p.key.value : undefined));
      const locs = n.properties.filter((p: Node) => p.type === 'ObjectProperty' && memberName(unwrapTs(p.value)) === (p.key.name ?? p.key.value));
      if (keys.length > 0 && keys.every((k: string | undefined) => k !== undefined && k in REQ_LOCATIONS) && locs.length === keys.length) resource = true;
    }
    if (n.type === 'CallExpression') {
      const callee = n.callee.type === 'MemberExpression' ? memberName(n.callee) : n.callee.type === 'Identifier' ? n.callee.name : null;
      if (callee && validateCalls.includes(callee)) {
        for (const a of n.arguments.slice(1)) {
          const o = unwrapTs(a);
          // `validate(obj, options)` with `options` a parameter the route call fills with an object literal.
          const passed = o.type === 'Identifier' && params.has(o.name) ? params.get(o.name) : undefined;
          if (passed && typeof passed === 'object' && !Array.isArray(passed) && !(passed instanceof RegExp)) Object.assign(options, passed);
          if (o.type !== 'ObjectExpression') continue;
          for (const p of o.properties) {
            if (p.type !== 'ObjectProperty' || p.computed) continue;
            options[p.key.name ?? p.key.value] = p.shorthand ? valueOf(p.key) : valueOf(unwrapTs(p.value));
          }
        }
      }
    }
  });
  const wb = writesBack ? { writesBack } : {};
  if (resource) return { location: 'resource', options, read: true, ...wb };
  if (dynamic) return { location: dynamic, options, read: true, ...wb };
  if (seen.size === 1) return { location: [...seen][0]!, options, read: true, ...wb };
  return { ...fallback, options, ...wb };
}

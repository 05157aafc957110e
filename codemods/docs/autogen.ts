// swagger-autogen comments: `// #swagger.tags = ['Users']`, `/* #swagger.responses[201] = { ... } */` and the
// rest, written inside a route's handler. Each assignment's value is a JS literal, read from Babel's AST (never
// evaluated); together they are the operation of the route they sit in, whose method and path come from the
// route call, as with flasgger blocks. swagger-autogen's own conventions are kept: `schema` is an example
// (`{ $name: 'Jo', age: 29 }`: types from the values, `$` marks required) unless it is a `$ref`; `@schema` is a
// schema as written; a parameter without `in` is a path parameter when the route has one by that name, else query.
import { parseExpression } from '@babel/parser';
import { VISITOR_KEYS, type Comment, type File, type Node } from '@babel/types';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { toOpenApiPath } from '../express-path.js';
import { emptyDocsModel, type DocsModel } from '../model.js';
import { isObject, type SourceDoc } from './context.js';
import { routeCall } from './flasgger.js';
import { commentRange } from './jsdoc.js';
import { normalizeRaw } from './normalize.js';
import { joinPointer } from './yaml-source.js';

export const AUTOGEN_MARK = /#swagger\./;

/** One `#swagger.<key>[<index>] = <value>` with where its text starts. */
interface Assignment {
  key: string;
  index?: string;
  value: unknown;
  at: SourceLocation;
  comment: Comment;
}

const SCALAR_KEYS = new Set(['summary', 'description', 'operationId', 'deprecated', 'ignore', 'auto', 'path', 'method', 'tags',
  'security', 'consumes', 'produces', 'requestBody']);
const INDEXED_KEYS = new Set(['parameters', 'responses']);

/** A literal JS expression -> its JSON value; anything computed is named in `problem`. */
function literal(node: Node, problem: (what: string) => void): unknown {
  switch (node.type) {
    case 'StringLiteral': case 'NumericLiteral': case 'BooleanLiteral': return node.value;
    case 'NullLiteral': return null;
    case 'TemplateLiteral':
      if (node.expressions.length) { problem('a template literal with ${...}'); return undefined; }
      return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('');
    case 'UnaryExpression':
      if (node.operator === '-' && node.argument.type === 'NumericLiteral') return -node.argument.value;
      break;
    case 'Identifier':
      if (node.name === 'undefined') return undefined;
      break;
    case 'ArrayExpression':
      return node.elements.map((e) => (e && e.type !== 'SpreadElement' ? literal(e, problem) : (problem('a spread or hole in an array'), null)));
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        if (p.type !== 'ObjectProperty' || p.computed) { problem('a spread, method or computed key in an object'); continue; }
        const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : p.key.type === 'NumericLiteral' ? String(p.key.value) : undefined;
        if (key === undefined) { problem('an object key that is not a name or a string'); continue; }
        const v = literal(p.value as Node, problem);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    default:
  }
  problem(`\`${node.type}\``);
  return undefined;
}

/** swagger-autogen's example syntax -> a JSON Schema: types from the values, `$key` required, `$ref` kept. */
export function exampleSchema(value: unknown): Record<string, unknown> {
  if (Array.isArray(value)) return { type: 'array', ...(value.length ? { items: exampleSchema(value[0]) } : {}) };
  if (isObject(value)) {
    if (typeof value.$ref === 'string') return { $ref: value.$ref };
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      const name = k.startsWith('$') ? k.slice(1) : k;
      if (k.startsWith('$')) required.push(name);
      properties[name] = exampleSchema(v);
    }
    return { type: 'object', properties, ...(required.length ? { required } : {}) };
  }
  if (value === null) return {};
  const type = typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
  return { type, example: value };
}

/** `schema` (example syntax) or `@schema` (a schema as written) of a parameter, response or media type. */
function schemaOf(o: Record<string, unknown>): Record<string, unknown> {
  const { schema, '@schema': raw, ...rest } = o;
  if (raw !== undefined) return { ...rest, schema: raw };
  if (schema !== undefined) return { ...rest, schema: exampleSchema(schema) };
  return rest;
}

function withContentSchemas(o: Record<string, unknown>): Record<string, unknown> {
  if (!isObject(o.content)) return schemaOf(o);
  const content = Object.fromEntries(Object.entries(o.content).map(([t, m]) => [t, isObject(m) && m['@schema'] !== undefined ? schemaOf(m) : m]));
  return { ...o, content };
}

/** The `#swagger.*` assignments of one comment (a block comment may hold several), with their lines. */
function assignments(c: Comment, file: string, diagnostics: Diagnostic[]): Assignment[] {
  const text = c.value;
  const out: Assignment[] = [];
  const starts = [...text.matchAll(/#swagger\./g)].map((m) => m.index!);
  const baseLine = c.loc?.start.line ?? 1;
  starts.forEach((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    const line = baseLine + (text.slice(0, start).match(/\n/g)?.length ?? 0);
    const at = { file, line };
    const m = /^#swagger\.(\w+)((?:\[[^\]]*\])?)\s*(?:=\s*([\s\S]*))?$/.exec(chunk.trimEnd());
    if (!m) {
      diagnostics.push({ code: 'unsupported', severity: 'warning', message: `cannot read \`${chunk.trim().split('\n')[0]}\`: expected #swagger.<key> = <value>`, at });
      return;
    }
    const [, key, rawIndex, rawValue] = m;
    if (!SCALAR_KEYS.has(key) && !INDEXED_KEYS.has(key) && key !== 'start' && key !== 'end') {
      diagnostics.push({ code: 'unknown-keyword', severity: 'warning', message: `unknown swagger-autogen key \`#swagger.${key}\` ignored`, at });
      return;
    }
    if (key === 'start' || key === 'end') return; // swagger-autogen's own markers for where a route's comments run
    if (INDEXED_KEYS.has(key) !== Boolean(rawIndex)) {
      diagnostics.push({ code: 'unsupported', severity: 'warning', message: `\`#swagger.${key}\` ${rawIndex ? 'takes no [index]' : "needs an index, e.g. #swagger." + key + "['name']"}; ignored`, at });
      return;
    }
    // block comments in a `/* ... */` often close on a line of their own; line comments end at the line
    // a `/** ... */` comment's ` * ` margins are not part of the value
    const source = (rawValue ?? '').replace(/\n[ \t]*\*(?=[ \t]|$)/g, '\n').trim().replace(/;\s*$/, '');
    let value: unknown;
    const problems: string[] = [];
    try {
      value = literal(parseExpression(source, { plugins: ['typescript'] }) as Node, (what) => problems.push(what));
    } catch (err) {
      diagnostics.push({ code: 'unsupported', severity: 'error', message: `#swagger.${key}: the value does not parse as a JS literal (${(err as Error).message.replace(/ \(\d+:\d+\)$/, '')})`, at });
      return;
    }
    if (problems.length) {
      diagnostics.push({ code: 'unsupported', severity: 'warning', message: `#swagger.${key}: only literal values are read; left out: ${[...new Set(problems)].join(', ')}`, at });
    }
    const index = rawIndex ? literal(parseExpression(rawIndex.slice(1, -1)) as Node, () => {}) : undefined;
    out.push({ key, ...(index !== undefined ? { index: String(index) } : {}), value, at, comment: c });
  });
  return out;
}

/** The raw (Swagger 2.0 / OpenAPI 3 mixed, as swagger-autogen accepts) operation, and where each part was written. */
function operationOf(list: Assignment[], pathParams: Set<string>, diagnostics: Diagnostic[], unread: Set<Comment>) {
  const op: Record<string, unknown> = {};
  const where = new Map<string, SourceLocation>();
  const parameters: Record<string, unknown>[] = [];
  const responses: Record<string, unknown> = {};
  let path: string | undefined;
  let method: string | undefined;
  for (const a of list) {
    if (a.value === undefined) continue; // not a literal: reported where it was read
    const bad = (why: string) => unread.add(a.comment) && diagnostics.push({ code: 'unsupported', severity: 'warning', message: `#swagger.${a.key}${a.index !== undefined ? `[${a.index}]` : ''}: ${why}; ignored`, at: a.at });
    switch (a.key) {
      case 'summary': case 'description': case 'operationId':
        if (typeof a.value === 'string') { op[a.key] = a.value; where.set(a.key, a.at); } else bad('expected a string');
        break;
      case 'deprecated': case 'ignore': case 'auto':
        if (typeof a.value === 'boolean') op[a.key] = a.value; else bad('expected true or false');
        break;
      case 'tags': case 'security': case 'consumes': case 'produces':
        if (Array.isArray(a.value)) { op[a.key] = a.value; where.set(a.key, a.at); } else bad('expected an array');
        break;
      case 'path': case 'method':
        if (typeof a.value !== 'string') bad('expected a string');
        else if (a.key === 'path') path = a.value;
        else method = a.value.toLowerCase();
        break;
      case 'requestBody':
        if (isObject(a.value)) { op.requestBody = withContentSchemas(a.value); where.set('requestBody', a.at); } else bad('expected an object');
        break;
      case 'parameters': {
        if (!isObject(a.value)) { bad('expected an object'); break; }
        const name = a.index!;
        const inferred = pathParams.has(name) ? 'path' : 'query';
        const given = schemaOf(a.value);
        const param: Record<string, unknown> = { name, in: inferred, ...given };
        if (param.in !== 'body' && param.schema === undefined && param.type === undefined && param.content === undefined) param.type = 'string';
        if (param.in === 'path') param.required = true;
        where.set(`parameters/${parameters.length}`, a.at);
        parameters.push(param);
        break;
      }
      case 'responses':
        if (!isObject(a.value)) { bad('expected an object'); break; }
        where.set(`responses/${a.index}`, a.at);
        responses[a.index!] = withContentSchemas(a.value);
        break;
      default:
    }
  }
  if (parameters.length) op.parameters = parameters;
  if (Object.keys(responses).length) op.responses = responses;
  return { op, where, path, method };
}

/** Every swagger-autogen comment of the file: operations of the routes whose handlers hold them; others reported. */
export function readAutogenComments(ast: File, code: string, file: string, load?: (file: string) => SourceDoc | undefined): DocsModel[] {
  const marked = (ast.comments ?? []).filter((c) => AUTOGEN_MARK.test(c.value));
  if (!marked.length) return [];
  // each comment belongs to the innermost route call around it (a deeper call overwrites an outer one)
  const owner = new Map<Comment, { node: Node; route: NonNullable<ReturnType<typeof routeCall>> }>();
  const visit = (node: Node): void => {
    if (node.type === 'ExpressionStatement') {
      const route = routeCall(node.expression, code, file);
      if (route) for (const c of marked) if ((c.start ?? 0) > (node.expression.start ?? 0) && (c.end ?? 0) < (node.expression.end ?? 0)) owner.set(c, { node: node.expression, route });
    }
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const n of Array.isArray(child) ? child : [child]) if (n && typeof n === 'object' && typeof (n as Node).type === 'string') visit(n as Node);
    }
  };
  visit(ast.program);
  const models: DocsModel[] = [];
  const byRoute = new Map<Node, Comment[]>();
  for (const c of marked) {
    const o = owner.get(c);
    if (o) byRoute.set(o.node, [...(byRoute.get(o.node) ?? []), c]);
    else {
      models.push({ ...emptyDocsModel(), diagnostics: [{
        code: 'orphan-doc', severity: 'warning', at: { file, line: c.loc?.start.line ?? 1, col: (c.loc?.start.column ?? 0) + 1 },
        message: 'a `#swagger.` comment outside any route call; it documents nothing (swagger-autogen reads the comments inside a route\'s handler)',
      }] });
    }
  }
  for (const [node, comments] of byRoute) models.push(readRoute(owner.get(comments[0]!)!.route, node, comments, file, load));
  return models;
}

function readRoute(route: NonNullable<ReturnType<typeof routeCall>>, _node: Node, comments: Comment[], file: string,
  load?: (file: string) => SourceDoc | undefined): DocsModel {
  const diagnostics: Diagnostic[] = [];
  // A comment any part of which could not be read stays in the code (MA002 removes only the ones read whole).
  const unread = new Set<Comment>();
  const list = comments.flatMap((c) => {
    const before = diagnostics.length;
    const read = assignments(c, file, diagnostics);
    if (diagnostics.length !== before) unread.add(c);
    return read;
  });
  const routeName = `${route.method.toUpperCase()} ${route.path}`;
  // bestEffort: comments on a route OpenAPI cannot express (`*`, a computed path) still document it, tied by routeAt
  const { path: routePath, optional } = toOpenApiPath(route.path, { bestEffort: true });
  const pathParams = new Set([...routePath.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
  const { op, where, path: overridePath, method: overrideMethod } = operationOf(list, pathParams, diagnostics, unread);
  const kept = comments.filter((c) => !unread.has(c));
  const firstAt = { file, line: comments[0]!.loc?.start.line ?? 1, col: (comments[0]!.loc?.start.column ?? 0) + 1 };
  if (op.ignore === true) {
    diagnostics.push({ code: 'docs-ignored', severity: 'info', message: '#swagger.ignore = true: the route is left out of the docs, as swagger-autogen does', at: firstAt, route: routeName });
    return { ...emptyDocsModel(), diagnostics };
  }
  const { ignore: _i, auto: _a, ...operation } = op;
  if (overridePath !== undefined || overrideMethod !== undefined) {
    diagnostics.push({ code: 'unsupported', severity: 'warning', message: '#swagger.path / #swagger.method override the route\'s own path or method; the route call is what gets documented', at: firstAt, route: routeName });
  }
  if (route.method === 'all') {
    diagnostics.push({ code: 'unsupported', severity: 'warning', message: '`#swagger.` comments on an `.all()` route: no one HTTP method to document them under; ignored', at: firstAt, route: routeName });
    return { ...emptyDocsModel(), diagnostics };
  }
  const method = route.method;
  const opPointer = joinPointer('/paths', routePath, method);
  const located = (pointer: string): SourceLocation => {
    const rest = pointer.startsWith(opPointer) ? pointer.slice(opPointer.length + 1) : '';
    let best: SourceLocation | undefined;
    let bestLen = -1;
    for (const [key, at] of where) if ((rest === key || rest.startsWith(`${key}/`)) && key.length > bestLen) { best = at; bestLen = key.length; }
    return best ?? firstAt;
  };
  const root: SourceDoc = { file, value: { paths: { [routePath]: { [method]: operation } } }, locate: located };
  const model = normalizeRaw(root, { style: 'autogen', fragment: true, load, operationAt: () => firstAt });
  for (const o of model.operations) {
    if (kept.length) o.comment = commentRange(kept[0]!);
    if (kept.length > 1) o.comments = kept.slice(1).map(commentRange);
    o.routeAt = route.at;
  }
  model.diagnostics.unshift(...diagnostics);
  if (route.dynamic) {
    model.diagnostics.push({ code: 'dynamic-route', severity: 'info', message: 'the route path is computed; its documented path is resolved through routeAt by the scan', at: route.at, route: routeName });
  }
  if (optional.length) {
    model.diagnostics.push({ code: 'optional-param', severity: 'info', message: `optional path parameter(s) ${optional.join(', ')} documented as {${optional.join('}, {')}}: OpenAPI path parameters are always required`, at: route.at, route: routeName });
  }
  return model;
}

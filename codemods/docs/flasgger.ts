// Flasgger-style doc blocks: a JSDoc comment right above a route call, or the first thing inside its inline
// handler (where Python puts a docstring), whose text is a summary line, a description, a `---` line, then
// that one operation's YAML (no path or method: those come from the route), possibly with `definitions:`.
// A `---` block that documents no route is reported as orphan-doc, with where it sits.
import { VISITOR_KEYS, type Comment, type Expression, type File, type Node } from '@babel/types';
import type { SourceLocation } from '../diagnostics.js';
import { toOpenApiPath } from '../express-path.js';
import { emptyDocsModel, type DocsModel } from '../model.js';
import { flasggerParts, isDocComment, unwrapComment, yamlText } from './comments.js';
import { isObject, type SourceDoc } from './context.js';
import { commentRange, hasOpenapiTag } from './jsdoc.js';
import { normalizeRaw } from './normalize.js';
import { joinPointer, parseYaml } from './yaml-source.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);

interface RouteCall {
  method: string;
  /** The path as written; template literals keep `${...}` parts as written. */
  path: string;
  dynamic: boolean;
  at: SourceLocation;
  /** Other verbs of a `.route(p).get().post()` chain, which one comment cannot document. */
  extraVerbs: string[];
}

function verbOf(callee: Node): string | undefined {
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return undefined;
  const p = callee.property;
  const name = !callee.computed && p.type === 'Identifier' ? p.name : p.type === 'StringLiteral' ? p.value : undefined;
  return name && VERBS.has(name) ? (name === 'del' ? 'delete' : name) : undefined;
}

function literalPath(node: Node | undefined, code: string): { path: string; dynamic: boolean } | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral') return { path: node.value, dynamic: false };
  if (node.type === 'TemplateLiteral') {
    if (!node.expressions.length) return { path: node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(''), dynamic: false };
    return { path: code.slice((node.start ?? 0) + 1, (node.end ?? 0) - 1), dynamic: true };
  }
  return undefined;
}

/** `x.get('/p', ...)` or `x.route('/p').get(...)[.post(...)]` as a whole statement. */
export function routeCall(expr: Expression, code: string, file: string): RouteCall | undefined {
  if (expr.type !== 'CallExpression') return undefined;
  const at = { file, line: expr.loc?.start.line ?? 1, col: (expr.loc?.start.column ?? 0) + 1 };
  const verbs: string[] = [];
  let call: Node = expr;
  while (call.type === 'CallExpression' && call.callee.type === 'MemberExpression') {
    const verb = verbOf(call.callee);
    const object: Node = call.callee.object;
    if (verb && object.type === 'CallExpression' && object.callee.type === 'MemberExpression'
      && (verbOf(object.callee) || (object.callee.property.type === 'Identifier' && object.callee.property.name === 'route'))) {
      verbs.unshift(verb);
      call = object;
      continue;
    }
    if (call.callee.property.type === 'Identifier' && call.callee.property.name === 'route' && verbs.length) {
      const path = literalPath(call.arguments[0] as Node | undefined, code);
      return path ? { method: verbs[0], ...path, at, extraVerbs: verbs.slice(1) } : undefined;
    }
    if (verb && !verbs.length && call.arguments.length >= 2) {
      const path = literalPath(call.arguments[0] as Node | undefined, code);
      return path ? { method: verb, ...path, at, extraVerbs: [] } : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** Every flasgger block of the file, plus the comments they used (so the orphans can be told apart). */
export function readFlasggerBlocks(ast: File, code: string, file: string, load?: (file: string) => SourceDoc | undefined): DocsModel[] {
  const models: DocsModel[] = [];
  const used = new Set<Comment>();
  const ignored = new Map<Comment, string>();
  const visit = (node: Node): void => {
    if (node.type === 'ExpressionStatement') {
      const route = routeCall(node.expression, code, file);
      const above = route && [...node.leadingComments ?? []].reverse().find((c) => isDocComment(c) && !hasOpenapiTag(c));
      const inside = route && handlerDocstring(node.expression);
      let documented = false;
      for (const comment of [above, inside]) {
        if (!route || !comment) continue;
        if (documented) {
          if (flasggerParts(unwrapComment(comment))) ignored.set(comment, 'a second `---` doc block for a route already documented above it; this one is ignored');
          continue;
        }
        const model = readBlock(comment, route, file, load);
        if (model) {
          used.add(comment);
          models.push(model);
          documented = true;
        }
      }
    }
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') visit(c as Node);
      } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') {
        visit(child as Node);
      }
    }
  };
  visit(ast.program);
  for (const c of ast.comments ?? []) {
    if (used.has(c) || !isDocComment(c) || !c.value.includes('---') || hasOpenapiTag(c)) continue;
    if (!flasggerParts(unwrapComment(c))) continue;
    const orphan = emptyDocsModel();
    orphan.diagnostics.push({
      code: 'orphan-doc',
      severity: 'warning',
      message: ignored.get(c) ?? (insideFunction(ast, c)
        ? 'a `---` doc block inside a function that is not the inline handler of a route call; it documents nothing (move it above the route)'
        : 'a `---` doc block with no route call right under it; it documents nothing'),
      at: { file, line: c.loc?.start.line ?? 1, col: (c.loc?.start.column ?? 0) + 1 },
    });
    models.push(orphan);
  }
  return models;
}

/** The inline handler's body: the last argument, or the function a wrapper call (`asyncHandler(fn)`) is given. */
function handlerBody(call: Node): Node | undefined {
  if (call.type !== 'CallExpression') return undefined;
  let fn: Node | undefined = call.arguments[call.arguments.length - 1] as Node | undefined;
  if (fn?.type === 'CallExpression') fn = fn.arguments[fn.arguments.length - 1] as Node | undefined;
  if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return undefined;
  return fn.body.type === 'BlockStatement' ? fn.body : undefined;
}

/** The doc comment that comes first in the route's inline handler, before any statement (a docstring's place). */
function handlerDocstring(call: Expression): Comment | undefined {
  const body = handlerBody(call);
  if (body?.type !== 'BlockStatement') return undefined;
  const first = body.body[0] ?? body.directives[0];
  const comments = first ? (first.leadingComments ?? []) : (body.innerComments ?? []);
  return comments.find((c) => isDocComment(c) && !hasOpenapiTag(c) && (c.start ?? 0) > (body.start ?? 0));
}

/** Whether the comment sits inside a function body (for the orphan message). */
function insideFunction(ast: File, c: Comment): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found || (node.start ?? 0) > (c.start ?? 0) || (node.end ?? 0) < (c.end ?? 0)) return;
    if (/Function|Method/.test(node.type)) { found = true; return; }
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const n of Array.isArray(child) ? child : [child]) if (n && typeof n === 'object' && typeof (n as Node).type === 'string') visit(n as Node);
    }
  };
  visit(ast.program);
  return found;
}

function readBlock(comment: Comment, route: RouteCall, file: string, load?: (file: string) => SourceDoc | undefined): DocsModel | undefined {
  const parts = flasggerParts(unwrapComment(comment));
  if (!parts) return undefined;
  const commentAt = { file, line: comment.loc?.start.line ?? 1, col: (comment.loc?.start.column ?? 0) + 1 };
  const { text, map } = yamlText(parts.yaml);
  const yaml = parseYaml(text, file, map);
  if (yaml.diagnostics.length) return { ...emptyDocsModel(), diagnostics: yaml.diagnostics };
  if (!isObject(yaml.value)) {
    return { ...emptyDocsModel(), diagnostics: [{ code: 'unsupported', severity: 'error', message: 'the YAML after `---` must be a mapping', at: yaml.locate('') }] };
  }
  // bestEffort: a block on a route OpenAPI cannot express (`*`, a computed path) still documents it, tied by routeAt
  const { path, optional, constrained: regex } = toOpenApiPath(route.path, { bestEffort: true });
  const { definitions, components, ...operation } = yaml.value;
  if (parts.summary && operation.summary === undefined) operation.summary = parts.summary;
  if (parts.description && operation.description === undefined) operation.description = parts.description;
  const opPointer = joinPointer('/paths', path, route.method);
  const doc = { ...(definitions ? { definitions } : {}), ...(components ? { components } : {}), paths: { [path]: { [route.method]: operation } } };
  const root: SourceDoc = {
    file,
    value: doc,
    locate: (pointer) => yaml.locate(pointer.startsWith(opPointer) ? pointer.slice(opPointer.length) : pointer),
  };
  const model = normalizeRaw(root, { style: 'flasgger', fragment: true, load, operationAt: () => commentAt });
  const routeName = `${route.method.toUpperCase()} ${route.path}`;
  for (const op of model.operations) {
    op.comment = commentRange(comment);
    op.routeAt = route.at;
  }
  if (route.dynamic) {
    model.diagnostics.push({ code: 'dynamic-route', severity: 'info', message: 'the route path is computed; its documented path is resolved through routeAt by the scan', at: route.at, route: routeName });
  }
  if (optional.length) {
    model.diagnostics.push({ code: 'optional-param', severity: 'info', message: `optional path parameter(s) ${optional.join(', ')} documented as {${optional.join('}, {')}}: OpenAPI path parameters are always required`, at: route.at, route: routeName });
  }
  if (regex.length) {
    model.diagnostics.push({ code: 'regex-param', severity: 'info', message: `regex constraint on ${regex.join(', ')} dropped from the documented path`, at: route.at, route: routeName });
  }
  if (route.extraVerbs.length) {
    model.diagnostics.push({ code: 'unsupported', severity: 'warning', message: `one doc block above a route chain with ${[route.method, ...route.extraVerbs].join(', ')}: it documents ${route.method.toUpperCase()} only`, at: commentAt, route: routeName });
  }
  return model;
}

// Before: app.get('/api-docs.json', {}, legacy((req, res) => res.json(swaggerSpec)));  app.use('/api-docs', swaggerUi.serve, swaggerUi.setup(swaggerSpec));
// After:  app.get('/api-docs.json', serveOpenApi());                                   app.use('/api-docs', serveSwaggerUi());
//
// MA006: the URLs that served the hand-written document answer the generated one, so clients and bookmarks
// keep working. An endpoint is rewired only when it does nothing but send a legacy document (a binding loaded
// from a spec file, built by swagger-jsdoc, or handed to swagger-ui-express); anything else is left and said.
import { relative } from 'node:path';
import type { Node } from '../rules/ast.js';
import { isFunction, walk } from '../rules/ast.js';
import { SourceEdits } from '../rules/edits.js';
import { exportedLegacyDocs, importedLegacyDocs, legacyDocBindings } from './legacy-doc-bindings.js';
import { Resolver } from '../scan/resolve.js';
import { addCompatImport, namesImportedFrom, parseProgram } from './source.js';
import { outsideFiles } from './outside-files.js';
import { result, type FinishContext, type FinishStep, type StepResult } from './types.js';

export interface FileRewire { output?: string; did: string[]; reasons: string[]; lines?: number[] }

/**
 * `res.setHeader('Content-Type', 'application/json')` and its spellings (`res.set`, `res.header`, `res.type('json')`):
 * what res.json and res.send of an object set anyway, so the generated document answers with the same header.
 */
function setsJsonType(stmt: Node, res: string): boolean {
  if (stmt.type !== 'ExpressionStatement') return false;
  const c = stmt.expression;
  if (c.type !== 'CallExpression' || c.callee.type !== 'MemberExpression' || c.callee.object.type !== 'Identifier' || c.callee.object.name !== res) return false;
  const text = (n: Node | undefined) => (n?.type === 'StringLiteral' ? n.value as string : null);
  const json = (v: string | null) => v !== null && /^application\/json(\s*;\s*charset=utf-8)?$/i.test(v);
  const [a, b] = c.arguments as Node[];
  switch (c.callee.property?.name) {
    case 'setHeader': case 'set': case 'header': return c.arguments.length === 2 && text(a)?.toLowerCase() === 'content-type' && json(text(b));
    case 'type': case 'contentType': return c.arguments.length === 1 && (text(a) === 'json' || json(text(a)));
    default: return false;
  }
}

/** `(req, res) => res.json(doc)` / `{ res.send(doc); }` / `res.status(200).json(doc)`, after a JSON content type at most: the document's name, or null. */
function sentDocument(fn: Node): string | null {
  if (!isFunction(fn) || fn.params.length < 2 || fn.params[1].type !== 'Identifier') return null;
  const res = fn.params[1].name;
  let body = fn.body;
  if (body.type === 'BlockStatement') {
    const [last, ...before] = [...body.body as Node[]].reverse();
    if (last?.type !== 'ExpressionStatement' || !before.every((s) => setsJsonType(s, res))) return null;
    body = last.expression;
  }
  if (body.type !== 'CallExpression' || body.callee.type !== 'MemberExpression' || !['json', 'send'].includes(body.callee.property.name)) return null;
  let target = body.callee.object;
  if (target.type === 'CallExpression' && target.callee.property?.name === 'status' && target.arguments[0]?.value === 200) target = target.callee.object;
  if (target.type !== 'Identifier' || target.name !== res || body.arguments.length !== 1 || body.arguments[0].type !== 'Identifier') return null;
  return body.arguments[0].name;
}

/** The handler of `x.get(path, handler)` or of a migrated `x.get(path, {}, legacy(handler))`. */
function onlyHandler(args: Node[]): Node | null {
  if (args.length === 2) return args[1];
  if (args.length === 3 && args[1].type === 'ObjectExpression' && args[1].properties.length === 0
    && args[2].type === 'CallExpression' && args[2].arguments.length === 1) return args[2].arguments[0];
  return null;
}

/**
 * Rewires `file`'s docs endpoints. `exportedDocsOf(spec)` gives what an imported module of the app exports bound to a
 * legacy document, so `res.send(swaggerSpec)` counts when swaggerSpec is built in `./docs/swagger`.
 */
export function rewireDocsEndpoints(source: string, file: string, exportedDocsOf: (spec: string) => ReadonlySet<string> = () => new Set()): FileRewire {
  const did: string[] = [];
  const reasons: string[] = [];
  const program = parseProgram(source, file);
  if (!program) return { did, reasons };
  const swaggerUi = namesImportedFrom(program, ['swagger-ui-express']);
  const validator = namesImportedFrom(program, ['express-openapi-validator']);
  const docs = new Set([...legacyDocBindings(program, source), ...importedLegacyDocs(program, exportedDocsOf)]);
  const edits = new SourceEdits(source);
  const needs = new Set<string>();
  const lines: number[] = [];
  const at = (n: Node) => `${file}:${n.loc.start.line}`;
  // `app.use(p, swaggerUi.serve); app.get(p, swaggerUi.setup(spec))`: the pair, found by receiver and path.
  const pairUse = new Map<string, Node>();
  const pairGet = new Map<string, { call: Node; stmt: Node | null }>();
  walk(program, (n, parent) => {
    if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression') return;
    const verb = n.callee.property?.name;
    const args = n.arguments as Node[];
    const path = args[0]?.type === 'StringLiteral' ? args[0].value as string : null;
    if (verb === 'get' && path) {
      const handler = onlyHandler(args);
      const doc = handler && sentDocument(handler);
      if (doc && docs.has(doc)) {
        edits.replace(args[1].start, args[args.length - 1].end, 'serveOpenApi()');
        needs.add('serveOpenApi');
        lines.push(n.loc.start.line);
        did.push(`${at(n)}: GET ${path} serves the generated document (was ${doc})`);
      }
    }
    if (verb === 'use' && path && args.length === 3) {
      const isUi = (a: Node, prop: string) => {
        const m = a.type === 'SpreadElement' ? a.argument : a.type === 'CallExpression' ? a.callee : a;
        return m.type === 'MemberExpression' && m.object.type === 'Identifier' && swaggerUi.has(m.object.name) && m.property.name === prop;
      };
      if (isUi(args[1], 'serve') && isUi(args[2], 'setup')) {
        edits.replace(args[1].start, args[2].end, 'serveSwaggerUi()');
        needs.add('serveSwaggerUi');
        did.push(`${at(n)}: Swagger UI at ${path} shows the generated document`);
      }
    }
    const last = verb === 'get' ? onlyHandler(args) : args.length === 2 ? args[1] : null;
    if (path && last && (verb === 'use' || verb === 'get')) {
      const m = last.type === 'SpreadElement' ? last.argument : last.type === 'CallExpression' ? last.callee : last;
      const prop = verb === 'use' ? 'serve' : 'setup';
      if ((verb === 'get') === (last.type === 'CallExpression') && m.type === 'MemberExpression' && m.object.type === 'Identifier' && swaggerUi.has(m.object.name) && m.property.name === prop) {
        const key = `${source.slice(n.callee.object.start, n.callee.object.end)} ${path}`;
        if (verb === 'use') pairUse.set(key, n); else pairGet.set(key, { call: n, stmt: parent?.type === 'ExpressionStatement' ? parent : null });
      }
    }
    if (verb === 'middleware' && n.callee.object.type === 'Identifier' && validator.has(n.callee.object.name)) {
      // Its apiSpec is read when the app starts, before the routes that make the generated document exist.
      reasons.push(`${at(n)}: express-openapi-validator still validates against its apiSpec: the generated document exists only once every route is registered; remove it when validation is enforced (MA010)`);
    }
  });
  for (const [key, use] of pairUse) {
    const get = pairGet.get(key);
    if (!get?.stmt) continue;
    edits.replace(use.arguments[1].start, use.arguments[1].end, 'serveSwaggerUi()');
    edits.removeLines(get.stmt.start, get.stmt.end);
    lines.push(get.call.loc.start.line);
    needs.add('serveSwaggerUi');
    did.push(`${at(use)}: Swagger UI at ${key.split(' ').pop()} shows the generated document (the swaggerUi.setup route at line ${get.call.loc.start.line} goes)`);
  }
  if (!needs.size) return { did, reasons };
  addCompatImport(program, file, source, [...needs], edits);
  return { output: edits.apply(), did, reasons, lines };
}

export const ma006: FinishStep = {
  id: 'MA006',
  name: 'docs-endpoints',
  run(ctx: FinishContext): StepResult {
    const did: string[] = [];
    const reasons: string[] = [];
    const rewired: string[] = [];
    const paths: string[] = [];
    const resolver = new Resolver(ctx.analysis.scans);
    const exported = new Map<string, ReadonlySet<string>>();
    const exportedDocsOf = (file: string) => (spec: string): ReadonlySet<string> => {
      const target = resolver.resolveModule(file, spec);
      if (!target) return new Set();
      let docs = exported.get(target);
      if (!docs) {
        const text = ctx.ws.read(target);
        const program = text === null ? null : parseProgram(text, target);
        docs = program && text !== null ? exportedLegacyDocs(program, text) : new Set();
        exported.set(target, docs);
      }
      return docs;
    };
    for (const file of ctx.analysis.scan.files) {
      const text = ctx.ws.read(file);
      if (text === null || !/swagger|openapi|\.ya?ml|\.json/i.test(text)) continue;
      const r = rewireDocsEndpoints(text, relative(ctx.root, file) || file, exportedDocsOf(file));
      did.push(...r.did);
      reasons.push(...r.reasons);
      for (const l of r.lines ?? []) paths.push(`${file}:${l}`);
      if (r.output !== undefined && r.output !== text) { ctx.ws.write(file, r.output); rewired.push(file); }
    }
    // An endpoint in a file beside the folder finish was given (`config/swagger.ts` next to `src/`) is said, not
    // rewired: finish changes only that folder, as the migration did.
    for (const file of outsideFiles(ctx)) {
      const text = ctx.ws.read(file);
      if (text === null || !/swagger|openapi/i.test(text)) continue;
      const r = rewireDocsEndpoints(text, relative(ctx.root, file) || file, exportedDocsOf(file));
      for (const d of r.did) {
        reasons.push(`${d.replace(/ (shows|serves) the generated document.*$/, '')} serves the legacy document from outside ${relative(ctx.packageRoot, ctx.root) || '.'}, the folder finish changes: left (run finish on a folder that holds it, or use serveSwaggerUi()/serveOpenApi() from migrate-api/compat there)`);
      }
    }
    ctx.notes.set('MA006.rewired', rewired);
    ctx.notes.set('MA006.rewiredPaths', paths);
    return result(this, did, reasons);
  },
};

// What a legacy handler really does with the request and response, read from its AST: the fields it
// reads (`req.query.page`, `const { email } = req.body`, `req.get('X-Api-Key')`), the statuses it sends
// and the keys of object literals it sends. The drift check compares these facts with the docs.
import type * as t from '@babel/types';

export type InputLocation = 'params' | 'query' | 'body' | 'header';

/** What the code makes of a value read from the request: `Number(x)` / `parseFloat(x)` a number, `parseInt(x)`
 *  an integer, `x === 'true'` a boolean (the strings on the wire that mean one). */
export type ReadHint = 'number' | 'int' | 'bool';
/** Header names are compared lowercased (HTTP ignores case); `written` keeps the spelling for messages. */
export interface FieldRead { location: InputLocation; name: string; line: number; written?: string; hint?: ReadHint }
export interface StatusSent { status: number; line: number }
/** An answer with no body, and the call that made it (`res.json()`, `replyEmptyJson(200)`), named in the finding. */
export interface EmptyBody extends StatusSent { call: string }
/** The JSON type of a literal value in a sent object, where the source shows it. */
export type LiteralKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';
export interface ObjectSent { status: number | null; keys: string[]; line: number; kinds?: Record<string, LiteralKind> }

export interface HandlerFacts {
  reads: FieldRead[];
  statuses: StatusSent[];
  objects: ObjectSent[];
  /** A location read as a whole in a way we cannot follow (`validate(req.body)`, `{...req.query}`):
   *  "declared but never read" is not claimed for it. */
  opaque: Set<InputLocation>;
  /** `res.redirect(url)` (302) / `res.redirect(301, url)`: kept apart from `statuses`, which the drift check
   *  compares with the docs. */
  redirects: StatusSent[];
  /** Every send whose status is known (`res.json(x)`, `res.status(201).send(x)`, `res.render(...)`): the status is
   *  a fact even where the body is not a literal. A send without a chained status counts as 200 only where the
   *  handler never sets a status in a statement of its own (`res.status(404); res.json(...)`). */
  sends: StatusSent[];
  /** Answers with no body: `res.json()`, `res.send()` and (in a handler that never writes or pipes) `res.end()`
   *  without an argument, and a typed handler's `reply(n)`, `replyEnd(n)`, `replyEmptyJson(n)`. The runtime checks
   *  none of them against the docs (nothing was sent to check), so only the drift check can say the docs promised a
   *  body there. Status 0 stands for the default status, resolved as `sends` are. */
  emptyBodies: EmptyBody[];
}

type Node = t.Node;

const LOCATION_OF: Record<string, InputLocation> = { params: 'params', query: 'query', body: 'body', headers: 'header' };

/** Children of a node, in source order, without the metadata keys babel keeps beside them. */
function* children(node: Node): Generator<Node> {
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments' || key === 'extra') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v === 'object' && typeof (v as Node).type === 'string') yield v as Node;
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
      yield value as Node;
    }
  }
}

/** Each node with its parent, depth first. */
export function walk(node: Node, visit: (node: Node, parent: Node | null) => void, parent: Node | null = null): void {
  visit(node, parent);
  for (const child of children(node)) walk(child, visit, node);
}

function propName(node: t.MemberExpression | t.OptionalMemberExpression): string | null {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.property.type === 'StringLiteral') return node.property.value;
  return null;
}

function isIdent(node: Node | null | undefined, name: string | undefined): boolean {
  return !!name && node?.type === 'Identifier' && node.name === name;
}

function paramName(p: Node | undefined): string | undefined {
  return p?.type === 'Identifier' ? p.name : undefined;
}

const line = (n: Node) => n.loc?.start.line ?? 0;

/** `(req.body ?? {}) as T`, `req.body!`: the location behind a cast or an empty-object fallback. */
function unwrapInit(node: Node): Node {
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression'
    || node.type === 'ParenthesizedExpression' || node.type === 'TypeCastExpression') return unwrapInit(node.expression);
  if (node.type === 'LogicalExpression' && (node.operator === '??' || node.operator === '||')
    && node.right.type === 'ObjectExpression' && node.right.properties.length === 0) return unwrapInit(node.left);
  return node;
}

const fieldRead = (location: InputLocation, name: string, at: number): FieldRead =>
  location === 'header' ? { location, name: name.toLowerCase(), line: at, written: name } : { location, name, line: at };

/** A typed handler's `{ req, res: response }` context: the names it reads the raw request and response under. */
function contextName(p: Node | undefined, key: 'req' | 'res'): string | undefined {
  if (p?.type !== 'ObjectPattern') return undefined;
  for (const prop of p.properties) {
    if (prop.type === 'ObjectProperty' && !prop.computed && isIdent(prop.key, key) && prop.value.type === 'Identifier') return prop.value.name;
  }
  return undefined;
}

export function handlerFacts(fn: t.Function): HandlerFacts {
  // `(req, res)`, or a typed handler's `(input, { req, res })` that reads some of the request raw.
  const typedContext = fn.params[1]?.type === 'ObjectPattern';
  const req = typedContext ? contextName(fn.params[1], 'req') : paramName(fn.params[0]);
  const res = typedContext ? contextName(fn.params[1], 'res') : paramName(fn.params[1]);
  const facts: HandlerFacts = { reads: [], statuses: [], objects: [], opaque: new Set(), redirects: [], sends: [], emptyBodies: [] };
  let streams = false;
  let bareStatus = false;
  // `const { page } = req.query`: later `Number(page)` tells page's type.
  const bound = new Map<string, FieldRead>();
  // `const q = req.query` aliases: later `q.page` reads count as query reads.
  const aliases = new Map<string, InputLocation>();

  const locationOf = (node: Node): InputLocation | null => {
    if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && isIdent(node.object, req)) {
      const name = propName(node);
      return name ? LOCATION_OF[name] ?? null : null;
    }
    if (node.type === 'Identifier' && aliases.has(node.name)) return aliases.get(node.name)!;
    return null;
  };

  const readPattern = (pattern: Node, location: InputLocation) => {
    if (pattern.type === 'ObjectPattern') {
      for (const prop of pattern.properties) {
        if (prop.type === 'RestElement') { facts.opaque.add(location); continue; }
        const key = prop.key.type === 'Identifier' && !prop.computed ? prop.key.name : prop.key.type === 'StringLiteral' ? prop.key.value : null;
        if (key) {
          const read = fieldRead(location, key, line(prop));
          facts.reads.push(read);
          const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
          if (value.type === 'Identifier') bound.set(value.name, read);
        } else facts.opaque.add(location);
      }
    } else if (pattern.type === 'Identifier') {
      aliases.set(pattern.name, location);
    } else {
      facts.opaque.add(location);
    }
  };

  // `{ params, query: { page }, body }` taken from the request (or the typed handler's input):
  // its names are the request's locations, so they are followed like `req.query`.
  const readLocations = (pattern: t.ObjectPattern) => {
    for (const prop of pattern.properties) {
      if (prop.type === 'RestElement') { for (const loc of ['query', 'body', 'header'] as const) facts.opaque.add(loc); continue; }
      const key = prop.key.type === 'Identifier' && !prop.computed ? prop.key.name : null;
      const location = key ? LOCATION_OF[key] : undefined;
      if (!location) continue;
      const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
      readPattern(value, location);
    }
  };
  // The inits `const { a } = <init>` reads from, already followed field by field (not opaque).
  const followed = new Set<Node>();
  // A typed handler, `async ({ params, query, body }) => ...`, receives the validated input destructured.
  if (fn.params[0]?.type === 'ObjectPattern') readLocations(fn.params[0]);

  walk(fn.body, (node, parent) => {
    // matchedData(req), validate(req): whatever that function reads, we cannot see it.
    if (node.type === 'Identifier' && node.name === req && parent && (parent.type === 'CallExpression' || parent.type === 'NewExpression')
      && (parent.arguments as Node[]).includes(node)) {
      for (const loc of ['query', 'body', 'header'] as const) facts.opaque.add(loc);
      return;
    }
    // req.query.page / req.body.email / alias.page
    if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
      const location = locationOf(node.object);
      if (location) {
        const name = propName(node);
        if (name) {
          const read = fieldRead(location, name, line(node));
          const hint = parent ? hintOf(node, parent) : undefined;
          facts.reads.push(hint ? { ...read, hint } : read);
        } else facts.opaque.add(location);
        return;
      }
      const whole = locationOf(node);
      if (whole && parent && !(parent.type === 'MemberExpression' && parent.object === node) && !followed.has(node)) {
        facts.opaque.add(whole);
      }
    }
    if (node.type === 'Identifier' && parent && bound.has(node.name)) {
      const hint = hintOf(node, parent);
      if (hint) bound.get(node.name)!.hint ??= hint;
    }
    // const { a, b } = req.body / (req.body ?? {}) as T / const { query: { page } } = req
    if (node.type === 'VariableDeclarator' && node.init) {
      const init = unwrapInit(node.init);
      const location = locationOf(init);
      if (location) {
        readPattern(node.id, location);
        followed.add(init);
      } else if (isIdent(init, req) && node.id.type === 'ObjectPattern') {
        readLocations(node.id);
        followed.add(init);
      }
    }
    // validate(q), { ...q } where q = req.query: handed away whole.
    if (node.type === 'Identifier' && aliases.has(node.name) && parent
      && (((parent.type === 'CallExpression' || parent.type === 'NewExpression') && (parent.arguments as Node[]).includes(node)) || parent.type === 'SpreadElement')) {
      facts.opaque.add(aliases.get(node.name)!);
    }
    if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
      const callee = node.callee;
      // req.get('X-Api-Key') / req.header('X-Api-Key')
      if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && isIdent(callee.object, req)) {
        const name = propName(callee);
        const arg = node.arguments[0];
        if ((name === 'get' || name === 'header') && arg?.type === 'StringLiteral') {
          facts.reads.push(fieldRead('header', arg.value, line(node)));
        }
      }
      collectSend(node, res, facts);
      const empty = emptyTypedReply(node);
      if (empty) facts.emptyBodies.push(empty);
      if (writesInPieces(node, res)) streams = true;
      if (callee.type === 'MemberExpression' && isIdent(callee.object, res) && propName(callee) === 'status'
        && !(parent?.type === 'MemberExpression' && parent.object === node)) bareStatus = true;
    }
    // throw new HTTPException(404, ...) / createError(404) / new HttpError(404)
    if (node.type === 'NewExpression' || node.type === 'CallExpression') {
      const callee = node.callee;
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propName(callee) : null;
      const arg = node.arguments[0];
      if (name && /^(HTTPException|HttpException|HttpError|HTTPError|createError|ApiError|AppError)$/.test(name) && arg?.type === 'NumericLiteral') {
        facts.statuses.push({ status: arg.value, line: line(node) });
      }
    }
  });
  if (streams) facts.emptyBodies = facts.emptyBodies.filter((e) => !e.call.endsWith('.end()'));
  if (bareStatus) {
    facts.sends = facts.sends.filter((s) => s.status !== 0);
    facts.emptyBodies = facts.emptyBodies.filter((s) => s.status !== 0);
  }
  for (const s of [...facts.sends, ...facts.emptyBodies]) if (s.status === 0) s.status = 200;
  return facts;
}

/** `Number(x)`, `parseInt(x, 10)`, `x === 'true'`: what the code takes the read value `node` for. */
function hintOf(node: Node, parent: Node): ReadHint | undefined {
  if (parent.type === 'CallExpression' && parent.arguments[0] === node && parent.callee.type === 'Identifier') {
    const fn = parent.callee.name;
    return fn === 'parseInt' ? 'int' : fn === 'Number' || fn === 'parseFloat' ? 'number' : undefined;
  }
  if (parent.type === 'UnaryExpression' && parent.operator === '+') return 'number';
  if (parent.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(parent.operator)) {
    const other = parent.left === node ? parent.right : parent.left;
    if (other.type === 'StringLiteral' && (other.value === 'true' || other.value === 'false')) return 'bool';
  }
  return undefined;
}

function literalKind(node: Node): LiteralKind | undefined {
  switch (node.type) {
    case 'StringLiteral': case 'TemplateLiteral': return 'string';
    case 'NumericLiteral': return 'number';
    case 'BooleanLiteral': return 'boolean';
    case 'ObjectExpression': return 'object';
    case 'ArrayExpression': return 'array';
    case 'NullLiteral': return 'null';
    default: return undefined;
  }
}

/** `res.status(n)`, `res.sendStatus(n)`, and what `res.json(x)`/`res.send(x)` sends, with the status of its chain. */
function collectSend(call: t.CallExpression | t.OptionalCallExpression, res: string | undefined, facts: HandlerFacts): void {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return;
  const method = propName(callee);
  if (!method) return;
  const chainStatus = statusOfChain(callee.object, res);
  if (chainStatus === undefined) return; // not a call on res
  const arg = call.arguments[0];
  if ((method === 'status' || method === 'sendStatus') && arg?.type === 'NumericLiteral') {
    facts.statuses.push({ status: arg.value, line: line(call) });
    return;
  }
  if (method === 'redirect' && chainStatus === null && arg) {
    facts.redirects.push({ status: arg.type === 'NumericLiteral' && call.arguments.length > 1 ? arg.value : 302, line: line(call) });
    return;
  }
  // `res.status(code).json(...)`: which documented response it is compared with is unknown.
  if (chainStatus === UNKNOWN_STATUS) return;
  // 0 stands for "the default status" until the whole handler is read (see handlerFacts).
  if (SENDS.has(method)) facts.sends.push({ status: chainStatus ?? 0, line: line(call) });
  if (call.arguments.length === 0 && (method === 'json' || method === 'send' || method === 'end')) {
    facts.emptyBodies.push({ status: chainStatus ?? 0, line: line(call), call: `res.${chainStatus === null ? '' : `status(${chainStatus}).`}${method}()` });
  }
  if ((method === 'json' || method === 'send') && arg?.type === 'ObjectExpression') {
    const keys: string[] = [];
    const kinds: Record<string, LiteralKind> = {};
    let exact = true;
    for (const p of arg.properties) {
      if (p.type === 'SpreadElement') { exact = false; continue; }
      const k = p.key.type === 'Identifier' && !p.computed ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : null;
      if (k) keys.push(k); else exact = false;
      const kind = k && p.type === 'ObjectProperty' ? literalKind(p.value) : undefined;
      if (k && kind) kinds[k] = kind;
    }
    if (exact) facts.objects.push({ status: chainStatus, keys, line: line(call), ...(Object.keys(kinds).length ? { kinds } : {}) });
  }
}

/** `res.write(chunk)` / `stream.pipe(res)` beside a `res.end()`: the body went out in pieces, not empty. */
function writesInPieces(call: t.CallExpression | t.OptionalCallExpression, res: string | undefined): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return false;
  const name = propName(callee);
  return (name === 'write' && isIdent(callee.object, res)) || (name === 'pipe' && call.arguments.some((a) => isIdent(a, res)));
}

/** `reply(n)` (no body argument), `replyEnd(n, headers?)`, `replyEmptyJson(n, headers?)` with a literal status. */
function emptyTypedReply(call: t.CallExpression | t.OptionalCallExpression): EmptyBody | null {
  const callee = call.callee;
  if (callee.type !== 'Identifier') return null;
  const status = call.arguments[0];
  if (status?.type !== 'NumericLiteral') return null;
  const empty = callee.name === 'reply' ? call.arguments.length === 1 : callee.name === 'replyEnd' || callee.name === 'replyEmptyJson';
  return empty ? { status: status.value, line: line(call), call: `${callee.name}(${status.value})` } : null;
}

const UNKNOWN_STATUS = 'unknown';
const SENDS = new Set(['json', 'send', 'end', 'render', 'sendFile', 'download', 'jsonp']);

/** For `res.status(201).json`, the object `res.status(201)`: 201; for `res`: null (default status);
 *  for `res.status(code)`: UNKNOWN_STATUS; undefined when the chain does not start at res. */
function statusOfChain(node: Node, res: string | undefined): number | null | typeof UNKNOWN_STATUS | undefined {
  if (isIdent(node, res)) return null;
  if (node.type === 'CallExpression' && (node.callee.type === 'MemberExpression')) {
    const inner = statusOfChain(node.callee.object, res);
    if (inner === undefined) return undefined;
    const name = propName(node.callee);
    const arg = node.arguments[0];
    if (name === 'status') return arg?.type === 'NumericLiteral' ? arg.value : UNKNOWN_STATUS;
    return inner;
  }
  return undefined;
}

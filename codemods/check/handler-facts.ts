// What a legacy handler really does with the request and response, read from its AST: the fields it
// reads (`req.query.page`, `const { email } = req.body`, `req.get('X-Api-Key')`), the statuses it sends
// and the keys of object literals it sends. The drift check compares these facts with the docs.
import type * as t from '@babel/types';

export type InputLocation = 'params' | 'query' | 'body' | 'header';

/** Header names are compared lowercased (HTTP ignores case); `written` keeps the spelling for messages. */
export interface FieldRead { location: InputLocation; name: string; line: number; written?: string }
export interface StatusSent { status: number; line: number }
export interface ObjectSent { status: number | null; keys: string[]; line: number }

export interface HandlerFacts {
  reads: FieldRead[];
  statuses: StatusSent[];
  objects: ObjectSent[];
  /** A location read as a whole in a way we cannot follow (`validate(req.body)`, `{...req.query}`):
   *  "declared but never read" is not claimed for it. */
  opaque: Set<InputLocation>;
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
  const facts: HandlerFacts = { reads: [], statuses: [], objects: [], opaque: new Set() };
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
        if (key) facts.reads.push(fieldRead(location, key, line(prop)));
        else facts.opaque.add(location);
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
        if (name) facts.reads.push(fieldRead(location, name, line(node)));
        else facts.opaque.add(location);
        return;
      }
      const whole = locationOf(node);
      if (whole && parent && !(parent.type === 'MemberExpression' && parent.object === node) && !followed.has(node)) {
        facts.opaque.add(whole);
      }
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
  return facts;
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
  // `res.status(code).json(...)`: which documented response it is compared with is unknown.
  if (chainStatus === UNKNOWN_STATUS) return;
  if ((method === 'json' || method === 'send') && arg?.type === 'ObjectExpression') {
    const keys: string[] = [];
    let exact = true;
    for (const p of arg.properties) {
      if (p.type === 'SpreadElement') { exact = false; continue; }
      const k = p.key.type === 'Identifier' && !p.computed ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : null;
      if (k) keys.push(k); else exact = false;
    }
    if (exact) facts.objects.push({ status: chainStatus, keys, line: line(call) });
  }
}

const UNKNOWN_STATUS = 'unknown';

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

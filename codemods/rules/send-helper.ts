// Before: return ok(res, slice, meta);     with  const ok = (res, data, meta) => res.status(200).json(meta ? { data, meta } : { data });
// After:  return reply(200, meta ? { data: slice, meta } : { data: slice });
//
// A "send helper" is a local function whose body is one send (handler-sends.ts) on its `res` parameter and
// computes the reply from its parameters alone. A typed handler has no `res` to hand it, so the call is inlined
// as the send it stands for, the arguments put where the parameters were. The helper itself stays (other code
// may call it). Inlining moves when an argument is evaluated: from "all, in order, at the call" to "where the
// parameter appears", so an argument with effects must appear exactly once and unconditionally, and at most one
// argument may have effects; literals and missing arguments are put in first, so `meta ? {..} : {..}` with no
// `meta` folds to its `else` branch.
import { parseExpression as babelParseExpression } from '@babel/parser';
import { parserPlugins } from '../parse.js';
import { buildParents, forEachChild, isFunction, isReference, patternNames, walk, type Node } from './ast.js';
import type { Part } from './edits.js';
import type { FilePlan } from '../plan.js';
import type { RuleContext } from './context.js';
import { isInert, readResUse, type ResUse, type SendChain } from './handler-sends.js';

/** What the planner found at a helper's definition (serializable: it travels in the FilePlan to the workers). */
export interface SendHelper {
  params: string[];
  /** Which parameter is the response. */
  res: number;
  /** The source of the send (`res.status(200).json(meta ? { data, meta } : { data })`). */
  text: string;
}

export type SendHelperEntry = SendHelper | { why: string };

const SIMPLE_TYPES = new Set(['Identifier', 'StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'TemplateLiteral',
  'MemberExpression', 'OptionalMemberExpression', 'CallExpression', 'OptionalCallExpression', 'ObjectExpression', 'ArrayExpression', 'ThisExpression']);

/** Node types a helper's reply may be computed with: reads of its parameters and literals, no effects. */
const PURE_TYPES = new Set(['Identifier', 'StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'TemplateLiteral', 'TemplateElement',
  'ObjectExpression', 'ObjectProperty', 'ArrayExpression', 'SpreadElement', 'ConditionalExpression', 'LogicalExpression', 'BinaryExpression',
  'UnaryExpression', 'MemberExpression', 'OptionalMemberExpression']);

/** The one send expression of a helper's body, or null. */
function sendExpression(fn: Node): Node | null {
  const body = fn.body as Node;
  if (fn.type === 'ArrowFunctionExpression' && body.type !== 'BlockStatement') return body;
  if (body.type !== 'BlockStatement' || body.body.length !== 1 || body.directives?.length) return null;
  const only = body.body[0] as Node;
  if (only.type === 'ReturnStatement' && only.argument) return only.argument;
  if (only.type === 'ExpressionStatement') return only.expression;
  return null;
}

/** The chain's root: `res` of `res.status(200).json(x)`. */
function chainRoot(n: Node): Node {
  let cur = n;
  while (cur.type === 'CallExpression' && cur.callee.type === 'MemberExpression') cur = cur.callee.object;
  return cur;
}

/** Reads a helper definition: a send helper, or why not. `source` is its file's text. */
export function readSendHelper(fn: Node, source: string, file: string): SendHelperEntry {
  if (!/^(ArrowFunctionExpression|FunctionExpression|FunctionDeclaration)$/.test(fn.type)) return { why: 'not a plain function' };
  if (fn.async || fn.generator) return { why: 'async or a generator' };
  if (!fn.params.every((p: Node) => p.type === 'Identifier')) return { why: 'it has default, rest or destructured parameters' };
  const params = fn.params.map((p: Node) => p.name as string);
  const send = sendExpression(fn);
  if (!send || send.type !== 'CallExpression') return { why: 'its body is not a single send' };
  const root = chainRoot(send);
  const res = root.type === 'Identifier' ? params.indexOf(root.name) : -1;
  if (res < 0) return { why: 'its body does not send on a parameter' };
  // A status the caller passes (`res.status(status)`) is read at each call, where a literal goes in first;
  // here it stands in as 200 so the rest of the chain can be read.
  let checked = send;
  const statusParams: Node[] = [];
  for (let cur: Node = send; cur.type === 'CallExpression' && cur.callee.type === 'MemberExpression'; cur = cur.callee.object) {
    const link = cur.callee.property.name;
    const a = cur.arguments[0];
    if ((link === 'status' || link === 'sendStatus') && cur.arguments.length === 1 && a.type === 'Identifier' && params.includes(a.name) && a.name !== params[res]) statusParams.push(a);
  }
  if (statusParams.length) {
    let t = source.slice(send.start, send.end);
    for (const a of statusParams.sort((x, y) => y.start - x.start)) t = t.slice(0, a.start - send.start) + '200' + t.slice(a.end - send.start);
    try { checked = parseSnippet(t, file); } catch { return { why: 'its send does not parse' }; }
  }
  const parents = buildParents(checked);
  const use = readResUse(parents, chainRoot(checked));
  if (use.kind !== 'send' || use.send.call !== checked) return { why: use.kind === 'legacy' ? use.why : 'its body is not a single send' };
  // A status computed inside the helper: the typed form keeps `res.status(code)` as the app's own call
  // (compat/reply-computed.ts), which needs the handler's res where the helper's body stands.
  if (use.send.computed) return { why: '`res.status()` with a computed status' };
  let why: string | null = null;
  const pure = (n: Node | null) => n && check(n, parents.get(n));
  function check(n: Node, parent: Node | undefined): void {
    if (why) return;
    if (!PURE_TYPES.has(n.type) || (n.type === 'UnaryExpression' && n.operator === 'delete')
      || (n.type === 'ObjectProperty' && n.computed) || (n.type === 'MemberExpression' && n.computed)) { why = 'it computes its reply with more than its parameters'; return; }
    if (n.type === 'Identifier' && isReference(n, parent) && !(parent?.type === 'ObjectProperty' && parent.shorthand && parent.key === n)) {
      if (n.name === params[res]) { why = `it uses \`${n.name}\` other than to send`; return; }
      if (!params.includes(n.name) && n.name !== 'undefined') { why = `its reply reads \`${n.name}\`, which is not a parameter`; return; }
    }
    forEachChild(n, (c) => check(c, n));
  }
  pure(use.send.value);
  for (const h of use.send.headers) pure(h.value);
  if (why) return { why };
  return { params, res, text: source.slice(send.start, send.end) };
}

const isLiteral = (n: Node): boolean => /^(StringLiteral|NumericLiteral|BooleanLiteral|NullLiteral)$/.test(n.type)
  || (n.type === 'Identifier' && n.name === 'undefined')
  || (n.type === 'TemplateLiteral' && n.expressions.length === 0)
  || (n.type === 'UnaryExpression' && n.operator === '-' && n.argument.type === 'NumericLiteral');

/** The truth of a literal test, or null when it is not one. */
function literalTruth(n: Node): boolean | null {
  switch (n.type) {
    case 'StringLiteral': return n.value !== '';
    case 'NumericLiteral': return n.value !== 0;
    case 'BooleanLiteral': return n.value;
    case 'NullLiteral': return false;
    case 'Identifier': return n.name === 'undefined' ? false : null;
    default: return null;
  }
}

export interface InlinedSend { send: SendChain }

/** The output text of a reply value or header value built from a helper's template (the node itself is parsed
 *  from that text, for the rule's checks: an object literal? inert?). */
export const inlinedParts = new WeakMap<Node, Part[]>();

/** A snippet parsed on its own, in the syntax of `file` (positions are the snippet's). */
function parseSnippet(src: string, file: string): Node {
  return babelParseExpression(src, { plugins: parserPlugins(file), allowAwaitOutsideFunction: true }) as unknown as Node;
}

/** The send a call of `helper` stands for, at `call` in `file` (the handler's `res` is argument `helper.res`). */
export function inlineSendHelper(helper: SendHelper, call: Node, source: string, file: string): InlinedSend | { why: string } {
  const parseExpression = (src: string) => parseSnippet(src, file);
  const args = call.arguments as Node[];
  const name = source.slice(call.callee.start, call.callee.end);
  if (args.some((a) => a.type === 'SpreadElement')) return { why: `spreads arguments into \`${name}()\`` };
  if (args[helper.res]?.type !== 'Identifier') return { why: `passes \`res\` to \`${name}()\` in another place than its response parameter` };
  const argText = (a: Node) => source.slice(a.start, a.end);
  // 1. Literal and missing arguments go in as text, so the send reads as one (`status(code)` with 404) and
  //    conditionals on them fold.
  let template: Node;
  let text = helper.text;
  try {
    template = parseExpression(text);
    const subst: Array<{ start: number; end: number; text: string }> = [];
    const base = template.start as number;
    visitRefs(template, helper, (ref, shorthand) => {
      const i = helper.params.indexOf(ref.name);
      const arg = args[i];
      if (arg && !isLiteral(arg)) return;
      const value = arg ? argText(arg) : 'undefined';
      const at = shorthand ?? ref;
      subst.push({ start: at.start - base, end: at.end - base, text: shorthand ? `${ref.name}: ${value}` : value });
    });
    for (const s of subst.sort((a, b) => b.start - a.start)) text = text.slice(0, s.start) + s.text + text.slice(s.end);
    template = parseExpression(text);
  } catch {
    return { why: `\`${name}()\`'s send does not parse here` };
  }
  const tBase = template.start as number;
  const parents = buildParents(template);
  const use = readResUse(parents, chainRoot(template));
  if (use.kind !== 'send' || use.send.call !== template) return { why: `\`${name}()\` ${use.kind === 'legacy' ? use.why : 'is not a single send'} with these arguments` };
  // As for a computed status in the helper's own body (readSendHelper).
  if (use.send.computed) return { why: `\`${name}()\` \`res.status()\` with a computed status with these arguments` };

  // 2. What stays of each parameter, in the value and the headers: the argument's own source (with the edits
  //    inside it, as a slice), parenthesized where the parameter sat inside a larger expression.
  const uses: Uses = new Map();
  const render = (n: Node, conditional: boolean) => renderTemplate(n, conditional, { helper, args, text, base: tBase, uses });

  /** A reply value: the argument node itself when it is one, or a node parsed from its text (for the rule's
   *  checks: is it an object literal, is it inert) whose output text is in `inlinedParts`. */
  const valueNode = (n: Node | null): Node | null => {
    if (!n) return null;
    if (n.type === 'Identifier' && helper.params.includes(n.name)) { render(n, false); return args[helper.params.indexOf(n.name)]!; }
    const out = render(n, false);
    let check: Node;
    try {
      check = parseExpression(out.map((p) => (typeof p === 'string' ? p : source.slice(p.start, p.end))).join(''));
    } catch {
      return null;
    }
    inlinedParts.set(check, out);
    return check;
  };
  const value = valueNode(use.send.value);
  const headers = use.send.headers.map((h) => ({ ...h, value: valueNode(h.value) }));
  if ((use.send.value && !value) || headers.some((h) => !h.value)) return { why: `\`${name}()\`'s reply does not parse with these arguments` };

  // 3. Evaluation: each argument was evaluated once, in order, before the send.
  let effects = 0;
  for (let i = 0; i < args.length; i++) {
    if (i === helper.res || isLiteral(args[i]!) || isInert(args[i]!)) continue;
    const u = uses.get(i);
    if (i >= helper.params.length || !u) return { why: `an argument of \`${name}()\` with effects would no longer be evaluated` };
    if (u.count > 1 || u.conditional) return { why: `\`${name}()\` uses its parameter \`${helper.params[i]}\` ${u.count > 1 ? 'more than once' : 'conditionally'}, and its argument is computed` };
    if (++effects > 1) return { why: `more than one argument of \`${name}()\` is computed (their order would change)` };
  }
  return { send: { ...use.send, call, value, headers: headers as SendChain['headers'] } };
}

/** How often each parameter is used in the rendered reply, and whether any use is in a branch. */
type Uses = Map<number, { count: number; conditional: boolean }>;

/** The output text of a template node: each parameter's argument as a slice of the call site (its own edits
 *  applied), parenthesized where it sits inside a larger expression; conditionals on literals folded. */
function renderTemplate(n: Node, conditional: boolean, t: { helper: SendHelper; args: Node[]; text: string; base: number; uses: Uses }): Part[] {
  const { helper, args, text, base: tBase, uses } = t;
  const render = (m: Node, c: boolean) => renderTemplate(m, c, t);
  const out: Part[] = [];
  let pos = n.start as number;
  const emit = (p: Part[] | Part) => { for (const x of Array.isArray(p) ? p : [p]) out.push(x); };
  const arg = (ref: Node, parent: Node | undefined, cond: boolean): Part[] => {
    const i = helper.params.indexOf(ref.name);
    const u = uses.get(i) ?? { count: 0, conditional: false };
    uses.set(i, { count: u.count + 1, conditional: u.conditional || cond });
    const a = args[i]!;
    const slot = !parent || parent.type === 'ObjectProperty' || parent.type === 'ArrayExpression' || parent.type === 'SpreadElement'
      || (parent.type === 'ConditionalExpression' && parent.test !== ref);
    const bare = a.type !== 'SequenceExpression' && (slot || (SIMPLE_TYPES.has(a.type) && !a.extra?.parenthesized));
    const body: Part = { start: a.start, end: a.end };
    return bare ? [body] : ['(', body, ')'];
  };
  const step = (node: Node, parent: Node | undefined, cond: boolean): void => {
    if (node.type === 'Identifier' && isReference(node, parent) && helper.params.includes(node.name) && node.name !== helper.params[helper.res]) {
      emit(text.slice(pos - tBase, node.start - tBase));
      emit(arg(node, parent, cond));
      pos = node.end;
      return;
    }
    if (node.type === 'ObjectProperty' && node.shorthand && node.value.type === 'Identifier' && helper.params.includes(node.value.name)) {
      emit(text.slice(pos - tBase, node.start - tBase));
      const a = args[helper.params.indexOf(node.value.name)]!;
      if (!(a.type === 'Identifier' && a.name === node.value.name)) emit(`${node.value.name}: `);
      emit(arg(node.value, node, cond));
      pos = node.end;
      return;
    }
    if (node.type === 'ConditionalExpression') {
      const truth = literalTruth(node.test);
      if (truth !== null) {
        emit(text.slice(pos - tBase, node.start - tBase));
        pos = node.start;
        const kept = truth ? node.consequent : node.alternate;
        emit(render(kept, cond));
        pos = node.end;
        return;
      }
    }
    const kids: Array<{ c: Node; conditional: boolean }> = [];
    forEachChild(node, (c, key) => kids.push({ c, conditional: cond
      || (node.type === 'ConditionalExpression' && key !== 'test') || (node.type === 'LogicalExpression' && key === 'right')
      || ((node.type === 'OptionalMemberExpression' || node.type === 'OptionalCallExpression') && key !== 'object' && key !== 'callee') }));
    kids.sort((a, b) => a.c.start - b.c.start);
    for (const k of kids) if (k.c.start >= pos) step(k.c, node, k.conditional);
  };
  step(n, undefined, conditional);
  emit(text.slice(pos - tBase, n.end - tBase));
  return out.filter((p) => p !== '');
}

/** Each reference to a parameter other than the response in the template (a shorthand property's value, with
 *  the property), in source order. */
function visitRefs(template: Node, helper: SendHelper, visit: (ref: Node, shorthand: Node | null) => void): void {
  const step = (n: Node, parent: Node | undefined): void => {
    if (n.type === 'ObjectProperty' && n.shorthand && n.value.type === 'Identifier') {
      if (helper.params.includes(n.value.name)) visit(n.value, n);
      return;
    }
    if (n.type === 'Identifier' && isReference(n, parent) && helper.params.includes(n.name) && n.name !== helper.params[helper.res]) { visit(n, null); return; }
    forEachChild(n, (c) => step(c, n));
  };
  step(template, undefined);
}

/** `ok(res, x)` / `http.ok(res, x)`: the callee's text when it can name a helper. */
export function helperKey(callee: Node): string | null {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.property.type === 'Identifier') {
    return `${callee.object.name}.${callee.property.name}`;
  }
  return null;
}

/** The handler's `res` handed to a call: the send it stands for when the callee is a send helper the planner
 *  found (FilePlan.sendHelpers), why not when it is a function that is not one, null for anything else. */
export function helperCallOf(ctx: Pick<RuleContext, 'file' | 'source' | 'parents'> & { plan?: Pick<FilePlan, 'sendHelpers'> }, parents: Map<Node, Node>, ref: Node): ResUse | null {
  const call = parents.get(ref);
  if (!call || call.type !== 'CallExpression' || !(call.arguments as Node[]).includes(ref)) return null;
  const key = helperKey(call.callee);
  const entry = key !== null && ctx.plan?.sendHelpers && Object.hasOwn(ctx.plan.sendHelpers, key) ? ctx.plan.sendHelpers[key]! : null;
  if (!entry || boundInside(key!.split('.')[0]!, call, (n) => parents.get(n) ?? ctx.parents.get(n))) return null;
  if ('why' in entry) return { kind: 'legacy', why: `passes \`${ref.name}\` to \`${key}()\`, which is not a send helper (${entry.why})` };
  const inlined = inlineSendHelper(entry, call, ctx.source, ctx.file);
  return 'why' in inlined ? { kind: 'legacy', why: inlined.why } : { kind: 'send', send: inlined.send };
}

/** Whether a function around `at` binds `name` itself (a parameter, or a declaration in its body outside nested
 *  functions; a block-scoped one anywhere in the body counts too, to stay on the safe side): the call then means
 *  that binding, not the top-level one the planner followed. */
function boundInside(name: string, at: Node, up: (n: Node) => Node | undefined): boolean {
  for (let f = up(at); f; f = up(f)) {
    if (!isFunction(f)) continue;
    if ((f.params as Node[]).some((p) => patternNames(p).includes(name)) || f.id?.name === name) return true;
    let found = false;
    walk(f.body, (n) => {
      if (found) return false;
      if (isFunction(n)) { if (n.type === 'FunctionDeclaration' && n.id?.name === name) found = true; return false; }
      if (n.type === 'VariableDeclarator' && patternNames(n.id).includes(name)) found = true;
      if (n.type === 'ClassDeclaration' && n.id?.name === name) found = true;
      if (n.type === 'CatchClause' && patternNames(n.param).includes(name)) found = true;
      return undefined;
    });
    if (found) return true;
  }
  return false;
}

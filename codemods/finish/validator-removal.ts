// Before: const router = typed(express.Router(), { validation: 'enforce' });
//         router.post('/feedback', { body: z.strictObject({...}) }, validate(v.feedback), ctrl.feedback);
// After:  const router = typed(express.Router(), { validation: 'enforce', onValidationError: joiValidationError(400) });
//         router.post('/feedback', { body: z.strictObject({...}) }, ctrl.feedback);
//
// MA009's decision for one file: a validator leaves a route's chain only when the request can tell no difference.
// That takes four things: the spec carries its rules (the translation is complete, changes no value the handler
// sees, and the spec's object at each location has the validator's keys, refusing unknown keys where the validator
// does, each key's rule written exactly as MA004 writes the validator's); the route runs in enforce (in report only
// the validator rejects anything); its error answer is one a compat hook reproduces (error-shape.ts); and the
// router answers invalid input through that hook, which is added only where it changes no other answer: every
// route of the router whose spec validates a location has a validator of the same shape checking that location,
// which answers first (a kept validator's route whose docs were stricter than it is the case this cannot see: its
// spec refuses a little more, now in the hook's shape).
import type { Node } from '../rules/ast.js';
import { walk } from '../rules/ast.js';
import { locateRouteCall } from '../rules/locate.js';
import { SourceEdits } from '../rules/edits.js';
import type { RouteRecord } from '../plan.js';
import { isCovered } from '../rules/ma004-validators-to-spec.js';
import { hookSource } from '../validators/error-shape.js';
import type { RouteValidator } from '../validators/route-validators.js';
import { validatorOperation } from '../validators/spec-merge.js';
import { operationSpecSource } from '../zod/operation-spec.js';
import { addCompatImport, parseProgram } from './source.js';

const LOCATIONS = ['params', 'query', 'headers', 'cookies', 'body'] as const;

export interface RemovalOutcome {
  /** The new text, when anything changed. */
  text?: string;
  did: string[];
  reasons: string[];
}

interface RouterOptionsSite { options: Node; validation?: string; hook?: string; line: number }
interface Candidate { route: RouteRecord; call: Node; v: RouteValidator; arg: Node }

/** `validate(schema.x)` and its source text compare equal however the migration re-indented the chain. */
const norm = (s: string) => s.replace(/\s+/g, '');
/** A validator as a report line shows it: one line, a long celebrate({...}) cut short. */
const shown = (s: string) => { const one = s.replace(/\s+/g, ' ').replace(/([({[]) /g, '$1').replace(/,? ([)}\]])/g, '$1'); return one.length > 70 ? `${one.slice(0, 69)}…` : one; };

export function removeCoveredInFile(file: string, text: string, routes: Array<{ route: RouteRecord; validators: RouteValidator[] }>, fileRoutes: RouteRecord[], rel: (f: string) => string): RemovalOutcome {
  const out: RemovalOutcome = { did: [], reasons: [] };
  const program = parseProgram(text, file);
  if (!program) return { ...out, reasons: [`${rel(file)}: does not parse; left as it was`] };
  const name = (r: RouteRecord) => `${rel(file)}:${r.at.line}: ${r.method.toUpperCase()} ${r.fullPath ?? r.path ?? '?'}`;
  const removable = new Map<string, Candidate[]>();
  for (const { route, validators } of routes) {
    const call = locateRouteCall(program, { at: route.at, method: route.method } as never);
    const spec = call && specOf(call);
    for (const v of validators) {
      const stays = (why: string) => out.reasons.push(`${name(route)}: ${shown(v.argument.text)} stays: ${why}`);
      if (!call || !spec) { stays('the route call or its spec object was not found again'); continue; }
      const arg = (call.arguments as Node[]).find((a) => norm(text.slice(a.start, a.end)) === norm(v.argument.text));
      if (!arg) { stays('not found again in the chain'); continue; }
      const why = whyKept(v, spec, text);
      if (why) { stays(why); continue; }
      const mode = literalProperty(spec, 'validation') ?? routerSite(program, text, route.receiver)?.validation;
      if (mode !== 'enforce') {
        stays(`the route runs in ${mode ?? 'an inherited'} mode, not enforce: only the validator rejects invalid input until MA010 flips its router`);
        continue;
      }
      removable.set(route.receiver, [...(removable.get(route.receiver) ?? []), { route, call, v, arg }]);
    }
  }
  const edits = new SourceEdits(text);
  const hooks = new Set<string>();
  for (const [receiver, list] of removable) {
    const site = routerSite(program, text, receiver);
    const shapes = new Set(list.map((c) => hookSource(c.v.errorShape!)));
    const refuse = (why: string) => { for (const c of list) out.reasons.push(`${name(c.route)}: ${shown(c.v.argument.text)} stays: ${why}`); };
    if (!site) { refuse(`${receiver} is not made with typed(...) in this file: its onValidationError cannot be set here`); continue; }
    if (shapes.size > 1) { refuse(`${receiver}'s validators answer in different shapes (${[...shapes].join(', ')}); one router has one onValidationError`); continue; }
    const hook = [...shapes][0]!;
    if (site.hook !== undefined && norm(site.hook) !== norm(hook)) { refuse(`${receiver} already answers invalid input with ${site.hook}, not ${hook}`); continue; }
    if (site.hook === undefined) {
      const changed = answersChangedByHook(program, fileRoutes.filter((r) => r.receiver === receiver), routes, hook);
      if (changed.length) { refuse(`${receiver}.onValidationError = ${hook} would change how ${changed.join(', ')} answer invalid input (a location its spec validates and no validator of that shape checks)`); continue; }
      const props = site.options.properties as Node[];
      const last = props[props.length - 1];
      edits.insert(last ? last.end : site.options.start + 1, `${last ? ', ' : ' '}onValidationError: ${hook}${last ? '' : ' '}`);
      hooks.add(hook.slice(0, hook.indexOf('(')));
      out.did.push(`${rel(file)}:${site.line}: ${receiver} answers invalid input with ${hook}, as its validators did`);
    }
    for (const c of list) {
      const args = c.call.arguments as Node[];
      const at = args.indexOf(c.arg);
      edits.replace(args[at - 1]!.end, c.arg.end, '');
      out.did.push(`${name(c.route)}: ${shown(c.v.argument.text)} removed (the spec carries its rules; invalid input gets ${hook}'s answer, the validator's own)`);
    }
  }
  if (!out.did.length) return out;
  if (hooks.size) addCompatImport(program, file, text, [...hooks].sort(), edits);
  return { ...out, text: edits.apply() };
}

/** The spec object of a migrated route call: the first object literal argument (after the path, or first in a `.route()` chain). */
function specOf(call: Node): Node | undefined {
  return (call.arguments as Node[]).slice(0, 2).find((a) => a.type === 'ObjectExpression');
}

function property(obj: Node, key: string): Node | undefined {
  return (obj.properties as Node[]).find((p) => p.type === 'ObjectProperty' && !p.computed && (p.key.name ?? p.key.value) === key);
}

function literalProperty(obj: Node, key: string): string | undefined {
  const v = property(obj, key)?.value;
  return v?.type === 'StringLiteral' ? (v.value as string) : undefined;
}

/** Why a validator must stay although the route is in enforce; undefined when the spec carries all of it. */
function whyKept(v: RouteValidator, spec: Node, text: string): string | undefined {
  if (v.untranslated.length) return `a rule the spec cannot carry: ${v.untranslated[0]!.rule} (${v.untranslated[0]!.why})`;
  if (!Object.keys(v.locations).length) return 'nothing of it was translated into the spec';
  if (!isCovered(v)) return 'it hands the handler values only it writes back (a default, or a number/boolean read from the path or query)';
  if (!v.errorShape) return 'its error answer is not one a compat hook reproduces (status and body)';
  for (const [where, schema] of Object.entries(v.locations)) {
    const obj = zodObjectOf(property(spec, where)?.value);
    if (!obj) return `the spec's ${where} is not an inline z.object(...) to compare with the validator's rules`;
    const wanted = Object.keys(((schema as Record<string, unknown>).properties ?? {}) as object).sort();
    const got = (obj.shape.properties as Node[]).map((p) => (p.type === 'ObjectProperty' && !p.computed ? String(p.key.name ?? p.key.value) : '…')).sort();
    if (wanted.join() !== got.join()) return `the spec's ${where} has keys [${got.join(', ')}], the validator's [${wanted.join(', ')}]`;
    // Unknown keys: params are fixed by the path; elsewhere a validator that refuses them needs a spec that does.
    const refuses = (schema as Record<string, unknown>).additionalProperties === false;
    if (where !== 'params' && refuses !== (obj.kind === 'strictObject')) return `the validator ${refuses ? 'refuses' : 'lets through'} unknown ${where} keys, the spec (${text.slice(obj.call.callee.start, obj.call.callee.end)}) does not`;
  }
  return ruleDifference(v, spec, text);
}

/**
 * Rule by rule: the spec MA004 writes for this validator alone, against the route's spec, key by key as text. Equal
 * text is the proof the spec carries the validator's rules, no fewer (a spec written without MA004, or edited) and
 * no more (docs stricter than the validator, merged in); any difference keeps the validator.
 */
function ruleDifference(v: RouteValidator, spec: Node, text: string): string | undefined {
  const own = operationSpecSource(validatorOperation([v]), { refName: () => undefined, format: 'js' }).source;
  const ownSpec = (parseProgram(`(${own});`, 'validator-spec.js')?.body as Node[] | undefined)?.[0]?.expression as Node | undefined;
  if (ownSpec?.type !== 'ObjectExpression') return 'the validator\'s rules could not be written as a spec to compare';
  for (const where of Object.keys(v.locations)) {
    const mine = zodObjectOf(property(ownSpec, where)?.value);
    const theirs = zodObjectOf(property(spec, where)?.value);
    // A location the validator only requires to exist (`params: Joi.object({})`) writes no spec part.
    if (!mine) continue;
    if (!theirs) return `the spec has no ${where} object to carry the validator's rules`;
    const keyed = (o: { shape: Node }, src: string) => new Map((o.shape.properties as Node[]).filter((p) => p.type === 'ObjectProperty')
      .map((p) => [String(p.key.name ?? p.key.value), norm(src.slice(p.value.start, p.value.end))]));
    const want = keyed(mine, `(${own});`);
    const got = keyed(theirs, text);
    for (const [key, rule] of want) {
      if (got.get(key) !== rule) return `the spec's ${where}.${key} is ${shown(got.get(key) ?? 'missing')}, the validator's rules read ${shown(rule)}`;
    }
  }
  return undefined;
}

/** `z.object({...})`, `z.strictObject({...})` and `z.looseObject({...})`, with `.meta(...)` and the like after them. */
function zodObjectOf(n: Node | undefined): { call: Node; shape: Node; kind: string } | undefined {
  let cur = n;
  while (cur?.type === 'CallExpression' && cur.callee.type === 'MemberExpression') {
    const obj = cur.callee.object;
    const kind = cur.callee.property?.name as string | undefined;
    if (obj.type === 'Identifier' && obj.name === 'z' && kind && /^(object|strictObject|looseObject)$/.test(kind)) {
      return cur.arguments[0]?.type === 'ObjectExpression' ? { call: cur, shape: cur.arguments[0], kind } : undefined;
    }
    cur = obj;
  }
  return undefined;
}

/**
 * Routes of the router whose answer to some invalid request the hook would change: a location their spec
 * validates that no validator of the hook's shape in their chain checks (that request got the spec's own answer).
 */
function answersChangedByHook(program: Node, routerRoutes: RouteRecord[], withValidators: Array<{ route: RouteRecord; validators: RouteValidator[] }>, hook: string): string[] {
  const out: string[] = [];
  for (const r of routerRoutes) {
    const call = locateRouteCall(program, { at: r.at, method: r.method } as never);
    const spec = call && specOf(call);
    if (!spec) continue;
    const validated = LOCATIONS.filter((l) => property(spec, l));
    const checked = new Set((withValidators.find((w) => w.route === r)?.validators ?? [])
      .filter((v) => v.errorShape && norm(hookSource(v.errorShape)) === norm(hook)).flatMap((v) => Object.keys(v.locations)));
    const missing = validated.filter((l) => !checked.has(l));
    if (missing.length) out.push(`${r.method.toUpperCase()} ${r.fullPath ?? r.path ?? '?'} (${missing.join(', ')})`);
  }
  return out;
}

/** Where a router (by its receiver text: `router`, `this.router`) is made with typed(..., { ... }) in this file. */
function routerSite(program: Node, text: string, receiver: string): RouterOptionsSite | undefined {
  const wanted = receiver.replace(/^this\./, '');
  let found: RouterOptionsSite | undefined;
  walk(program, (n) => {
    if (found) return false;
    let target: string | undefined;
    let init: Node | undefined;
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') { target = n.id.name; init = n.init; }
    else if (n.type === 'AssignmentExpression') {
      const l = n.left;
      target = l.type === 'Identifier' ? l.name : l.type === 'MemberExpression' && l.object.type === 'ThisExpression' && !l.computed ? l.property.name : undefined;
      init = n.right;
    } else if ((n.type === 'ClassProperty' || n.type === 'PropertyDefinition') && !n.computed && receiver.startsWith('this.')) { target = n.key.name; init = n.value; }
    if (target !== wanted || init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'typed') return true;
    // typed(x) without options inherits its mode: not enforce as far as this step can tell.
    const options = init.arguments[1];
    if (options?.type !== 'ObjectExpression') return false;
    const hookNode = property(options, 'onValidationError')?.value;
    found = {
      options, line: init.loc?.start.line ?? 0,
      ...(literalProperty(options, 'validation') ? { validation: literalProperty(options, 'validation') } : {}),
      ...(hookNode ? { hook: text.slice(hookNode.start, hookNode.end) } : {}),
    };
    return false;
  });
  return found;
}

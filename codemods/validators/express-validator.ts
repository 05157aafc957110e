// express-validator -> JSON Schema: `body('email').isEmail()` chains (alone, in arrays, in a `validations/`
// module's exported arrays, or handed to a local `validate(rules)` wrapper) and `checkSchema({...})`.
// Each validator becomes a keyword; what changes values (sanitizers) or runs code (`custom`, `if`) is named as
// untranslated. Wire values (params, query, headers) are strings: `isInt` there is `type: integer`, which the
// zod emitter coerces for those locations, as express-validator checks the string's digits.
import type { Node } from '../rules/ast.js';
import { FieldTree, pathSegments, type FieldRule } from './field-paths.js';
import { unwrapTs } from './scope.js';
import { arrayElements, evaluate, importedFrom, isPlainObject, readChain, snippet, UNKNOWN, type Evaluated } from './static.js';
import type { JsonSchema, RequestLocation, TranslatedValidator, UntranslatedRule, ValidatorScope, ValidatorTranslator } from './types.js';
import { stepsToRule, type Step } from './express-validator-steps.js';

const PACKAGES = ['express-validator'] as const;
const LOCATIONS: Record<string, RequestLocation> = { body: 'body', param: 'params', params: 'params', query: 'query', header: 'headers', headers: 'headers' };
const ANY_LOCATION = new Set(['check', 'checkExact']);

interface Found { library: 'express-validator'; trees: Map<RequestLocation, FieldTree>; untranslated: UntranslatedRule[] }

export const expressValidator: ValidatorTranslator = {
  library: 'express-validator',
  packages: PACKAGES,
  translate(argument, file, scope) {
    const found: Found = { library: 'express-validator', trees: new Map(), untranslated: [] };
    if (!collect(argument, file, scope, found, 0)) return undefined;
    const locations: TranslatedValidator['locations'] = {};
    for (const [loc, tree] of found.trees) if (!tree.empty) locations[loc] = tree.toSchema();
    // express-validator never looks at keys it was not asked about.
    return { library: 'express-validator', locations, untranslated: found.untranslated, unknownKeys: 'allow' };
  },
};

const fromPackage = (callee: Node, file: string, scope: ValidatorScope) => {
  const imp = importedFrom(callee, file, scope);
  return imp && (PACKAGES as readonly string[]).includes(imp.source) ? imp.name : undefined;
};

/** Whether the argument is express-validator's (true: read into `found`). */
function collect(arg: Node, file: string, scope: ValidatorScope, found: Found, depth: number): boolean {
  if (depth > 5) return false;
  const n = unwrapTs(arg);
  const elements = n.type === 'ArrayExpression' || n.type === 'Identifier' || n.type === 'MemberExpression' ? arrayElements(n, file, scope) : undefined;
  if (elements) {
    if (elements.length === 0) return false;
    // An array of chains, possibly ending in the app's own `validationResult` checker (a function).
    const before = found.untranslated.length;
    const FN = /^(ArrowFunctionExpression|FunctionExpression|FunctionDeclaration)$/;
    const isFn = (e: { node: Node; file: string }) => {
      const u = unwrapTs(e.node);
      return FN.test(u.type) || (u.type === 'Identifier' && FN.test(scope.definition(u, e.file)?.node.type ?? ''));
    };
    const chains = elements.filter((e) => !isFn(e));
    const ok = chains.map((e) => collect(e.node, e.file, scope, found, depth + 1));
    if (chains.length === 0 || !ok.every(Boolean)) { found.untranslated.length = before; found.trees.clear(); return false; }
    return true;
  }
  if (n.type === 'Identifier' || n.type === 'MemberExpression') {
    const def = scope.definition(n, file);
    return def && def.node.type !== 'ImportDeclaration' && /Expression$/.test(unwrapTs(def.node).type)
      ? collect(def.node, def.file, scope, found, depth + 1) : false;
  }
  if (n.type !== 'CallExpression') return false;
  const chain = readChain(n);
  if (!chain) return false;
  const rootName = fromPackage(chain.root, file, scope);
  if (rootName === 'checkSchema') return readCheckSchema(chain.rootArgs, chain.calls.length, file, scope, found);
  if (rootName && (rootName in LOCATIONS || ANY_LOCATION.has(rootName))) return readChainRule(rootName, chain, file, scope, found);
  if (rootName === 'oneOf') {
    found.untranslated.push(rule(n, file, scope, 'oneOf() passes when any one group passes: a union of whole-request alternatives'));
    return true;
  }
  // A local wrapper (`validate(rules)`, `runValidation([...])`) around chains: read the chains it is given.
  if (!rootName && chain.calls.length === 0 && n.arguments.length >= 1) {
    return n.arguments.some((a: Node) => collect(a, file, scope, found, depth + 1));
  }
  return false;
}

function rule(node: Node, file: string, scope: ValidatorScope, why: string): UntranslatedRule {
  return { rule: snippet(node), file, line: scope.line(node, file), why };
}

function locationsFor(name: string, node: Node, file: string, scope: ValidatorScope, found: Found): RequestLocation {
  if (name in LOCATIONS) return LOCATIONS[name]!;
  found.untranslated.push(rule(node, file, scope,
    `${name}() reads the field from body, cookies, headers, params and query alike; translated as a body field`));
  return 'body';
}

function tree(found: Found, loc: RequestLocation): FieldTree {
  let t = found.trees.get(loc);
  if (!t) { t = new FieldTree(); found.trees.set(loc, t); }
  return t;
}

function addField(path: string, loc: RequestLocation, r: FieldRule, node: Node, file: string, scope: ValidatorScope, found: Found): void {
  const key = loc === 'headers' ? path.toLowerCase() : path;
  const segs = pathSegments(key);
  if (!segs || segs[0] === '*') {
    found.untranslated.push(rule(node, file, scope, `field path ${JSON.stringify(path)} names no fixed property`));
    return;
  }
  tree(found, loc).add(segs, r);
}

function fieldNames(v: Evaluated): string[] | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

function readChainRule(rootName: string, chain: NonNullable<ReturnType<typeof readChain>>, file: string, scope: ValidatorScope, found: Found): boolean {
  const whole = chain.calls.at(-1)?.node ?? chain.root;
  const names = fieldNames(evaluate(chain.rootArgs[0], file, scope));
  if (!names) {
    found.untranslated.push(rule(whole, file, scope, chain.rootArgs.length === 0 ? 'a chain over the whole location' : 'the field name is not a static string'));
    return true;
  }
  const loc = locationsFor(rootName, whole, file, scope, found);
  const steps: Step[] = chain.calls.map((c) => ({ name: c.name, args: c.args.map((a) => evaluate(a, file, scope)), node: c.node }));
  const r = stepsToRule(steps, (node, why) => found.untranslated.push(rule(node, file, scope, why)));
  for (const name of names) addField(name, loc, r, whole, file, scope, found);
  return true;
}

const SCHEMA_META = new Set(['in', 'errorMessage', 'optional', 'exists']);

/** `checkSchema({ email: { in: ['body'], isEmail: true, errorMessage: '...' } }, ['body'])`. */
function readCheckSchema(args: Node[], trailing: number, file: string, scope: ValidatorScope, found: Found): boolean {
  const schemaNode = args[0];
  if (!schemaNode) return false;
  let objNode = unwrapTs(schemaNode);
  let objFile = file;
  if (objNode.type === 'Identifier' || objNode.type === 'MemberExpression') {
    const def = scope.definition(objNode, file);
    if (!def) { found.untranslated.push(rule(schemaNode, file, scope, 'the schema object is not found statically')); return true; }
    objNode = unwrapTs(def.node); objFile = def.file;
  }
  if (objNode.type !== 'ObjectExpression') { found.untranslated.push(rule(schemaNode, file, scope, 'the schema is not an object literal')); return true; }
  if (trailing > 0) found.untranslated.push(rule(schemaNode, file, scope, 'calls after checkSchema() are not read'));
  const defaultIn = args[1] ? fieldNames(evaluate(args[1], file, scope)) : undefined;
  for (const prop of objNode.properties) {
    if (prop.type !== 'ObjectProperty') { found.untranslated.push(rule(prop, objFile, scope, 'a spread or method in the schema')); continue; }
    const path = evaluate(prop.computed ? prop.key : { type: 'StringLiteral', value: prop.key.name ?? prop.key.value }, objFile, scope);
    const config = unwrapTs(prop.value);
    if (typeof path !== 'string' || config.type !== 'ObjectExpression') {
      found.untranslated.push(rule(prop, objFile, scope, 'the field or its rules are not static')); continue;
    }
    const steps: Step[] = [];
    let ins: string[] | undefined = defaultIn;
    let fieldMessage: Evaluated = UNKNOWN;
    for (const p of config.properties) {
      const key = p.type === 'ObjectProperty' ? (p.key.name ?? p.key.value) : undefined;
      if (key === undefined) { found.untranslated.push(rule(p, objFile, scope, 'a spread or method in the field rules')); continue; }
      const value = evaluate(p.value, objFile, scope);
      if (key === 'in') { ins = fieldNames(value); continue; }
      if (key === 'errorMessage') { fieldMessage = value; continue; }
      steps.push(...schemaSteps(key, value, p, objFile, scope, found));
    }
    if (typeof fieldMessage === 'string') steps.push({ name: 'withMessage', args: [fieldMessage], node: prop });
    const locs = ins && ins.length > 0 ? ins : ['check'];
    if (locs.length > 1 || !(locs[0]! in LOCATIONS)) {
      if (locs.length === 1 && locs[0] === 'cookies') { found.untranslated.push(rule(prop, objFile, scope, 'cookies are not a request location of the spec')); continue; }
    }
    const loc = locs.length === 1 && locs[0]! in LOCATIONS ? LOCATIONS[locs[0]!]! : locationsFor('check', prop, objFile, scope, found);
    const r = stepsToRule(steps, (node, why) => found.untranslated.push(rule(node, objFile, scope, why)));
    addField(path, loc, r, prop, objFile, scope, found);
  }
  return true;
}

/** One checkSchema entry -> chain steps: `isInt: { options: { min: 1 }, errorMessage }`, `trim: true`. */
function schemaSteps(key: string, value: Evaluated, p: Node, file: string, scope: ValidatorScope, found: Found): Step[] {
  if (value === false) return [];
  const node = p;
  if (value === true) return [{ name: key, args: [], node }];
  if (isPlainObject(value)) {
    if (value.negated === true) return [{ name: 'not', args: [], node }, { name: key, args: optionArgs(value.options), node }];
    if (value.if !== undefined) return [{ name: 'if', args: [], node }];
    const steps: Step[] = [{ name: key, args: optionArgs(value.options), node }];
    if (typeof value.errorMessage === 'string') steps.push({ name: 'withMessage', args: [value.errorMessage], node });
    return steps;
  }
  if (value === UNKNOWN && key !== 'custom' && key !== 'customSanitizer') {
    found.untranslated.push(rule(p, file, scope, `the options of ${key} are not static`));
    return [];
  }
  return [{ name: key, args: [], node }];
}

const optionArgs = (o: Evaluated): Evaluated[] => (o === undefined ? [] : Array.isArray(o) && o.length > 0 && !isPlainObject(o[0]) ? o : [o]);

export type { JsonSchema };

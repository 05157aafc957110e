// Where a route's handler is defined when it is not written inline: `ctrl.list` with `module.exports = { list }`,
// `exports.list = ...`, a named or default export, a class method or arrow property (`this.users.getUsers` with
// `users = new UsersController()`), a static one read through the class (`UsersController.login`), through
// require/import. Resolver (./resolve.ts) answers what a value IS;
// this follows the same bindings but stops at the function itself, and sees through the wrappers that only
// catch a rejected promise (`asyncHandler(fn)`, `catchAsync(fn)`, express-async-handler), which the typed
// runtime does itself. A wrapper is never guessed from its name alone: a local one must have the wrapper's
// shape (checked on its source by ./wrapper-shape.ts), a package one must be a package known to do only that.
import type { SourceLocation } from '../diagnostics.js';
import { staticMember } from './file-scan.js';
import type { Resolver } from './resolve.js';
import type { Val } from './values.js';

/** Packages whose default (or only) export is `fn => (req, res, next) => Promise.resolve(fn(...)).catch(next)`. */
export const WRAPPER_PACKAGES = new Set(['express-async-handler', 'express-async-wrap', 'express-asyncify-handler', 'async-handler-express']);

export interface Definition {
  /** The file and position the scan records a function at (the id of a declaration, the key of a method, the
   *  start of an arrow/function expression). */
  at: SourceLocation;
  /** The wrapper calls seen on the way, outermost first: at the route (`asyncHandler(ctrl.list)`) or around the
   *  definition (`exports.list = catchAsync(async (req, res) => ...)`). */
  wrappers: Array<{ at: 'route' | 'definition'; name: string }>;
  /** Reached through a field typed with an interface that one class implements (../interface-implementor.ts). */
  via?: FieldInterface;
}

/** `private ctrl: IUsersController` whose one implementing class is `cls` (in `file`). */
export interface FieldInterface { file: string; cls: string; iface: { file: string; name: string } }

/** What a `this.<field>` that holds no known instance is declared as: null when the declared type says nothing. */
export type FieldClass = (file: string, cls: string, field: string) => FieldInterface | { why: string } | null;

export type DefinitionResult = Definition | { why: string };

const MAX_DEPTH = 30;

/**
 * The function a handler value stands for. `isWrapper(file, callee)` tells whether a call's callee is a wrapper
 * (the caller checks the definition's shape; here only the package list is known).
 */
export function resolveDefinition(resolver: Resolver, file: string, v: Val,
  isWrapper: (file: string, callee: Val) => string | null, atRoute = true, fieldClass?: FieldClass): DefinitionResult {
  const wrappers: Definition['wrappers'] = [];
  let via: FieldInterface | undefined;
  let cur: { file: string; v: Val } = { file, v };
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const { file: f, v: val } = cur;
    switch (val.k) {
      case 'fn': return { at: { ...val.at, file: f }, wrappers, ...(via ? { via } : {}) };
      case 'local': {
        const b = resolver.scan(f)?.bindings.get(val.name);
        if (!b) return { why: `\`${val.name}\` is not bound in ${f}` };
        cur = { file: f, v: b };
        break;
      }
      case 'this': {
        const info = resolver.scan(f)?.classes.get(val.cls);
        if (!info) return { why: `class ${val.cls} not found` };
        const field = Object.hasOwn(info.fields, val.name) ? info.fields[val.name] : undefined;
        if (field && field.k !== 'fn' && field.k !== 'call') {
          // `this.ctrl` is an instance or a module: resolved as a value, as the member steps below.
          const r = resolver.resolve(f, val);
          if (r.k === 'fn') return { at: r.at, wrappers };
          return { why: r.k === 'unknown' ? r.why : `\`this.${val.name}\` is a ${r.k}` };
        }
        if (field) { cur = { file: f, v: field }; break; }
        if (Object.hasOwn(info.members, val.name)) return { at: { ...info.members[val.name]!, file: f }, wrappers };
        return { why: `\`this.${val.name}\` is not set in class ${val.cls}` };
      }
      case 'import': {
        const m = resolver.resolveModule(f, val.source);
        if (m === undefined) return { why: `defined in the package ${val.source}` };
        if (m === null) return { why: `module not found: ${val.source}` };
        if (val.name === '*') return { why: 'a whole module is the handler' };
        const next = exportVal(resolver, m, val.name);
        if (!next) return { why: `\`${val.name}\` is not exported by ${m}` };
        cur = next;
        break;
      }
      case 'member': {
        let owner = resolver.asValue(resolver.resolve(f, val.obj));
        // `this.ctrl = ctrl` from a constructor parameter: the field's declared interface names the class.
        if (val.obj.k === 'this' && owner.k !== 'instance' && owner.k !== 'object' && owner.k !== 'module' && fieldClass) {
          const c = fieldClass(f, val.obj.cls, val.obj.name);
          if (c && 'why' in c) return c;
          if (c) { owner = { k: 'instance', file: c.file, cls: c.cls }; via = c; }
        }
        const next = memberVal(resolver, owner, val.prop);
        if ('why' in next) return next;
        if ('at' in next) return { at: next.at, wrappers, ...(via ? { via } : {}) };
        cur = next;
        break;
      }
      case 'call': {
        const name = isWrapper(f, val.callee);
        if (!name || val.args.length !== 1) return { why: 'the handler is the value of a call' };
        wrappers.push({ at: depth === 0 && atRoute ? 'route' : 'definition', name });
        cur = { file: f, v: val.args[0]! };
        break;
      }
      default:
        return { why: val.k === 'unknown' ? `\`${val.text}\` is computed` : `the handler is a ${val.k}` };
    }
  }
  return { why: 'reference chain too deep' };
}

function exportVal(resolver: Resolver, file: string, name: string): { file: string; v: Val } | null {
  const s = resolver.scan(file);
  if (!s) return null;
  const e = s.exports.get(name);
  if (e) return { file, v: e };
  const def = s.exports.get('default');
  if (def) {
    const owner = resolver.asValue(resolver.resolve(file, def));
    const m = memberVal(resolver, owner, name);
    if (!('why' in m) && !('at' in m)) return m;
  }
  for (const src of s.starExports) {
    const m = resolver.resolveModule(file, src);
    const r = m ? exportVal(resolver, m, name) : null;
    if (r) return r;
  }
  return null;
}

function memberVal(resolver: Resolver, owner: ReturnType<Resolver['resolve']>, prop: string):
  { file: string; v: Val } | { at: SourceLocation } | { why: string } {
  switch (owner.k) {
    case 'module': {
      const e = exportVal(resolver, owner.file, prop);
      return e ?? { why: `\`${prop}\` is not exported by ${owner.file}` };
    }
    case 'object': {
      if (Object.hasOwn(owner.props, prop)) return { file: owner.file, v: owner.props[prop]! };
      // `module.exports = { ...users, ...token }`: the last spread that has it.
      for (const sp of [...(owner.spreads ?? [])].reverse()) {
        const m = memberVal(resolver, resolver.asValue(resolver.resolve(owner.file, sp)), prop);
        if (!('why' in m)) return m;
      }
      return { why: `no property \`${prop}\`` };
    }
    case 'instance': {
      const info = resolver.scan(owner.file)?.classes.get(owner.cls);
      if (!info) return { why: `class ${owner.cls} not found` };
      const field = Object.hasOwn(info.fields, prop) ? info.fields[prop] : undefined;
      if (field) return { file: owner.file, v: field };
      if (Object.hasOwn(info.members, prop)) return { at: { ...info.members[prop]!, file: owner.file } };
      return { why: `class ${owner.cls} has no member \`${prop}\`` };
    }
    case 'class': {
      // `UsersController.login`: a static member, which the route hands over unbound (the planner refuses one
      // that reads `this`/`super`, codemods/handler-definitions.ts).
      const info = resolver.scan(owner.file)?.classes.get(owner.name);
      if (!info) return { why: `class ${owner.name} not found` };
      const s = staticMember(info, prop);
      return 'why' in s ? s : { file: owner.file, v: s };
    }
    case 'external': return { why: `defined in the package ${owner.source}` };
    case 'unknown': return { why: owner.why };
    default: return { why: `member \`${prop}\` of a ${owner.k}` };
  }
}

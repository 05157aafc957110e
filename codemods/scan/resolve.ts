// Evaluates the symbolic values of the file scans (./values.ts) across files: follows bindings, imports and
// requires (Node and TypeScript resolution of relative specifiers, `./x.js` naming `./x.ts`, tsconfig `paths` and
// `baseUrl` aliases), module.exports and
// ES exports, re-exports through index files, object members, class fields, instances and static members, and factory
// functions' return values — as far as that is static. Everything else comes back `unknown` with the reason.
import { dirname, resolve as resolvePath } from 'node:path';
import type { SourceLocation } from '../diagnostics.js';
import { staticMember, type FileScan } from './file-scan.js';
import { aliasCandidates, tsPathsFor, type TsPaths } from './tsconfig.js';
import type { Val } from './values.js';

export type Resolved =
  | { k: 'router'; file: string; key: string }
  | { k: 'module'; file: string }
  | { k: 'fn'; file: string; at: SourceLocation; returns?: Val }
  | { k: 'param'; file: string; fn: string; index: number; name: string }
  | { k: 'object'; file: string; props: Record<string, Val>; spreads?: Val[] }
  | { k: 'array'; file: string; items: Val[] }
  | { k: 'class'; file: string; name: string }
  | { k: 'instance'; file: string; cls: string }
  | { k: 'str'; value: string }
  | { k: 'external'; source: string }
  | { k: 'unknown'; why: string };


const RESOLVE_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const MAX_DEPTH = 40;

export class Resolver {
  private moduleCache = new Map<string, string | null | undefined>();
  private tsPaths = new Map<string, TsPaths | null>();

  constructor(private scans: ReadonlyMap<string, FileScan>) {}

  scan(file: string): FileScan | undefined {
    return this.scans.get(file);
  }

  /** The scanned file a relative specifier names, null when none; undefined for packages. */
  resolveModule(from: string, source: string): string | null | undefined {
    const cacheKey = `${dirname(from)}\0${source}`;
    if (this.moduleCache.has(cacheKey)) return this.moduleCache.get(cacheKey);
    if (!source.startsWith('.') && !source.startsWith('/')) {
      // A bare specifier is a package unless the app's tsconfig `paths`/`baseUrl` make it one of its files.
      const paths = tsPathsFor(from, this.tsPaths);
      const found = paths ? aliasCandidates(paths, source).map((b) => this.findFile(b)).find((f) => f !== null) : undefined;
      this.moduleCache.set(cacheKey, found ?? undefined);
      return found ?? undefined;
    }
    const found = this.findFile(resolvePath(dirname(from), source));
    this.moduleCache.set(cacheKey, found);
    return found;
  }

  /** The scanned file a path names, Node- and TypeScript-style (`./x.js` naming `./x.ts`, index files). */
  private findFile(base: string): string | null {
    const candidates = [base];
    const jsExt = /\.([cm]?)jsx?$/.exec(base);
    if (jsExt) {
      const stem = base.slice(0, -jsExt[0].length);
      candidates.push(`${stem}.${jsExt[1]}ts`, `${stem}.${jsExt[1]}tsx`, `${stem}.tsx`);
    }
    for (const e of RESOLVE_EXTS) candidates.push(base + e);
    for (const e of RESOLVE_EXTS) candidates.push(`${base}/index${e}`);
    return candidates.find((c) => this.scans.has(c)) ?? null;
  }

  resolve(file: string, v: Val, depth = 0): Resolved {
    if (depth > MAX_DEPTH) return { k: 'unknown', why: 'reference chain too deep (cycle?)' };
    const d = depth + 1;
    switch (v.k) {
      case 'resolved': return v.r;
      case 'str': return v;
      case 'tpl': {
        let out = v.quasis[0];
        for (let i = 0; i < v.exprs.length; i++) {
          const r = this.resolve(file, v.exprs[i], d);
          if (r.k !== 'str') return { k: 'unknown', why: r.k === 'unknown' ? r.why : `a ${r.k} inside a string` };
          out += r.value + v.quasis[i + 1];
        }
        return { k: 'str', value: out };
      }
      case 'local': {
        const s = this.scans.get(file);
        const b = s?.bindings.get(v.name);
        if (b) return this.resolve(file, b, d);
        if (s?.classes.has(v.name)) return { k: 'class', file, name: v.name };
        // CommonJS `exports.app`: this module's own export.
        if (v.name === 'exports') return { k: 'module', file };
        return { k: 'unknown', why: `\`${v.name}\` is not bound in this file (parameter or global)` };
      }
      case 'this': {
        const info = this.scans.get(file)?.classes.get(v.cls);
        if (info && Object.hasOwn(info.members, v.name) && !(Object.hasOwn(info.fields, v.name) && info.fields[v.name].k !== 'fn')) {
          return { k: 'fn', file, at: info.members[v.name] };
        }
        const f = info && Object.hasOwn(info.fields, v.name) ? info.fields[v.name] : undefined;
        return f ? this.resolve(file, f, d) : { k: 'unknown', why: `\`this.${v.name}\` is not set in class ${v.cls}` };
      }
      case 'import': {
        const m = this.resolveModule(file, v.source);
        if (m === undefined) return { k: 'external', source: v.source };
        if (m === null) return { k: 'unknown', why: `module not found: ${v.source}` };
        return v.name === '*' ? { k: 'module', file: m } : this.exportOf(m, v.name, d);
      }
      case 'member': return this.memberOf(this.resolve(file, v.obj, d), v.prop, d);
      case 'call': {
        let c = this.resolve(file, v.callee, d);
        if (c.k === 'module') c = this.exportOf(c.file, 'default', d); // require('./users')(deps)
        if (c.k === 'fn' && c.returns) return this.resolve(c.file, c.returns, d);
        if (c.k === 'external') return c; // what a package's function returns belongs to that package
        return { k: 'unknown', why: c.k === 'unknown' ? c.why : 'the value of a call' };
      }
      case 'new': {
        const c = this.asValue(this.resolve(file, v.cls, d), d);
        return c.k === 'class' ? { k: 'instance', file: c.file, cls: c.name } : { k: 'unknown', why: 'instance of an unknown class' };
      }
      case 'router': return { k: 'router', file, key: v.key };
      case 'fn': return { k: 'fn', file, at: v.at, returns: v.returns };
      case 'param': return { ...v, file };
      case 'object': return { k: 'object', file, props: v.props, ...(v.spreads ? { spreads: v.spreads } : {}) };
      case 'array': return { k: 'array', file, items: v.items };
      case 'class': return { k: 'class', file, name: v.name };
      case 'loopvar': return { k: 'unknown', why: 'a loop variable' };
      case 'create': return { k: 'unknown', why: 'an unnamed router' };
      case 'unknown': return { k: 'unknown', why: `\`${v.text}\` is computed` };
    }
  }

  /** A module used as a value is its default export (`module.exports = router`). */
  asValue(r: Resolved, depth = 0): Resolved {
    if (r.k !== 'module') return r;
    const s = this.scans.get(r.file);
    return s?.exports.has('default') ? this.exportOf(r.file, 'default', depth + 1) : r;
  }

  resolveString(file: string, v: Val): { value: string } | { why: string } {
    const r = this.resolve(file, v);
    if (r.k === 'str') return { value: r.value };
    return { why: r.k === 'unknown' ? r.why : `a ${r.k}, not a string` };
  }

  exportOf(file: string, name: string, depth: number): Resolved {
    if (depth > MAX_DEPTH) return { k: 'unknown', why: 'reference chain too deep (cycle?)' };
    const s = this.scans.get(file);
    if (!s) return { k: 'unknown', why: `module not scanned: ${file}` };
    const e = s.exports.get(name);
    if (e) return this.resolve(file, e, depth + 1);
    // ESM default import of a CommonJS module that only sets `exports.x`: the namespace is the value.
    if (name === 'default') return { k: 'module', file };
    const def = s.exports.get('default');
    if (def) {
      const m = this.memberOf(this.resolve(file, def, depth + 1), name, depth + 1);
      if (m.k !== 'unknown') return m;
    }
    for (const src of s.starExports) {
      const m = this.resolveModule(file, src);
      if (!m) continue;
      const r = this.exportOf(m, name, depth + 1);
      if (r.k !== 'unknown') return r;
    }
    return { k: 'unknown', why: `\`${name}\` is not exported by ${file}` };
  }

  memberOf(o: Resolved, prop: string, depth: number): Resolved {
    switch (o.k) {
      case 'module': return this.exportOf(o.file, prop, depth + 1);
      case 'object': {
        const p = Object.hasOwn(o.props, prop) ? o.props[prop] : undefined;
        if (p) return this.resolve(o.file, p, depth + 1);
        for (const sp of [...(o.spreads ?? [])].reverse()) {
          const m = this.memberOf(this.asValue(this.resolve(o.file, sp, depth + 1), depth + 1), prop, depth + 1);
          if (m.k !== 'unknown') return m;
        }
        return { k: 'unknown', why: `no property \`${prop}\`` };
      }
      case 'instance': {
        const info = this.scans.get(o.file)?.classes.get(o.cls);
        if (!info) return { k: 'unknown', why: `class ${o.cls} not found` };
        if (Object.hasOwn(info.members, prop) && !(Object.hasOwn(info.fields, prop) && info.fields[prop].k !== 'fn')) return { k: 'fn', file: o.file, at: info.members[prop] };
        const f = Object.hasOwn(info.fields, prop) ? info.fields[prop] : undefined;
        return f ? this.resolve(o.file, f, depth + 1) : { k: 'unknown', why: `class ${o.cls} has no member \`${prop}\`` };
      }
      case 'class': {
        const info = this.scans.get(o.file)?.classes.get(o.name);
        if (!info) return { k: 'unknown', why: `class ${o.name} not found` };
        const s = staticMember(info, prop);
        return 'why' in s ? { k: 'unknown', why: s.why } : this.resolve(o.file, s, depth + 1);
      }
      case 'external': return o;
      case 'unknown': return o;
      default: return { k: 'unknown', why: `member \`${prop}\` of a ${o.k}` };
    }
  }
}

// The differential check of a validator translator: for each fixture route the translator read completely
// (no untranslated rule), instances are generated from the translated JSON Schema (valid ones, then one
// constraint broken at a time) and judged twice: by the ORIGINAL middleware of the fixture's own router
// (bundled with esbuild so class-validator's legacy decorators compile, with class fields assigned rather than
// defined as the usual decorator tsconfigs have it, then run against a fake req/res/next)
// and by the zod the emitter writes from the translated schema. Wire locations get strings, as express gives.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { schemaToZod } from '../../codemods/zod/schema-to-zod.js';
import { printZod } from '../../codemods/zod/printer.js';
import type { ZodLocation } from '../../codemods/zod/context.js';
import type { JsonSchema as ModelSchema } from '../../codemods/model.js';
import type { JsonSchema, RequestLocation, ValidatorTranslator } from '../../codemods/validators/types.js';
import { mutatedInstances, seedFor, validInstances } from './instances.js';
import { createModuleDir } from './zod-module.js';
import { translateRoutes } from '../codemods/validators/route-arguments.js';

const ZOD_LOCATION: Record<RequestLocation, ZodLocation> = { body: 'body', query: 'query', params: 'path', headers: 'header', cookies: 'cookie' };
const WIRE: RequestLocation[] = ['query', 'params', 'headers'];

export interface Disagreement { route: string; kind: string; instance: unknown; original: boolean; zod: boolean; zodError?: string }
export interface LibraryDifferential { routes: number; skipped: string[]; checks: number; agreements: number; disagreements: Disagreement[]; validShare: number }

type Judge = (req: Record<string, unknown>) => Promise<boolean>;
type Layer = { route?: { path: string; methods: Record<string, boolean>; stack: Array<{ handle: Function }> } };

/** `afterChain` decides validity after every middleware called next() (express-validator's validationResult). */
export async function runLibraryDifferential(opts: {
  dir: string; translator: ValidatorTranslator; valid: number; mutated: number;
  afterChain?: (req: Record<string, unknown>) => boolean; banner?: string;
}): Promise<LibraryDifferential> {
  const out: LibraryDifferential = { routes: 0, skipped: [], checks: 0, agreements: 0, disagreements: [], validShare: 0 };
  const mod = createModuleDir('migrate-api-validators-');
  let validSeen = 0;
  let validOriginal = 0;
  try {
    const fs = await import('node:fs');
    const cases = fs.readdirSync(opts.dir).filter((f) => f.endsWith('.input.ts') && f !== 'noop.input.ts' && f !== 'untranslated.input.ts').sort();
    for (const c of cases) {
      const file = join(opts.dir, c);
      const routes = translateRoutes(file, opts.translator, opts.dir);
      const bundle = join(mod.dir, c.replace(/\.ts$/, '.mjs'));
      await build({
        entryPoints: [file], bundle: true, platform: 'node', format: 'esm', outfile: bundle, packages: 'external', logLevel: 'silent',
        tsconfigRaw: { compilerOptions: { ...fixtureCompilerOptions(opts.dir), experimentalDecorators: true, useDefineForClassFields: false } }, banner: opts.banner ? { js: opts.banner } : undefined,
      });
      const router = ((await import(pathToFileURL(bundle).href)) as { default: { stack: Layer[] } }).default;
      // One combined schema per route: every location any of its arguments validates.
      const byRoute = new Map<string, Partial<Record<RequestLocation, JsonSchema>>>();
      for (const r of routes) {
        const label = r.route;
        if (r.result.untranslated.length > 0) { out.skipped.push(`${c} ${label}`); continue; }
        const locs = byRoute.get(label) ?? {};
        for (const [loc, s] of Object.entries(r.result.locations)) locs[loc as RequestLocation] = s;
        byRoute.set(label, locs);
      }
      for (const [label, locs] of byRoute) {
        out.routes++;
        const [verb, path] = label.split(' ');
        const layer = router.stack.find((l) => l.route?.path === path && l.route.methods[verb!.toLowerCase()]);
        if (!layer?.route) throw new Error(`${c}: no route ${label} in the fixture's router`);
        const handles = layer.route.stack.slice(0, -1).map((s) => s.handle);
        const original: Judge = (req) => runChain(handles, req, opts.afterChain);
        const zodJudge = await zodFor(mod, `${c}-${out.routes}`, locs);
        const combined: JsonSchema = { type: 'object', properties: locs, required: Object.keys(locs) };
        const seed = seedFor(`${c} ${label}`);
        const valid = validInstances(combined as ModelSchema, {}, { seed, count: opts.valid });
        const mutations = mutatedInstances(combined as ModelSchema, {}, valid, { seed: seed + 1, count: opts.mutated });
        const instances = [...valid.map((v) => ({ kind: 'generated', value: v })), ...mutations.map((m) => ({ kind: m.kind, value: m.value }))];
        for (const inst of instances) {
          const req = toRequest(inst.value as Record<string, unknown>);
          if (!req) continue;
          const o = await original(structuredClone(req));
          const z = zodJudge(structuredClone(req));
          out.checks++;
          if (inst.kind === 'generated') { validSeen++; if (o) validOriginal++; }
          if (o === z.ok) out.agreements++;
          else out.disagreements.push({ route: `${c} ${label}`, kind: inst.kind, instance: inst.value, original: o, zod: z.ok, zodError: z.error });
        }
      }
    }
  } finally {
    mod.remove();
  }
  out.validShare = validSeen === 0 ? 0 : validOriginal / validSeen;
  return out;
}

/** The fixture folder's own tsconfig `paths` (esbuild's tsconfigRaw replaces the file). */
function fixtureCompilerOptions(dir: string): Record<string, unknown> {
  const file = join(dir, 'tsconfig.json');
  if (!existsSync(file)) return {};
  const options = (JSON.parse(readFileSync(file, 'utf8')) as { compilerOptions?: Record<string, unknown> }).compilerOptions ?? {};
  return { ...options, baseUrl: typeof options.baseUrl === 'string' ? resolve(dir, options.baseUrl) : undefined };
}

/** Wire locations carry strings: scalars are sent as their text; other shapes cannot be sent there. */
function toRequest(value: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const req: Record<string, unknown> = { body: {}, query: {}, params: {}, headers: {}, ...value };
  // express.json() (strict, the default) answers 400 to a body that is not an object or array before any validator runs.
  if (typeof req.body !== 'object' || req.body === null) return undefined;
  for (const loc of WIRE) {
    const v = req[loc];
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === null || typeof x === 'object') return undefined;
      out[k] = String(x);
    }
    req[loc] = out;
  }
  return req;
}

async function runChain(handles: Function[], req: Record<string, unknown>, after?: (req: Record<string, unknown>) => boolean): Promise<boolean> {
  for (const h of handles) {
    const passed = await new Promise<boolean>((done) => {
      const res = {
        statusCode: 200,
        status(code: number) { this.statusCode = code; return this; },
        json() { done(false); return this; },
        send() { done(false); return this; },
        sendStatus() { done(false); return this; },
        end() { done(false); return this; },
      };
      try {
        const r = h(req, res, (err?: unknown) => done(err === undefined || err === null || err === 'route'));
        if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(undefined, () => done(false));
      } catch {
        done(false);
      }
    });
    if (!passed) return false;
  }
  return after ? after(req) : true;
}

async function zodFor(mod: ReturnType<typeof createModuleDir>, name: string, locs: Partial<Record<RequestLocation, JsonSchema>>):
  Promise<(req: Record<string, unknown>) => { ok: boolean; error?: string }> {
  const lines = ["import { z } from 'zod';"];
  for (const [loc, s] of Object.entries(locs)) {
    const expr = schemaToZod(s as ModelSchema, { refName: () => undefined, location: ZOD_LOCATION[loc as RequestLocation], variant: 'request', pointer: `#/${loc}`, diagnostics: [] });
    lines.push(`export const ${loc} = ${printZod(expr, 14)};`);
  }
  const file = `${name.replace(/[^\w-]/g, '_')}.mjs`;
  mod.write(file, `${lines.join('\n')}\n`);
  const schemas = (await mod.load(file)) as Record<string, { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: unknown[]; message: string }> } } }>;
  return (req) => {
    for (const loc of Object.keys(locs)) {
      const r = schemas[loc]!.safeParse(req[loc]);
      if (!r.success) return { ok: false, error: `${loc}: ${JSON.stringify(r.error?.issues.map((i) => [i.path.join('.'), i.message]))}` };
    }
    return { ok: true };
  };
}

export const ROOT = resolve(import.meta.dirname, '../..');

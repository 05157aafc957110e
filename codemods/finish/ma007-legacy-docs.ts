// Before: swagger-jsdoc options, YAML doc comments, a swagger.yaml the app loads, swagger-ui-express in package.json
// After:  none of them where the code now carries what they said (spec files listed; --delete-spec-files removes them)
//
// MA007: what built the legacy document goes once nothing reads it (after MA006 rewired the endpoints that did).
import { basename, dirname, relative, resolve as resolvePath } from 'node:path';
import { existsSync } from 'node:fs';
import { removeDuplicateDocComments } from './doc-comments.js';
import { removePackageDeps } from './package-deps.js';
import { Resolver } from '../scan/resolve.js';
import { importedModules, parseProgram } from './source.js';
import { removeUnusedDocCode } from './unused-doc-code.js';
import { outsideFiles } from './outside-files.js';
import { result, type FinishContext, type FinishStep, type StepResult } from './types.js';
import { isGeneratedSchemasModule } from '../zod/previous-module.js';

const DOC_PACKAGES = ['swagger-jsdoc', 'swagger-ui-express', 'express-openapi-validator'];
/** A spec file's name, as a relative require/import names it. */
const SPEC_DATA = /\.(json|ya?ml)$/i;

export const ma007: FinishStep = {
  id: 'MA007',
  name: 'remove-legacy-docs',
  run(ctx: FinishContext): StepResult {
    const did: string[] = [];
    const reasons: string[] = [];
    const rel = (f: string) => relative(ctx.root, f) || f;
    const files = ctx.analysis.scan.files;
    // What the package's other files import, run and name counts too: only `files` are rewritten.
    const everyFile = [...files, ...outsideFiles(ctx)];
    // Steps 2 and 5 ask every file for its imports, up to six times: a file is parsed again only once a step changed it.
    const parsedImports = new Map<string, { text: string; modules: string[] }>();
    const importsOf = (file: string, text: string): string[] => {
      const known = parsedImports.get(file);
      if (known?.text === text) return known.modules;
      const p = parseProgram(text, file);
      const modules = p ? importedModules(p) : [];
      parsedImports.set(file, { text, modules });
      return modules;
    };
    const resolver = new Resolver(ctx.analysis.scans);
    const routeFiles = new Set(ctx.analysis.scan.routes.map((r) => r.file));
    const routerFiles = new Set(ctx.analysis.scan.routers.map((r) => r.file));
    // A local module "only builds docs" when it registers no route or router and speaks of swagger/openapi.
    // The migration read it as a doc source (a document written as a JS module): its facts are in code now.
    const readSources = (ctx.analysis.docSources ?? []).map((d) => (d.file.startsWith('/') ? d.file : `${ctx.root}/${d.file}`));
    const isDocSource = (file: string) => readSources.includes(file);
    const jsdocOptions = (file: string) => /swagger-?jsdoc|\bapis\s*:|\b(swagger)?[dD]efinition\b/.test(ctx.ws.read(file) ?? '');
    const docsOnly = (file: string) => {
      if (routeFiles.has(file) || routerFiles.has(file)) return false;
      const text = ctx.ws.read(file) ?? '';
      return /swagger|openapi/i.test(text) && !/\b(listen|Router|express)\s*\(/.test(text) && (jsdocOptions(file) || isDocSource(file));
    };

    // 1. Code that built the legacy document and that nothing uses any more.
    const importsBefore = new Map<string, string[]>();
    for (const file of files) {
      const text = ctx.ws.read(file);
      if (text === null) continue;
      importsBefore.set(file, importsOf(file, text));
      const original = ctx.ws.original(file) ?? text;
      const r = removeUnusedDocCode(text, original, rel(file), (spec) => {
        // A spec file required as a module (`require('./swagger.json')`) is no source file the resolver knows.
        const target = resolver.resolveModule(file, spec) ?? (SPEC_DATA.test(spec) && spec.startsWith('.') ? resolvePath(dirname(file), spec) : null);
        return !!target && docsOnly(target);
      });
      if (r.output !== undefined) { ctx.ws.write(file, r.output); did.push(...r.removed.map((x) => `${x} (nothing uses it any more)`)); }
    }

    // 2. Local modules that only built docs and that no file imports any more (swagger-jsdoc options files).
    //    Local: a relative specifier, or one the app's tsconfig `paths`/`baseUrl` map to its files (`@/config/swagger`).
    for (let round = 0; round < 5; round++) {
      const importedNow = new Set<string>();
      for (const file of everyFile) {
        const text = ctx.ws.read(file);
        if (text === null) continue;
        for (const spec of importsOf(file, text)) { const t = resolver.resolveModule(file, spec); if (t) importedNow.add(t); }
      }
      let deleted = false;
      for (const [file, specs] of importsBefore) {
        for (const spec of specs) {
          const target = resolver.resolveModule(file, spec);
          if (!target || importedNow.has(target) || ctx.ws.read(target) === null || !docsOnly(target)) continue;
          if (!jsdocOptions(target) && !ctx.options.deleteSpecFiles) {
            // A document written as a JS module is a spec file in all but name: listed, deleted only on request.
            const why = `${rel(target)}: nothing reads it any more (a legacy document the code now carries); --delete-spec-files removes it`;
            if (!reasons.includes(why)) reasons.push(why);
            continue;
          }
          importsBefore.set(target, importsOf(target, ctx.ws.read(target)!));
          ctx.ws.remove(target);
          did.push(`${rel(target)}: deleted (it only built the legacy document, and nothing imports it any more)`);
          deleted = true;
        }
      }
      if (!deleted) break;
    }

    // 3. YAML doc comments that duplicate code, once no swagger-jsdoc call can read them at run time.
    const stillJsdoc = everyFile.filter((f) => { const t = ctx.ws.read(f); return t !== null && /['"]swagger-jsdoc['"]/.test(t); });
    const schemasText = ctx.analysis.scan.files.map((f) => ctx.ws.read(f) ?? '').filter((t) => /apiDocs|\.meta\(\{ id:/.test(t)).join('\n');
    const defined = (name: string) => new RegExp(`(export const |exports\\.)${name}\\b|id: ['"]${name}['"]|"${name}":`).test(schemasText);
    for (const file of files) {
      const text = ctx.ws.read(file);
      if (text === null || !/@(openapi|swagger)\b/.test(text)) continue;
      if (stillJsdoc.length) { reasons.push(`${rel(file)}: its YAML doc comments stay: swagger-jsdoc still runs in ${stillJsdoc.map(rel).join(', ')}`); continue; }
      const r = removeDuplicateDocComments(text, rel(file), defined);
      if (r.output !== undefined && r.output.trim() === '' && !routeFiles.has(file)) { ctx.ws.remove(file); did.push(`${rel(file)}: deleted (it held only doc comments the code now carries)`); }
      else if (r.output !== undefined) ctx.ws.write(file, r.output);
      did.push(...r.removed.map((x) => `${x} removed (the code carries it)`));
      reasons.push(...r.kept.map((x) => `${x} (kept)`));
    }

    // 4. Spec files nothing reads any more: listed, or deleted with --delete-spec-files.
    // The generated schemas module names spec files only as the source of an operation it carries (apiDocs.paths'
    // x-migrate-api-unrouted mark): it reads none.
    const texts = everyFile.map((f) => ctx.ws.read(f) ?? '').filter((t) => !isGeneratedSchemasModule(t));
    const specFiles = [...new Set([...ctx.analysis.specFiles, ...(ctx.analysis.docSources ?? []).filter((s) => s.style === 'spec-file').map((s) => s.file)])]
      .map((f) => (f.startsWith('/') ? f : `${ctx.root}/${f}`)).filter((f) => existsSync(f));
    const specTexts = new Map(specFiles.map((f) => [f, ctx.ws.read(f) ?? '']));
    for (const spec of specFiles) {
      const name = basename(spec);
      const folder = basename(dirname(spec));
      // Named in a string (a path), not in a comment that mentions it.
      const inString = new RegExp(`['"\`/]${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`);
      const readByCode = texts.some((t) => inString.test(t));
      const served = texts.some((t) => /\bstatic\s*\(/.test(t) && t.includes(`'${folder}'`)) && dirname(spec) !== ctx.packageRoot;
      const refd = [...specTexts].some(([f, t]) => f !== spec && ctx.ws.read(f) !== null && t.includes(name));
      if (readByCode || served || refd) continue;
      if (ctx.options.deleteSpecFiles) { ctx.ws.remove(spec); did.push(`${rel(spec)}: deleted (nothing reads it any more)`); }
      else reasons.push(`${rel(spec)}: nothing reads it any more; --delete-spec-files removes it`);
    }

    // 5. Packages that only served the legacy docs leave package.json once nothing imports them.
    const imported = new Set<string>();
    for (const file of everyFile) {
      const t = ctx.ws.read(file);
      for (const m of t === null ? [] : importsOf(file, t)) imported.add(m);
    }
    const pkg = `${ctx.packageRoot}/package.json`;
    const pkgText = ctx.ws.read(pkg);
    if (pkgText !== null) {
      const gone = DOC_PACKAGES.filter((m) => !imported.has(m));
      const r = removePackageDeps(pkgText, gone);
      if (r.output !== undefined) { ctx.ws.write(pkg, r.output); did.push(`package.json: ${r.removed.join(', ')} removed (nothing imports ${r.removed.length > 1 ? 'them' : 'it'})`); }
      for (const m of DOC_PACKAGES.filter((x) => imported.has(x))) if (new RegExp(`"${m}"`).test(pkgText)) reasons.push(`package.json: ${m} stays (still imported)`);
    }
    return result(this, did, reasons);
  },
};


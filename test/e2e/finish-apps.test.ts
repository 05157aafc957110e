// Each fixture app, migrated with default options and then finished (`migrate-api finish --run "npm test"`):
// the old docs URLs answer the generated document (and Swagger UI where the app had it), no YAML doc comment that
// the code now carries is left, the served document keeps every fact of the legacy one, the app's own suite still
// passes (in enforce on the routers check --run found clean) except tests that pin the legacy document's own
// shape, and a second finish changes nothing.
// The dist build must be current (`npm run build`): migrated apps import migrate-api/compat from dist/.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../codemods/cli.js';
import { linkDependencies, prepareApp, runAppSuite, type SuiteResult } from '../helpers/legacy-app.js';
import { compareDocuments } from '../helpers/openapi-compare.js';
import { startApp } from './app-process.js';

type Json = Record<string, any>;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (['node_modules', 'test', '.git'].includes(e.name)) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(c|m)?[jt]s$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

interface AppCase {
  name: string;
  entry: string;
  /** The URLs that served the legacy document. */
  docUrls: string[];
  /** Where the migrated app serves its generated document. */
  generated: string;
  swaggerUi?: string;
  /** Tests that assert the legacy document's own shape (its openapi version, its raw servers): they pin what finish replaces. */
  legacyDocTests: RegExp;
  /** What MA010 flips with the app's own suite as the judge (the rest stays in report, listed with findings). */
  enforced: RegExp[];
  /** Validator middleware MA009 takes out of a chain (the rest stays, each with its reason). */
  validatorsRemoved?: RegExp[];
}

const APPS: AppCase[] = [
  { name: 'users-cjs', entry: 'app.js', docUrls: ['/api-docs.json'], generated: '/openapi.json', swaggerUi: '/api-docs/', legacyDocTests: /serves the OpenAPI document with every operation/, enforced: [/^app\.js:\d+: app -> enforce/] },
  { name: 'clinic-cjs', entry: 'app.js', docUrls: ['/legacy-docs/clinic.json', '/legacy-docs/admin.json'], generated: '/openapi.json', legacyDocTests: /serves the YAML spec it loads|serves the swagger-jsdoc document/, enforced: [] },
  { name: 'inventory-ts', entry: 'src/app.ts', docUrls: ['/openapi.json'], generated: '/migrate-api/openapi.json', legacyDocTests: /serves the hand-written spec as JSON/, enforced: [] },
  { name: 'orders-esm', entry: 'app.js', docUrls: [], generated: '/openapi.json', legacyDocTests: /^$/, enforced: [/^app\.js:\d+: app -> enforce/] },
  // Joi behind validate() and celebrate: the validators MA009 can take out go, and the suite (which checks both
  // error shapes) still passes because each router answers invalid input as its validator did.
  {
    name: 'bookings-joi', entry: 'app.js', docUrls: [], generated: '/openapi.json', legacyDocTests: /^$/,
    enforced: [/^routes\/bookings\.route\.js:\d+: router -> enforce/],
    validatorsRemoved: [/^routes\/bookings\.route\.js:\d+: router answers invalid input with joiValidationError\(400\)/, /^routes\/bookings\.route\.js:\d+: POST \/v1\/bookings\/feedback: validate\(bookingValidation\.feedback\) removed/],
  },
  // class-validator DTOs, docs in @openapi comments; and an app with no docs at all (nothing to retire: MA010 alone).
  { name: 'bookings-ts', entry: 'src/app.ts', docUrls: [], generated: '/openapi.json', legacyDocTests: /^$/, enforced: [/^src\/routes\/bookings\.ts:\d+: router -> enforce/, /^src\/routes\/rooms\.ts:\d+: router -> enforce/] },
  { name: 'notes-nodocs', entry: 'app.js', docUrls: [], generated: '/openapi.json', legacyDocTests: /^$/, enforced: [/^routes\/notes\.js:\d+: router -> enforce/, /^routes\/users\.js:\d+: router -> enforce/] },
];

/** The document as a client calls it: every path under the path of its first server's URL (as doc-sources-app.test.ts). */
function underBasePath(doc: Json): Json {
  const url = String(doc.servers?.[0]?.url ?? '');
  const base = (/^[a-z]+:\/\/[^/]+(\/.*)?$/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : '')).replace(/\/+$/, '');
  const paths = Object.fromEntries(Object.entries<Json>(doc.paths ?? {}).map(([p, item]) => [`${base}${p}`, item]));
  return { ...doc, paths };
}

const temps: string[] = [];
after(() => { for (const d of temps) rmSync(d, { recursive: true, force: true }); });

async function served(dir: string, entry: string, urls: string[]): Promise<Array<{ status: number; type: string; body: string }>> {
  const app = await startApp(dir, entry);
  try {
    return await Promise.all(urls.map(async (u) => {
      const res = await fetch(`${app.url}${u}`);
      return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
    }));
  } finally {
    await app.close();
  }
}

for (const c of APPS) {
  describe(`finish ${c.name}`, () => {
    let dir: string;
    let legacyDocs: Json[];
    let migratedSuite: SuiteResult;

    it('migrates, then finishes with the app\'s own suite as the judge', async () => {
      dir = await prepareApp(c.name);
      temps.push(dir);
      legacyDocs = (await served(dir, c.entry, c.docUrls)).map((r) => JSON.parse(r.body));
      assert.equal((await cli([dir])).code, 0);
      await linkDependencies(dir);
      migratedSuite = await runAppSuite(dir);
      const r = await cli(['finish', dir, '--run', 'npm test', '--json']);
      assert.equal(r.code, 0, r.err.slice(-3000));
      const result = JSON.parse(r.out) as { steps: Array<{ id: string; status: string; did: string[]; reasons: string[] }> };
      const step = (id: string) => result.steps.find((s) => s.id === id)!;
      assert.equal(step('MA006').status, c.docUrls.length ? 'done' : 'unchanged', JSON.stringify(step('MA006')));
      const flipped = step('MA010');
      for (const re of c.enforced) assert.ok(flipped.did.some((d) => re.test(d)), JSON.stringify(flipped));
      // Every router that stayed in report is listed with its findings (or the suite's failure).
      assert.ok(flipped.reasons.every((w) => /stays in report: \d+ finding|failed \(exit/.test(w)), JSON.stringify(flipped.reasons));
      const validators = step('MA009');
      assert.equal(validators.did.length, c.validatorsRemoved?.length ?? 0, JSON.stringify(validators));
      for (const re of c.validatorsRemoved ?? []) assert.ok(validators.did.some((d) => re.test(d)), JSON.stringify(validators));
      // Every validator left in a chain is listed with why.
      assert.ok(validators.reasons.every((w) => /: .+ stays: /.test(w)), JSON.stringify(validators.reasons));
      assert.ok(result.steps.some((s) => s.id === 'MA011'));
    });

    it('the old docs URLs serve the generated document, which keeps every documented fact', async () => {
      const got = await served(dir, c.entry, [...c.docUrls, c.generated, ...(c.swaggerUi ? [c.swaggerUi] : [])]);
      const generated = JSON.parse(got[c.docUrls.length]!.body) as Json;
      for (let i = 0; i < c.docUrls.length; i++) {
        assert.equal(got[i]!.status, 200, c.docUrls[i]);
        assert.deepEqual(JSON.parse(got[i]!.body), generated, `${c.docUrls[i]} answers the generated document`);
        const { lost } = compareDocuments(underBasePath(legacyDocs[i]!), generated);
        assert.deepEqual(lost.filter((f) => !/^servers|^openapi|^info\.(title|version)/.test(f)), [], `${c.docUrls[i]}: facts of the legacy document lost`);
      }
      if (c.swaggerUi) {
        const ui = got[got.length - 1]!;
        assert.equal(ui.status, 200);
        assert.match(ui.type, /text\/html/);
        assert.match(ui.body, /swagger-ui/);
        assert.match(ui.body, new RegExp(`data-url="${c.generated}"`));
      }
    });

    it('no YAML doc comment or swagger-jsdoc call is left that duplicates code', () => {
      for (const f of sources(dir)) {
        const text = readFileSync(f, 'utf8');
        assert.doesNotMatch(text, /@(openapi|swagger)\b/, f);
        assert.doesNotMatch(text, /swagger-jsdoc|swagger-ui-express/, f);
      }
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Json;
      assert.equal(pkg.dependencies?.['swagger-jsdoc'], undefined);
      assert.equal(pkg.dependencies?.['swagger-ui-express'], undefined);
    });

    it('its own suite passes as it did after the migration, except the tests that pin the legacy document', async () => {
      const after = await runAppSuite(dir);
      const was = new Map(migratedSuite.tests.map((t) => [t.name, t.ok]));
      const changed = after.tests.filter((t) => was.get(t.name) !== t.ok).map((t) => t.name);
      assert.ok(changed.every((n) => c.legacyDocTests.test(n)), `unexpected changes: ${changed.join(', ')}\n${after.output.slice(-2000)}`);
      assert.ok(migratedSuite.tests.every((t) => t.ok || c.legacyDocTests.test(t.name)));
    });

    it('a second finish changes nothing', async () => {
      const r = await cli(['finish', dir, '--dry', '--force']);
      assert.equal(r.code, 0, r.out.slice(0, 2000));
      assert.equal(r.out, '');
    });
  });
}

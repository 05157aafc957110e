// The migrated users-cjs app's docs in a real browser (Debian's chromium, driven by playwright-core):
// Swagger UI at /docs and Redoc at /redoc list every operation of the original docs, and nothing the
// pages load leaves 127.0.0.1 (the UIs are served from installed packages, never from a CDN).
// Screenshots land in test-artifacts/ (git-ignored) for a human to look at.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { main } from '../../codemods/cli.js';
import { linkDependencies, prepareApp, repoRoot } from '../helpers/legacy-app.js';
import { startApp, type RunningApp } from './app-process.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(repoRoot, 'test-artifacts');
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

interface Seen { url: string; failure?: string }

/** Records every request a page makes and how it ended. */
function watchRequests(page: Page): Map<object, Seen> {
  const seen = new Map<object, Seen>();
  page.on('request', (r) => seen.set(r, { url: r.url() }));
  page.on('requestfailed', (r) => {
    const entry = seen.get(r);
    if (entry) entry.failure = r.failure()?.errorText ?? 'failed';
  });
  return seen;
}

/**
 * Requests that left (or tried to leave) 127.0.0.1. One the page's Content-Security-Policy blocked never
 * reached the network — redoc draws its logo from a CDN and the docs CSP refuses it — so it does not count.
 */
function leftLocalhost(requests: Map<object, Seen>): string[] {
  return [...requests.values()]
    .filter((r) => {
      const u = new URL(r.url);
      if (u.protocol === 'data:' || u.protocol === 'about:') return false;
      if (u.protocol === 'blob:') return new URL(u.pathname).hostname !== '127.0.0.1';
      if (u.hostname === '127.0.0.1') return false;
      return !(r.failure && /csp|blocked/i.test(r.failure));
    })
    .map((r) => `${r.url}${r.failure ? ` (${r.failure})` : ''}`);
}

// Without a browser the test cannot run: on a developer's machine it says so in one visible line and the run
// goes on; CI (.ci/run sets MIGRATE_API_BROWSER_TEST=required) installs chromium and makes it mandatory.
const browserRequired = process.env.MIGRATE_API_BROWSER_TEST === 'required';
const noBrowser = !existsSync(CHROMIUM) && !browserRequired
  ? `${CHROMIUM} not found: browser test not run (apt-get install chromium, or set MIGRATE_API_BROWSER_TEST=required to make it fail instead)`
  : false;
if (noBrowser) process.stderr.write(`\n  ! ${noBrowser}\n\n`);

describe('docs of the migrated users-cjs app in chromium', { skip: noBrowser }, () => {
  let dir: string | undefined;
  let server: RunningApp | undefined;
  let browser: Browser | undefined;
  /** `GET /api/users/{id}` for every operation of the original swagger-jsdoc docs. */
  let documented: string[] = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM),
      `${CHROMIUM} is missing: this test needs Debian's chromium (apt-get update && apt-get install -y chromium; .ci/run installs it)`);
    dir = await prepareApp('users-cjs');
    const legacy = await startApp(dir, 'app.js');
    try {
      const original = (await (await fetch(`${legacy.url}/api-docs.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
      documented = Object.entries(original.paths).flatMap(([path, item]) =>
        Object.keys(item).filter((k) => k !== 'parameters').map((m) => `${m.toUpperCase()} ${path}`)).sort();
    } finally {
      await legacy.close();
    }
    assert.equal(documented.length, 8, `users-cjs documents 8 operations, found ${documented.join(', ')}`);
    let err = '';
    const code = await main([dir], { out: () => {}, err: (s) => (err += s), isTTY: false });
    assert.equal(code, 0, `migrate-api exited ${code}\n${err}`);
    await linkDependencies(dir);
    server = await startApp(dir, 'app.js');
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('Swagger UI at /docs lists every documented operation, all from 127.0.0.1', async () => {
    const page = await browser!.newPage();
    const requests = watchRequests(page);
    const res = await page.goto(`${server!.url}/docs`);
    assert.equal(res?.status(), 200, `GET /docs answered ${res?.status()}`);
    // Swagger UI renders one .opblock per operation once the document is loaded and parsed.
    await page.locator('.opblock').nth(documented.length - 1).waitFor();
    const listed = await page.$$eval('.opblock', (els) => els.map((e) =>
      `${e.querySelector('.opblock-summary-method')?.textContent?.trim().toUpperCase()} ${e.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`));
    await page.screenshot({ path: join(ARTIFACTS, 'users-cjs-swagger-ui.png'), fullPage: true });
    assert.deepEqual(documented.filter((op) => !listed.includes(op)), [], `Swagger UI lists: ${listed.join(', ')}`);
    assert.deepEqual(leftLocalhost(requests), []);
    await page.close();
  });

  it('Redoc at /redoc lists every documented operation, all from 127.0.0.1', async () => {
    const page = await browser!.newPage();
    const requests = watchRequests(page);
    const res = await page.goto(`${server!.url}/redoc`);
    assert.equal(res?.status(), 200, `GET /redoc answered ${res?.status()}`);
    // Each operation's endpoint box: <span class="http-verb get">get</span> followed by the path.
    await page.locator('.http-verb').nth(documented.length - 1).waitFor();
    const listed = await page.$$eval('.http-verb', (els) => els.map((e) =>
      `${e.textContent?.trim().toUpperCase()} ${e.nextElementSibling?.textContent?.trim()}`));
    await page.screenshot({ path: join(ARTIFACTS, 'users-cjs-redoc.png'), fullPage: false });
    assert.deepEqual(documented.filter((op) => !listed.includes(op)), [], `Redoc lists: ${listed.join(', ')}`);
    assert.deepEqual(leftLocalhost(requests), []);
    await page.close();
  });
});

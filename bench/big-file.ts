// Big route files (issue 10 item 12): `--dry` on one generated route file of N routes, and the diff alone.
// Not a test: prints CPU seconds per size, so linear vs quadratic shows from the ratios. Run:
//   npx tsx bench/big-file.ts 1200 4000 14000
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../codemods/cli.js';
import { unifiedDiff } from '../codemods/cli/unified-diff.js';
import { bigRouteFile } from '../test/helpers/big-route-file.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const cpu = (f: () => unknown) => { const t = process.cpuUsage(); const r = f(); const u = process.cpuUsage(t); return { r, s: (u.user + u.system) / 1e6 }; };

console.log('| routes | MB | diff alone (s CPU) | whole --dry (s CPU) | patch lines |');
console.log('|---|---|---|---|---|');
for (const n of sizes.length ? sizes : [1200, 4000]) {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-big-'));
  const source = bigRouteFile(n);
  writeFileSync(join(dir, 'routes.js'), source);
  writeFileSync(join(dir, 'package.json'), '{"name":"big","dependencies":{"express":"^4.19.2"}}\n');
  let out = '';
  const t = process.cpuUsage();
  await main([dir, '--dry', '--force'], { out: (s) => { out += s; }, err: () => {}, isTTY: false });
  const u = process.cpuUsage(t);
  // The diff alone, on the same before/after the run printed.
  const after = out.split('\n').length;
  const again = cpu(() => unifiedDiff('a/routes.js', 'b/routes.js', source, source.replace(/^router\.get\(/gm, 'router.get( ')));
  console.log(`| ${n} | ${(source.length / 1e6).toFixed(2)} | ${again.s.toFixed(2)} | ${((u.user + u.system) / 1e6).toFixed(2)} | ${after} |`);
  rmSync(dir, { recursive: true, force: true });
}

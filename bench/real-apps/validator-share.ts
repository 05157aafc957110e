// The share of validator schemas the translators read without an untranslated rule, per app of a checked-out
// corpus (default: the real-app checkouts; `npx tsx bench/real-apps/validator-share.ts <dir>`). Read-only: it
// parses the apps' files and runs every registered translator on each route-chain argument; no app code runs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSource } from '../../codemods/parse.js';
import { walk, type Node } from '../../codemods/rules/ast.js';
import { FileValidatorScope } from '../../codemods/validators/scope.js';
import { TRANSLATORS } from '../../codemods/validators/registry.js';
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all']);
const files = (d: string): string[] => readdirSync(d).flatMap((e) => {
  if (['node_modules', 'dist', 'build', '.git', 'coverage'].includes(e)) return [];
  const p = join(d, e); const st = statSync(p);
  return st.isDirectory() ? files(p) : /\.(ts|js|mjs|cjs)$/.test(e) && !/\.d\.ts$/.test(e) ? [p] : [];
});
const root = process.argv[2] ?? '/work/scratch/real-apps';
for (const app of readdirSync(root).filter((a) => !a.startsWith('.') && !a.endsWith('.report') && statSync(join(root, a)).isDirectory()).sort()) {
  const scope = new FileValidatorScope();
  let schemas = 0, clean = 0; const rules: string[] = [];
  for (const f of files(join(root, app))) {
    const parsed = parseSource(readFileSync(f, 'utf8'), f);
    if (!('ast' in parsed)) continue;
    walk(parsed.ast.program as unknown as Node, (n) => {
      if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.property.type !== 'Identifier' || !VERBS.has(n.callee.property.name) || n.arguments.length < 2) return;
      for (const a of n.arguments.slice(1, -1)) for (const t of TRANSLATORS) {
        const r = t.translate(a, f, scope);
        if (!r) continue;
        const count = Object.keys(r.locations).length || 1;
        schemas += count; if (r.untranslated.length === 0) clean += count;
        rules.push(...r.untranslated.map((u) => `${t.library} ${relative(join(root, app), u.file)}:${u.line} ${u.rule} — ${u.why}`));
        break;
      }
    });
  }
  if (schemas) { console.log(`${app}: ${clean}/${schemas} location schemas without an untranslated rule`); for (const r of rules) console.log('   ', r); }
  else console.log(`${app}: no route-chain argument any translator claims`);
}

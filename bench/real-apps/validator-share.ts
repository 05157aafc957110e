// The share of validator schemas the translators read without an untranslated rule, per app: the runner's
// "validators" column (issue 13), and a command over a checked-out corpus (default: the real-app checkouts;
// `npx tsx bench/real-apps/validator-share.ts <dir>`). Read-only: it parses the apps' files and runs every
// registered translator on each route-chain argument; no app code runs. The migration's report.json does not
// count MA004's translations, so the count is made here, with the translators MA004 uses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSource } from '../../codemods/parse.js';
import { walk, type Node } from '../../codemods/rules/ast.js';
import { FileValidatorScope } from '../../codemods/validators/scope.js';
import { TRANSLATORS } from '../../codemods/validators/registry.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all']);

export interface ValidatorShare {
  /** location schemas (body, query, params... of one middleware) a translator claimed */
  schemas: number;
  /** of those, the ones with no untranslated rule (no TODO in the spec) */
  clean: number;
  /** `library file:line rule — why`, one per untranslated rule */
  untranslated: string[];
}

const files = (d: string): string[] => readdirSync(d).flatMap((e) => {
  if (['node_modules', 'dist', 'build', '.git', 'coverage', '.real-apps'].includes(e)) return [];
  const p = join(d, e); const st = statSync(p);
  return st.isDirectory() ? files(p) : /\.(ts|js|mjs|cjs)$/.test(e) && !/\.d\.ts$/.test(e) ? [p] : [];
});

/** Every route-chain argument under `dir` (a folder, or a file's folder) that a translator claims, counted. */
export function validatorShare(dirArg: string): ValidatorShare {
  const dir = statSync(dirArg).isDirectory() ? dirArg : dirname(dirArg);
  const scope = new FileValidatorScope();
  const share: ValidatorShare = { schemas: 0, clean: 0, untranslated: [] };
  for (const f of files(dir)) {
    const parsed = parseSource(readFileSync(f, 'utf8'), f);
    if (!('ast' in parsed)) continue;
    walk(parsed.ast.program as unknown as Node, (n) => {
      if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.property.type !== 'Identifier' || !VERBS.has(n.callee.property.name) || n.arguments.length < 2) return;
      for (const a of n.arguments.slice(1, -1)) for (const t of TRANSLATORS) {
        const r = t.translate(a, f, scope);
        if (!r) continue;
        const count = Object.keys(r.locations).length || 1;
        share.schemas += count;
        if (r.untranslated.length === 0) share.clean += count;
        share.untranslated.push(...r.untranslated.map((u) => `${t.library} ${relative(dir, u.file)}:${u.line} ${u.rule} — ${u.why}`));
        break;
      }
    });
  }
  return share;
}

function main(): void {
  const root = process.argv[2] ?? '/work/scratch/real-apps';
  for (const app of readdirSync(root).filter((a) => !a.startsWith('.') && !/\.(report|shares)$/.test(a) && statSync(join(root, a)).isDirectory()).sort()) {
    const s = validatorShare(join(root, app));
    if (s.schemas) {
      console.log(`${app}: ${s.clean}/${s.schemas} location schemas without an untranslated rule`);
      for (const r of s.untranslated) console.log('   ', r);
    } else console.log(`${app}: no route-chain argument any translator claims`);
  }
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) main();

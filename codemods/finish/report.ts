// The finish report as files: finish.json for machines, finish.md for a PR (steps, then where the app stands).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FinishResult } from './index.js';

export function renderFinishMarkdown(r: FinishResult): string {
  const out = ['# migrate-api finish', '', r.root, '', '| step | what | status |', '|---|---|---|'];
  for (const s of r.steps.filter((x) => x.id !== 'MA011')) out.push(`| ${s.id} | ${s.name} | ${s.status} |`);
  for (const s of r.steps.filter((x) => x.id !== 'MA011')) {
    if (!s.did.length && !s.reasons.length) continue;
    out.push('', `## ${s.id} ${s.name}`, '', ...s.did.map((d) => `- ${d}`), ...s.reasons.map((w) => `- left: ${w}`));
  }
  const st = r.standing;
  out.push('', '## Where the app stands', '', `routes ${st.routes}, typed ${st.typed}, legacy ${st.legacy}, in report mode ${st.reportMode}`, '');
  out.push(...(st.complete ? ['**migration complete**'] : st.left.map((l) => `- ${l}`)));
  return out.join('\n') + '\n';
}

export function writeFinishReport(r: FinishResult, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'finish.json');
  const md = join(dir, 'finish.md');
  writeFileSync(json, JSON.stringify({ root: r.root, steps: r.steps, standing: r.standing }, null, 2) + '\n');
  writeFileSync(md, renderFinishMarkdown(r));
  return [json, md];
}

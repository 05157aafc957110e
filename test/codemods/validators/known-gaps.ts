// codemods/validators/KNOWN-GAPS.md lists, per library, the mutation kinds on which the original validator and
// the emitted zod may disagree, each with its reason: a `- \`kind\`: reason` line under `## <library>`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FILE = resolve(import.meta.dirname, '../../../codemods/validators/KNOWN-GAPS.md');

export function explainedKinds(library: string): Set<string> {
  const text = readFileSync(FILE, 'utf8');
  const section = text.split(/^## /m).find((s) => s.startsWith(`${library}\n`)) ?? '';
  return new Set([...section.matchAll(/^- `([\w-]+)`: \S/gm)].map((m) => m[1]!));
}

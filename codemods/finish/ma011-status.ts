// MA011: where the app stands once the other steps ran: typed / legacy / report-mode routes, what is left and
// why, and "migration complete" when nothing is. It changes no file: it is the end of the finish report.
import { relative, sep } from 'node:path';
import type { StepResult } from './types.js';
import type { FinishContext } from './types.js';

export interface Standing {
  routes: number;
  typed: number;
  legacy: number;
  reportMode: number;
  left: string[];
  complete: boolean;
}

export function standing(ctx: FinishContext, steps: StepResult[]): Standing {
  const rel = (f: string) => relative(ctx.root, f).split(sep).join('/') || f;
  const rewired = new Set((ctx.notes.get('MA006.rewiredPaths') as string[] | undefined) ?? []);
  const routes = ctx.analysis.scan.routes.filter((r) => !rewired.has(`${r.file}:${r.at.line}`));
  const text = (f: string) => ctx.ws.read(f) ?? '';
  // A route runs in report mode when its router's typed() call still asks for it, or its file still does.
  const inReport = (file: string, receiver: string) => new RegExp(`\\b${receiver}\\s*=\\s*(?:[\\w.]+\\s*=\\s*)*\\w*typed\\w*\\([^;]*validation:\\s*['"]report['"]`).test(text(file));
  // What the migration made of each route, as the scan reads the code finish started from (finish rewrites no handler).
  const typed = routes.filter((r) => r.migrated === 'typed handler').length;
  const legacyRoutes = routes.filter((r) => r.migrated === 'legacy handler');
  const report = routes.filter((r) => inReport(r.file, r.receiver));
  const where = (rs: typeof routes) => `${rs.slice(0, 5).map((r) => `${rel(r.file)}:${r.at.line}`).join(', ')}${rs.length > 5 ? ', ...' : ''}`;
  const routesWord = (n: number) => `${n} route${n > 1 ? 's' : ''}`;
  // An undocumented route is legacy for want of a spec, not because a rule refused it: its next step differs.
  const undocumented = legacyRoutes.filter((r) => r.emptySpec);
  const refused = legacyRoutes.filter((r) => !r.emptySpec);
  const left: string[] = [];
  if (refused.length) left.push(`${routesWord(refused.length)} still wrapped in legacy(): no rule proved a typed handler safe (${where(refused)})`);
  if (undocumented.length) left.push(`${routesWord(undocumented.length)} still wrapped in legacy() with an empty spec, undocumented: \`migrate-api infer --run "<test command>"\` drafts one from the code and the suite's traffic, or write it by hand (${where(undocumented)})`);
  if (report.length) left.push(`${routesWord(report.length)} in report mode: see MA010`);
  // Docs the analysis found and could not read (express-jsdoc-swagger comments, a document it cannot resolve): what
  // they say is in no generated document until they are handed over, so the migration is not done.
  const unread = ctx.analysis.diagnostics.filter((d) => d.code === 'doc-source-unread');
  const at = (d: (typeof unread)[number]) => (d.at ? `${rel(d.at.file)}:${d.at.line}` : '?');
  if (unread.length) left.push(`${unread.length} doc source${unread.length > 1 ? 's' : ''} not read (doc-source-unread), what they document is in no generated document: ${unread.slice(0, 3).map((d) => `${at(d)}: ${d.message}`).join('; ')}${unread.length > 3 ? '; ...' : ''}`);
  for (const s of steps) for (const why of s.reasons) left.push(`${s.id}: ${why}`);
  return { routes: routes.length, typed, legacy: legacyRoutes.length, reportMode: report.length, left, complete: left.length === 0 };
}

// What is left to type, grouped: the routes MA003 left legacy, counted by the reason it gave
// ("14 routes: renders a view (`res.render`)"), for the CLI summary and the report files.
import type { RouteReport } from './plan.js';

export interface LegacyReason {
  reason: string;
  routes: number;
}

const PREFIX = 'legacy handler: ';

/** The MA003 reason inside a route's report reason (which may also say where its router was typed). */
export function legacyReasonOf(route: RouteReport): string | null {
  if (route.status !== 'legacy' || !route.reason) return null;
  const at = route.reason.indexOf(PREFIX);
  return at < 0 ? null : route.reason.slice(at + PREFIX.length);
}

/** Legacy routes by reason, most frequent first (then by reason, so the order is stable). */
export function legacyReasons(routes: readonly RouteReport[]): LegacyReason[] {
  const counts = new Map<string, number>();
  for (const r of routes) {
    const why = legacyReasonOf(r) ?? (r.status === 'legacy' ? 'no reason recorded' : null);
    if (why !== null) counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  return [...counts].map(([reason, n]) => ({ reason, routes: n })).sort((a, b) => b.routes - a.routes || a.reason.localeCompare(b.reason));
}

export function formatLegacyReason(r: LegacyReason): string {
  return `${r.routes} route${r.routes === 1 ? '' : 's'}: ${r.reason}`;
}

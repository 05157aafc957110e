// MA009: validator middleware whose rules the route's spec now carries leaves the chain, and the router answers
// invalid input as that validator did (compat's onValidationError hooks). The decision per file is
// validator-removal.ts; this step finds each route's validators (migrated routes included: their spec sits
// beside them) in the files as the earlier steps left them. It runs after MA010: a validator goes only from a
// route that enforces, which MA010 decides with the app's own suite.
import { relative, sep } from 'node:path';
import { Resolver } from '../scan/resolve.js';
import type { RouteRecord } from '../plan.js';
import { FileValidatorScope } from '../validators/scope.js';
import { usesValidatorPackage, validatorsOf, type RouteValidator } from '../validators/route-validators.js';
import { removeCoveredInFile } from './validator-removal.js';
import type { FinishContext, FinishStep, StepResult } from './types.js';
import { result } from './types.js';

export const ma009: FinishStep = {
  id: 'MA009',
  name: 'remove-covered-validators',
  run(ctx: FinishContext): StepResult {
    const { scan, scans } = ctx.analysis;
    if (!usesValidatorPackage(scans.values())) return result(this, [], []);
    const rel = (f: string) => relative(ctx.root, f).split(sep).join('/') || f;
    const routes = scan.routes.filter((r) => !r.dynamic);
    const files = [...new Set(routes.map((r) => r.file))];
    const sources = new Map(files.flatMap((f) => { const t = ctx.ws.read(f); return t === null ? [] : [[f, t] as const]; }));
    const resolver = new Resolver(scans);
    const scope = new FileValidatorScope((from, spec) => resolver.resolveModule(from, spec), sources);
    const byFile = new Map<string, Array<{ route: RouteRecord; validators: RouteValidator[] }>>();
    for (const route of routes) {
      if (route.middleware.length === 0) continue;
      const validators = validatorsOf(route, scope);
      if (validators.length) byFile.set(route.file, [...(byFile.get(route.file) ?? []), { route, validators }]);
    }
    const did: string[] = [];
    const reasons: string[] = [];
    for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
      const outcome = removeCoveredInFile(file, sources.get(file)!, list, routes.filter((r) => r.file === file), rel);
      if (outcome.text !== undefined) ctx.ws.write(file, outcome.text);
      did.push(...outcome.did);
      reasons.push(...outcome.reasons);
    }
    return result(this, did, reasons);
  },
};

// Which functions a file calls that a handler may hand `res` to (`ok(res, rows)`, `http.created(res, doc)`),
// followed to their definitions across files (scan/definition.ts, the same resolution as handlers') and read
// for the send-helper shape (rules/send-helper.ts). The answer goes in FilePlan.sendHelpers, by the name the
// file calls it by at its top level, so MA003 (in a worker, on one file) can inline a call without the other
// files; it checks that no inner binding of the name stands between the call and the top level.
import { parsedFileReader, type FileReader } from './parsed-files.js';
import { walk, type Node } from './rules/ast.js';
import { locateDefinition } from './rules/definition-site.js';
import { helperKey, readSendHelper, type SendHelperEntry } from './rules/send-helper.js';
import { resolveDefinition } from './scan/definition.js';
import type { FileScan } from './scan/index.js';
import { Resolver } from './scan/resolve.js';
import type { Val } from './scan/values.js';


/** A finder over one scan: `(file) => { name: helper or why }`, cached per file. */
export function sendHelperFinder(scans: ReadonlyMap<string, FileScan>, parsed: FileReader = parsedFileReader()): (file: string) => Record<string, SendHelperEntry> {
  const resolver = new Resolver(scans);
  const cache = new Map<string, Record<string, SendHelperEntry>>();
  return (file) => {
    const hit = cache.get(file);
    if (hit) return hit;
    const out: Record<string, SendHelperEntry> = {};
    cache.set(file, out);
    const p = parsed(file);
    const bindings = resolver.scan(file)?.bindings;
    if (!p || !bindings) return out;
    // Calls that hand a bare name to a function the file binds at its top level.
    const keys = new Set<string>();
    walk(p.program, (n) => {
      if (n.type !== 'CallExpression' || !(n.arguments as Node[]).some((a) => a.type === 'Identifier')) return;
      const key = helperKey(n.callee);
      if (key) keys.add(key);
    });
    for (const key of keys) {
      const [base, prop] = key.split('.') as [string, string | undefined];
      if (!bindings.has(base)) continue;
      const val: Val = prop ? { k: 'member', obj: { k: 'local', name: base }, prop } : { k: 'local', name: base };
      const def = resolveDefinition(resolver, file, val, () => null, false);
      if ('why' in def) continue;
      const d = parsed(def.at.file!);
      const located = d && locateDefinition(d, def.at, 0);
      if (!d || !located) continue;
      out[key] = readSendHelper(located.fn, d.source, def.at.file!);
    }
    return out;
  };
}

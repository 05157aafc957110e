// Which functions a file calls that a handler may hand `res` to (`ok(res, rows)`, `http.created(res, doc)`),
// followed to their definitions across files (scan/definition.ts, the same resolution as handlers') and read
// for the send-helper shape (rules/send-helper.ts). The answer goes in FilePlan.sendHelpers, by the name the
// file calls it by at its top level, so MA003 (in a worker, on one file) can inline a call without the other
// files; it checks that no inner binding of the name stands between the call and the top level.
import { parsedFileReader, type FileReader, type ParsedFile } from './parsed-files.js';
import { walk, type Node } from './rules/ast.js';
import { locateDefinition } from './rules/definition-site.js';
import { helperKey, readSendHelper, type SendHelperEntry } from './rules/send-helper.js';
import { resolveDefinition } from './scan/definition.js';
import type { FileScan } from './scan/index.js';
import { Resolver } from './scan/resolve.js';
import type { Val } from './scan/values.js';


/** The callees (`ok`, `http.created`) of the calls in a file that hand a bare name to a function, in tree order:
 *  read from the scan's own tree (codemods/migrate-tasks.ts), so the finder need not parse the file again. */
export function helperCalls(program: Node): string[] {
  const keys = new Set<string>();
  walk(program, (n) => {
    if (n.type !== 'CallExpression' || !(n.arguments as Node[]).some((a) => a.type === 'Identifier')) return;
    const key = helperKey(n.callee);
    if (key) keys.add(key);
  });
  return [...keys];
}

function helperCallsOf(p: ParsedFile | null): string[] | null {
  return p ? helperCalls(p.program) : null;
}

/** A finder over one scan: `(file) => { name: helper or why }`, cached per file. */
export function sendHelperFinder(scans: ReadonlyMap<string, FileScan>, parsed: FileReader = parsedFileReader()): (file: string) => Record<string, SendHelperEntry> {
  const resolver = new Resolver(scans);
  const cache = new Map<string, Record<string, SendHelperEntry>>();
  return (file) => {
    const hit = cache.get(file);
    if (hit) return hit;
    const out: Record<string, SendHelperEntry> = {};
    cache.set(file, out);
    const scan = resolver.scan(file);
    // A scan made outside the analysis (scanFile alone) has no helperCalls: the file is read for them.
    const keys = scan?.helperCalls ?? (scan && helperCallsOf(parsed(file)));
    if (!scan || !keys) return out;
    for (const key of keys) {
      const [base, prop] = key.split('.') as [string, string | undefined];
      if (!scan.bindings.has(base)) continue;
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

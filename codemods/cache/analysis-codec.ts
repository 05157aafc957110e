// An AnalyzedFile as cache text and back. JSON, because JSON.parse is the fastest decoder Node has (a re-run
// decodes every file's analysis); the scan's three Maps travel as entry lists. Any other Map or Set in the value
// refuses to encode (the entry is then not cached) rather than coming back as `{}`.
import type { AnalyzedFile } from '../analyze-file.js';
import type { FileScan } from '../scan/index.js';
import { refSites, type RefSite } from '../docs/context.js';

/** The key a `$ref` object's located site travels under: refSites is keyed by object identity, which JSON loses,
 *  and without it a dangling ref read back from the cache was reported at its document's first line. No
 *  document key can start with NUL. */
const SITE_KEY = '\0refSite';
const SITE_MARK = JSON.stringify(SITE_KEY);

type Encoded = Omit<AnalyzedFile, 'scan'> & { scan?: Omit<FileScan, 'bindings' | 'exports' | 'classes'> & Record<'bindings' | 'exports' | 'classes', Array<[string, unknown]>> };

export function encodeAnalysis(a: AnalyzedFile): string | null {
  const value: Encoded = a.scan
    ? { ...a, scan: { ...a.scan, bindings: [...a.scan.bindings], exports: [...a.scan.exports], classes: [...a.scan.classes] } }
    : { ...a, scan: undefined };
  try {
    return JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Map || v instanceof Set) throw new Error('a Map or Set the codec does not know');
      // Only a located site can be reported (settleSites locates every ref its own document cannot resolve).
      const site = v !== null && typeof v === 'object' ? refSites.get(v) : undefined;
      return site?.at ? { ...(v as object), [SITE_KEY]: site } : v;
    });
  } catch {
    return null;
  }
}

export function decodeAnalysis(body: string): AnalyzedFile {
  const v = JSON.parse(body) as Encoded;
  // Refs live in doc models, never in the scan, the bulk of an analysis.
  if (body.includes(SITE_MARK)) restoreSites([v.docs, v.loaded, v.previousDocs]);
  if (!v.scan) return v as AnalyzedFile;
  const s = v.scan;
  return { ...v, scan: { ...s, bindings: new Map(s.bindings), exports: new Map(s.exports), classes: new Map(s.classes) } as FileScan };
}

function restoreSites(root: unknown): void {
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const record = node as Record<string, unknown>;
    const site = record[SITE_KEY] as RefSite | undefined;
    if (site) {
      // The last key JSON.parse added: deleting it keeps the object's fast layout.
      delete record[SITE_KEY];
      refSites.set(record, site);
    }
    for (const key in record) visit(record[key]);
  };
  visit(root);
}

// An AnalyzedFile as cache text and back. JSON, because JSON.parse is the fastest decoder Node has (a re-run
// decodes every file's analysis); the scan's three Maps travel as entry lists. Any other Map or Set in the value
// refuses to encode (the entry is then not cached) rather than coming back as `{}`.
import type { AnalyzedFile } from '../analyze-file.js';
import type { FileScan } from '../scan/index.js';

type Encoded = Omit<AnalyzedFile, 'scan'> & { scan?: Omit<FileScan, 'bindings' | 'exports' | 'classes'> & Record<'bindings' | 'exports' | 'classes', Array<[string, unknown]>> };

export function encodeAnalysis(a: AnalyzedFile): string | null {
  const value: Encoded = a.scan
    ? { ...a, scan: { ...a.scan, bindings: [...a.scan.bindings], exports: [...a.scan.exports], classes: [...a.scan.classes] } }
    : { ...a, scan: undefined };
  try {
    return JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Map || v instanceof Set) throw new Error('a Map or Set the codec does not know');
      return v;
    });
  } catch {
    return null;
  }
}

export function decodeAnalysis(body: string): AnalyzedFile {
  const v = JSON.parse(body) as Encoded;
  if (!v.scan) return v as AnalyzedFile;
  const s = v.scan;
  return { ...v, scan: { ...s, bindings: new Map(s.bindings), exports: new Map(s.exports), classes: new Map(s.classes) } as FileScan };
}

// Before: "dependencies": { "express": "^4.21.0", "swagger-jsdoc": "^6.2.8" }
// After:  "dependencies": { "express": "^4.21.0" }
//
// Removed line by line, not by re-serialising the JSON: the rest of package.json keeps its layout byte for byte.

export function removePackageDeps(text: string, names: readonly string[]): { output?: string; removed: string[] } {
  let pkg: Record<string, Record<string, string> | undefined>;
  try { pkg = JSON.parse(text); } catch { return { removed: [] }; }
  const removed: string[] = [];
  let out = text;
  for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    for (const name of names) {
      if (!pkg[section] || !(name in pkg[section]!)) continue;
      const esc = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      // The entry's own line; a last entry also takes the comma off the line before it.
      const own = new RegExp(`\\n[ \\t]*"${esc}"[ \\t]*:[ \\t]*"[^"\\n]*"[ \\t]*(,?)(?=[ \\t]*\\r?\\n)`);
      const m = own.exec(out);
      if (!m) continue;
      if (m[1] === ',') out = out.slice(0, m.index) + out.slice(m.index + m[0].length);
      else {
        const before = out.slice(0, m.index).replace(/,([ \t]*)$/, '$1');
        out = before + out.slice(m.index + m[0].length);
      }
      if (!removed.includes(name)) removed.push(name);
    }
  }
  try { JSON.parse(out); } catch { return { removed: [] }; } // a layout this cannot edit safely stays as it was
  return { output: out === text ? undefined : out, removed };
}

// Finds fixture pairs `<case>.input.<ext>` + `<case>.output.<ext>` in a folder, so every rule's test
// picks up new cases without being edited. `extra('plan.json')` reads a case's side file, if any.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureCase {
  name: string;
  input: string;
  output: string;
  inputPath: string;
  outputPath: string;
  /** `<case>.<ext>` next to the pair (e.g. `plan.json`), or undefined when absent. */
  extra(ext: string): string | undefined;
}

export function fixtureCases(dir: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const m = /^(.+)\.input\.([a-z]+)$/.exec(entry);
    if (!m) continue;
    const [, name, ext] = m;
    const inputPath = join(dir, entry);
    const outputPath = join(dir, `${name}.output.${ext}`);
    if (!existsSync(outputPath)) throw new Error(`${inputPath}: no matching ${name}.output.${ext}`);
    cases.push({
      name: name!,
      input: readFileSync(inputPath, 'utf8'),
      output: readFileSync(outputPath, 'utf8'),
      inputPath,
      outputPath,
      extra(x: string) {
        const p = join(dir, `${name}.${x}`);
        return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
      },
    });
  }
  return cases;
}

/** A multi-file case: `<dir>/<case>/input/**` migrated as a whole must give `<dir>/<case>/output/**`. */
export interface FixtureFolder {
  name: string;
  dir: string;
  input: string;
  output: string;
  /** `<case>/<name>` beside input/ and output/ (e.g. `expect.json`), or undefined when absent. */
  extra(name: string): string | undefined;
}

/** Every sub-folder of `dir` holding input/ and output/, found automatically like the file pairs. */
export function fixtureFolders(dir: string): FixtureFolder[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'input')))
    .map((e) => e.name).sort()
    .map((name) => {
      const base = join(dir, name);
      if (!existsSync(join(base, 'output'))) throw new Error(`${base}: input/ without output/`);
      return {
        name, dir: base, input: join(base, 'input'), output: join(base, 'output'),
        extra: (x: string) => (existsSync(join(base, x)) ? readFileSync(join(base, x), 'utf8') : undefined),
      };
    });
}

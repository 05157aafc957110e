import { join } from 'node:path';
import { routeFile } from './docs-to-zod.js';
import { mergeDocs, readSourceDocs, readSpecFile } from '../codemods/docs/index.js';
import { OAS_EXAMPLES } from '../test/helpers/corpus.js';
const cpu = async (f: () => unknown, n = 7) => { await f(); const a: number[] = []; for (let i = 0; i < n; i++) { const c = process.cpuUsage(); await f(); const d = process.cpuUsage(c); a.push((d.user + d.system) / 1000); } a.sort((x, y) => x - y); return `min ${a[0].toFixed(0)} median ${a[n >> 1].toFixed(0)}`; };
for (const rel of ['3.1/yaml/readme.yaml', '3.0/yaml/star-trek.yaml', '3.1/json/readme.json', '3.0/json/star-trek.json']) console.log(rel, await cpu(() => readSpecFile(join(OAS_EXAMPLES, rel))));
const big = Array.from({ length: 1000 }, (_, f) => ({ file: `src/routes/r${f}.js`, code: routeFile(f, 6) }));
console.log('1000 files x 6 blocks read', await cpu(() => mergeDocs(big.map((s) => readSourceDocs(s.code, s.file))), 3));

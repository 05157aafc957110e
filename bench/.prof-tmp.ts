import { routeFile } from './docs-to-zod.js';
import { mergeDocs, readSourceDocs } from '../codemods/docs/index.js';
const sources = Array.from({ length: 100 }, (_, f) => ({ file: `src/routes/r${f}.js`, code: routeFile(f, 10) }));
for (let i = 0; i < 3; i++) mergeDocs(sources.map((s) => readSourceDocs(s.code, s.file)));
const all: number[] = [];
for (let i = 0; i < 15; i++) { const c = process.cpuUsage(); mergeDocs(sources.map((s) => readSourceDocs(s.code, s.file))); const d = process.cpuUsage(c); all.push((d.user + d.system) / 1000); }
all.sort((a, b) => a - b); console.log('min', all[0].toFixed(0), 'median', all[7].toFixed(0));

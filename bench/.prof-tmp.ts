import { routeFile } from './docs-to-zod.js';
import { mergeDocs, readSourceDocs } from '../codemods/docs/index.js';
const sources = Array.from({ length: 100 }, (_, f) => ({ file: `src/routes/r${f}.js`, code: routeFile(f, 10) }));
for (let i = 0; i < 3; i++) mergeDocs(sources.map((s) => readSourceDocs(s.code, s.file)));
const c = process.cpuUsage(); 
for (let i = 0; i < 10; i++) mergeDocs(sources.map((s) => readSourceDocs(s.code, s.file)));
const d = process.cpuUsage(c); console.log('per round ms CPU', (d.user + d.system) / 1000 / 10);

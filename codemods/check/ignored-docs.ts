// Doc blocks swagger-jsdoc silently drops: OpenAPI YAML in a JSDoc comment that lacks the @openapi /
// @swagger tag, or whose operations are indented wrongly so they end up outside their path.
import { parse } from 'yaml';
import type { DriftFinding } from './findings.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const PATH_KEY = /^\s*\/[^\s:]*:\s*$/m;

export function ignoredDocBlocks(code: string, file: string): DriftFinding[] {
  const out: DriftFinding[] = [];
  for (const m of code.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const startLine = code.slice(0, m.index).split('\n').length;
    const body = m[1].split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n');
    const tagged = /@(openapi|swagger)\b/.test(body);
    if (!tagged) {
      if (PATH_KEY.test(body) && /^\s+(get|post|put|patch|delete):\s*$/m.test(body)) {
        out.push({
          kind: 'doc-ignored', file, line: startLine,
          message: 'this comment holds OpenAPI paths but has no @openapi or @swagger tag, so swagger-jsdoc ignores it',
          hint: 'add a line `@openapi` at the top of the comment',
        });
      }
      continue;
    }
    const yamlText = body.replace(/^[\s\S]*?@(openapi|swagger)\b[^\n]*\n?/, '');
    let doc: unknown;
    try { doc = parse(yamlText); } catch { continue; } // a YAML error is reported by the docs reader as doc-yaml
    if (!doc || typeof doc !== 'object') continue;
    for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
      if (METHODS.has(key)) {
        out.push({
          kind: 'doc-ignored', file, line: startLine,
          message: `"${key}:" sits at the top level of the block, not under a path, so swagger-jsdoc drops the operation`,
          hint: `indent "${key}:" under its path key`,
        });
      } else if (key.startsWith('/') && (value === null || typeof value !== 'object')) {
        out.push({
          kind: 'doc-ignored', file, line: startLine,
          message: `path "${key}" has no operations under it (wrong indentation?), so swagger-jsdoc documents nothing for it`,
          hint: 'indent the operations (get:, post:, ...) under the path',
        });
      }
    }
  }
  return out;
}

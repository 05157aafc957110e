// Doc blocks swagger-jsdoc silently drops: OpenAPI YAML in a JSDoc comment that lacks the @openapi /
// @swagger tag, or whose operations are indented wrongly so they end up outside their path.
import { isMap, isScalar, parseDocument } from 'yaml';
import type { DriftFinding } from './findings.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const PATH_KEY = /^\s*\/[^\s:]*:\s*$/m;

export function ignoredDocBlocks(code: string, file: string): DriftFinding[] {
  const out: DriftFinding[] = [];
  for (const m of code.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const startLine = code.slice(0, m.index).split('\n').length;
    const lines = m[1].split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    const tagAt = lines.findIndex((l) => /@(openapi|swagger)\b/.test(l));
    if (tagAt < 0) {
      const body = lines.join('\n');
      if (PATH_KEY.test(body) && /^\s+(get|post|put|patch|delete):\s*$/m.test(body)) {
        out.push({
          kind: 'doc-ignored', file, line: startLine,
          message: 'this comment holds OpenAPI paths but has no @openapi or @swagger tag, so swagger-jsdoc ignores it',
          hint: 'add a line `@openapi` at the top of the comment',
        });
      }
      continue;
    }
    // Comment line i is source line startLine + i; the YAML starts on the line after the tag.
    out.push(...misplacedOperations(lines.slice(tagAt + 1).join('\n'), file, startLine + tagAt + 1));
  }
  return out;
}

/** Top-level `get:` keys (operations that slid out of their path) and paths left with no operations.
 *  One wrong indentation produces both, so they are reported as one finding at the operation. */
function misplacedOperations(yamlText: string, file: string, firstLine: number): DriftFinding[] {
  const doc = parseDocument(yamlText);
  // A YAML error is reported by the docs reader as doc-yaml.
  if (doc.errors.length || !isMap(doc.contents)) return [];
  const lineOf = (offset: number) => firstLine + yamlText.slice(0, offset).split('\n').length - 1;
  const out: DriftFinding[] = [];
  let emptyPath: { key: string; line: number } | null = null;
  const flushEmptyPath = () => {
    if (emptyPath) out.push({
      kind: 'doc-ignored', file, line: emptyPath.line,
      message: `path "${emptyPath.key}" has no operations under it, so swagger-jsdoc documents nothing for it`,
      hint: 'indent the operations (get:, post:, ...) under the path',
    });
    emptyPath = null;
  };
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = pair.value;
    if (key.startsWith('/') && (value === null || isScalar(value))) {
      flushEmptyPath();
      emptyPath = { key, line: lineOf(pair.key.range?.[0] ?? 0) };
      continue;
    }
    if (!METHODS.has(key)) { flushEmptyPath(); continue; }
    const path = emptyPath?.key;
    out.push({
      kind: 'doc-ignored', file, line: lineOf(pair.key.range?.[0] ?? 0),
      message: `"${key}:" sits at the top level of the block, not under a path${path ? ` (${path} is left with no operations)` : ''}, so swagger-jsdoc drops the operation`,
      hint: `indent "${key}:" under ${path ? `"${path}:"` : 'its path key'}`,
    });
    emptyPath = null;
  }
  flushEmptyPath();
  return out;
}

// swagger-jsdoc doc blocks: every `@openapi` / `@swagger` tag of a JSDoc comment holds YAML whose top-level
// keys are paths (`/users:`), or `components`, `definitions`, `parameters`, `responses`, `tags`,
// `securityDefinitions`... as swagger-jsdoc's `organize()` reads them. Each becomes a model in the 3.1 shape.
import type { Comment } from '@babel/types';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { emptyDocsModel, type DocsModel } from '../model.js';
import { isObject, type SourceDoc } from './context.js';
import { openapiSections, unwrapComment, yamlText } from './comments.js';
import { normalizeRaw } from './normalize.js';
import { joinPointer, parseYaml } from './yaml-source.js';

/** Top-level keys a block may carry besides paths; the rest of an OpenAPI root is accepted as well. */
const BLOCK_KEYS = new Set(['paths', 'components', 'definitions', 'parameters', 'responses', 'tags', 'securityDefinitions',
  'consumes', 'produces', 'openapi', 'swagger', 'info', 'servers', 'host', 'basePath', 'schemes', 'security', 'externalDocs',
  'webhooks', 'x-webhooks']);
/** Keys swagger-jsdoc also accepts at the top of a block, which live under `components` in 3.x. */
const COMPONENT_KEYS = new Set(['schemas', 'securitySchemes', 'requestBodies', 'headers', 'examples', 'links', 'callbacks']);

/** Whether a key may stand at the top of a swagger-jsdoc fragment (a doc block, or a YAML file its `apis` list):
 *  a path, or a root or components key swagger-jsdoc merges into its document. */
export function isFragmentKey(key: string): boolean {
  return key.startsWith('/') || BLOCK_KEYS.has(key) || COMPONENT_KEYS.has(key);
}

export function commentRange(c: Comment) {
  return { start: c.start ?? 0, end: c.end ?? 0, startLine: c.loc?.start.line ?? 1, endLine: c.loc?.end.line ?? 1 };
}

export function hasOpenapiTag(c: Comment): boolean {
  return /@(openapi|swagger)\b/.test(c.value);
}

export function readJsdocComment(c: Comment, file: string, load?: (file: string) => SourceDoc | undefined): DocsModel[] {
  const models: DocsModel[] = [];
  for (const section of openapiSections(unwrapComment(c))) {
    if (!section.lines.length) continue;
    const { text, map } = yamlText(section.lines);
    const yaml = parseYaml(text, file, map);
    if (yaml.diagnostics.length || yaml.value == null) {
      models.push({ ...emptyDocsModel(), diagnostics: yaml.diagnostics });
      continue;
    }
    const model = emptyDocsModel();
    if (!isObject(yaml.value)) {
      model.diagnostics.push({ code: 'unsupported', severity: 'error', message: `@${section.tag} block must be a YAML mapping of paths or components`, at: yaml.locate('') });
      models.push(model);
      continue;
    }
    const root = blockDocument(yaml.value, file, yaml.locate, model.diagnostics);
    const normalized = normalizeRaw(root, { style: 'jsdoc', fragment: true, load });
    for (const op of normalized.operations) op.comment = commentRange(c);
    normalized.diagnostics.unshift(...model.diagnostics);
    models.push(normalized);
  }
  return models;
}

/** A swagger-jsdoc block (path-keyed YAML, or components and friends) as an OpenAPI document, with a
 *  locate that maps the document's pointers back to the block's own keys. */
export function blockDocument(value: Record<string, unknown>, file: string, locate: (pointer: string) => SourceLocation,
  diagnostics: Diagnostic[]): SourceDoc {
  const doc: Record<string, any> = {};
  const moved: Array<[string, string]> = [];
  for (const [key, entry] of Object.entries(value)) {
    if (key.startsWith('/')) {
      (doc.paths ??= {})[key] = entry;
      moved.push([joinPointer('/paths', key), joinPointer('', key)]);
    } else if (key === 'paths' && isObject(entry)) {
      Object.assign((doc.paths ??= {}), entry);
    } else if (COMPONENT_KEYS.has(key) && isObject(entry)) {
      Object.assign(((doc.components ??= {})[key] ??= {}), entry);
      moved.push([joinPointer('/components', key), joinPointer('', key)]);
    } else if (key === 'components' && isObject(entry)) {
      for (const [kind, entries] of Object.entries(entry)) {
        doc.components ??= {};
        doc.components[kind] = isObject(entries) && isObject(doc.components[kind]) ? { ...doc.components[kind], ...entries } : entries;
      }
    } else if (key === 'tags') {
      doc.tags = Array.isArray(entry) ? entry : [entry];
    } else if (BLOCK_KEYS.has(key) || key.startsWith('x-')) {
      doc[key] = entry;
    } else {
      diagnostics.push({
        code: 'unknown-keyword',
        severity: 'warning',
        message: `\`${key}\` is neither a path (paths start with /) nor a components key; ignored`,
        at: locate(joinPointer('', key)),
      });
    }
  }
  return {
    file,
    value: doc,
    locate: (pointer) => {
      const hit = moved.find(([from]) => pointer === from || pointer.startsWith(`${from}/`));
      return locate(hit ? hit[1] + pointer.slice(hit[0].length) : pointer);
    },
  };
}

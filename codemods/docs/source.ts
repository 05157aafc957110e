// The doc blocks of one source file, every style: swagger-jsdoc `@openapi`/`@swagger` comments, flasgger
// `---` comments above routes (or first in their handlers) and swagger-autogen `#swagger.` comments in handlers.
// `$ref`s to components defined in other files stay pending until mergeDocs sees every file.
import { readFileSync } from 'node:fs';
import type { File } from '@babel/types';
import { emptyDocsModel, type DocsModel } from '../model.js';
import { parseSource } from '../parse.js';
import { isDocComment } from './comments.js';
import { readAutogenComments } from './autogen.js';
import { readFlasggerBlocks } from './flasgger.js';
import { hasOpenapiTag, readJsdocComment } from './jsdoc.js';
import { combine } from './merge.js';
import type { SourceDoc } from './context.js';
import { parseYaml } from './yaml-source.js';

/** Files that doc blocks `$ref` (`./schemas/user.yaml`), read once per source file. Sync, like the scan's reads,
 *  because readSourceDocs runs inside the scan's per-file callback. A file that cannot be read is a ref-missing. */
function fileLoader(onRead?: ReadListener): (file: string) => SourceDoc | undefined {
  const cache = new Map<string, SourceDoc | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let doc: SourceDoc | undefined;
      let text: string | null = null;
      try {
        text = readFileSync(file, 'utf8');
        const parsed = parseYaml(text, file);
        doc = parsed.diagnostics.length ? undefined : parsed;
      } catch {
        doc = undefined;
      }
      onRead?.(file, text);
      cache.set(file, doc);
    }
    return cache.get(file);
  };
}

/** Told of every other file a source file's docs read (`text` null: it could not be read), so a cache of the
 *  result can key on those files too (codemods/cache/analysis.ts). */
export type ReadListener = (file: string, text: string | null) => void;

export function readSourceDocs(code: string, file: string, ast?: File, onRead?: ReadListener): DocsModel {
  // most files carry no docs at all: skip the parse when no comment could hold any
  if (!ast && !/@openapi|@swagger|---|#swagger\./.test(code)) return emptyDocsModel();
  let tree = ast;
  if (!tree) {
    const parsed = parseSource(code, file);
    if ('diagnostic' in parsed) return { ...emptyDocsModel(), diagnostics: [parsed.diagnostic] };
    tree = parsed.ast;
  }
  const models: DocsModel[] = [];
  const load = fileLoader(onRead);
  for (const c of tree.comments ?? []) {
    if (isDocComment(c) && hasOpenapiTag(c)) models.push(...readJsdocComment(c, file, load));
  }
  if (code.includes('---')) models.push(...readFlasggerBlocks(tree, code, file, load));
  if (code.includes('#swagger.')) models.push(...readAutogenComments(tree, code, file, load));
  if (!models.length) return emptyDocsModel();
  const model = combine(models);
  model.operations.sort((a, b) => a.at.line - b.at.line || (a.at.col ?? 0) - (b.at.col ?? 0));
  model.diagnostics.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.col ?? 0) - (b.at?.col ?? 0));
  return model;
}

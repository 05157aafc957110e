// The doc blocks of one source file, both styles: swagger-jsdoc `@openapi`/`@swagger` comments and
// flasgger `---` comments above routes. `$ref`s to components defined in other files stay pending
// until mergeDocs sees every file.
import type { File } from '@babel/types';
import { emptyDocsModel, type DocsModel } from '../model.js';
import { parseSource } from '../parse.js';
import { isDocComment } from './comments.js';
import { readFlasggerBlocks } from './flasgger.js';
import { hasOpenapiTag, readJsdocComment } from './jsdoc.js';
import { combine } from './merge.js';

export function readSourceDocs(code: string, file: string, ast?: File): DocsModel {
  // most files carry no docs at all: skip the parse when no comment could hold any
  if (!ast && !/@openapi|@swagger|---/.test(code)) return emptyDocsModel();
  let tree = ast;
  if (!tree) {
    const parsed = parseSource(code, file);
    if ('diagnostic' in parsed) return { ...emptyDocsModel(), diagnostics: [parsed.diagnostic] };
    tree = parsed.ast;
  }
  const models: DocsModel[] = [];
  for (const c of tree.comments ?? []) {
    if (isDocComment(c) && hasOpenapiTag(c)) models.push(...readJsdocComment(c, file));
  }
  if (code.includes('---')) models.push(...readFlasggerBlocks(tree, code, file));
  if (!models.length) return emptyDocsModel();
  const model = combine(models);
  model.operations.sort((a, b) => a.at.line - b.at.line || (a.at.col ?? 0) - (b.at.col ?? 0));
  model.diagnostics.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.col ?? 0) - (b.at?.col ?? 0));
  return model;
}

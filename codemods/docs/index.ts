// The docs readers: every flavour of hand-written API docs -> one normalized OpenAPI 3.1 DocsModel.
export { readSourceDocs } from './source.js';
export { readSpecFile } from './spec-file.js';
export { mergeDocs } from './merge.js';
export { normalizeDocument } from './normalize.js';

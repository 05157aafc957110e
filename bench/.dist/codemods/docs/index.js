import { readSourceDocs } from "./source.js";
import { readSpecFile } from "./spec-file.js";
import { mergeDocs } from "./merge.js";
import { normalizeDocument } from "./normalize.js";
import { toOpenapiPath } from "./route-path.js";
export {
  mergeDocs,
  normalizeDocument,
  readSourceDocs,
  readSpecFile,
  toOpenapiPath
};

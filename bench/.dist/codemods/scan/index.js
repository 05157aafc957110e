import { listSourceFiles, isSourceFile, SKIPPED_DIRS } from "./files.js";
import { scanFile, ROUTE_METHODS } from "./file-scan.js";
import { scanProject, linkProject } from "./project.js";
import { joinPaths, toOpenApiPath } from "./paths.js";
export {
  ROUTE_METHODS,
  SKIPPED_DIRS,
  isSourceFile,
  joinPaths,
  linkProject,
  listSourceFiles,
  scanFile,
  scanProject,
  toOpenApiPath
};

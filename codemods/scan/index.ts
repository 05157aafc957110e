// The scan pass: every source file, every router, mount and route, with full paths. See ./project.ts.
export { isFile, isTestFile, listSourceFiles, isSourceFile, SKIPPED_DIRS } from './files.js';
export { scanFile, ROUTE_METHODS, type FileScan, type LocalRoute, type LocalMount, type ClassInfo, type FileRouter } from './file-scan.js';
export { scanProject, linkProject, type ScanOptions, type ScanTimings } from './project.js';
export { joinPaths } from './paths.js';
export { toOpenApiPath, type OpenApiPath, type PathReading } from '../express-path.js';

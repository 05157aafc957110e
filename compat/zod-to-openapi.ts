// The one place compat takes @asteasolutions/zod-to-openapi from. The published runtime carries the library
// inside dist/compat (scripts/build.mjs bundles this module with esbuild), so it is a devDependency: its peer
// range (zod ^4) is not the runtime's (zod ^3.25.68 || ^4: compat imports `zod/v4`, which zod 3.25 ships too), and
// an app on zod 3.25 whose own packages ask for zod 3 (zod-to-openapi 7) could not install us otherwise (npm
// ERESOLVE). Bundling is safe because the library never loads zod at run time: it duck-types the schemas it is
// given (dist/index.cjs has no require at all), so the app's zod stays the only zod. Its types are used inside
// compat only; the public declarations do not name them (OpenAPIDocument is compat/openapi-document.ts).
export { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
export type { ResponseConfig, RouteConfig, ZodMediaTypeObject } from '@asteasolutions/zod-to-openapi';

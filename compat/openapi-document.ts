// The generated OpenAPI 3.1 document's type, written here rather than taken from zod-to-openapi (openapi3-ts's
// OpenAPIObject): the library is bundled into dist, not installed beside the app (compat/zod-to-openapi.ts), so
// a public declaration naming its types would not resolve in the app. Loose on purpose: the document is JSON that
// apps serve, compare or read a few fields of.
export interface OpenAPIDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: any };
  paths?: Record<string, any>;
  components?: Record<string, any>;
  [key: string]: any;
}

function emptyDocsModel() {
  return { operations: [], schemas: {}, schemaSources: {}, securitySchemes: {}, tags: [], diagnostics: [] };
}
export {
  emptyDocsModel
};

const DRIFT_KINDS = {
  "undocumented-route": "a route in code has no docs",
  "missing-route": "a documented operation has no route in code",
  "path-params": "path parameters documented differ from the path declared in code",
  "undocumented-input": "the handler reads a field the docs do not declare",
  "unread-required-input": "the docs declare a required field the handler never reads",
  "undocumented-status": "the handler sends a status the docs do not list",
  "response-keys": "an object sent as a response has keys that differ from the documented schema",
  "doc-yaml": "a doc block that does not parse",
  "doc-ignored": "a doc block that swagger-jsdoc would silently ignore",
  "duplicate-doc": "the same operation is documented twice",
  "runtime": "a contract violation seen at run time (report mode)"
};
function sortFindings(findings) {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message));
}
export {
  DRIFT_KINDS,
  sortFindings
};

function formatLocation(at) {
  if (!at) return "";
  return `${at.file}:${at.line}${at.col ? `:${at.col}` : ""}`;
}
function formatDiagnostic(d) {
  const where = formatLocation(d.at);
  const tag = d.rule ? `${d.rule} ` : "";
  const route = d.route ? ` [${d.route}]` : "";
  return `${where ? `${where}: ` : ""}${d.severity} ${tag}${d.code}${route}: ${d.message}`;
}
export {
  formatDiagnostic,
  formatLocation
};

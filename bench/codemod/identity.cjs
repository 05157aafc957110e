// The floor: jscodeshift parses and reprints every file unchanged (recast reuses the original text).
module.exports = (file, api) => api.jscodeshift(file.source).toSource();

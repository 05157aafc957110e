import { parse } from "@babel/parser";
const SOURCE_EXTENSIONS = [".js", ".cjs", ".mjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"];
function parserPlugins(file) {
  const ts = /\.[cm]?tsx?$/.test(file);
  const jsx = /\.(jsx|tsx)$/.test(file) || /\.[cm]?js$/.test(file);
  const plugins = [
    ["decorators", { decoratorsBeforeExport: true }],
    "classProperties",
    "classPrivateProperties",
    "classPrivateMethods",
    "dynamicImport",
    "importAttributes",
    "topLevelAwait"
  ];
  if (ts) plugins.push("typescript");
  if (jsx) plugins.push("jsx");
  return plugins;
}
function parseSource(code, file) {
  try {
    const ast = parse(code, {
      sourceType: "unambiguous",
      sourceFilename: file,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      errorRecovery: false,
      plugins: parserPlugins(file),
      tokens: false
    });
    return { ast };
  } catch (err) {
    const e = err;
    return {
      diagnostic: {
        code: "parse-error",
        severity: "error",
        message: e.message.replace(/\s*\(\d+:\d+\)$/, ""),
        at: { file, line: e.loc?.line ?? 1, col: (e.loc?.column ?? 0) + 1 }
      }
    };
  }
}
export {
  SOURCE_EXTENSIONS,
  parseSource,
  parserPlugins
};

import { extname } from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "./diagnostics.js";
import { readSpecFile } from "./docs/index.js";
import { componentName } from "./zod/graph.js";
import { emitSchemasModule } from "./zod/module.js";
import { writeFileAtomic } from "./write.js";
const SCHEMAS_USAGE = "Usage: migrate-api schemas <spec> [--out file] [--format ts|js|cjs]\n";
const FORMATS = ["ts", "js", "cjs"];
async function convertSpecToZodModule(specPath, opts) {
  const model = await readSpecFile(specPath);
  const { code, diagnostics } = emitSchemasModule(model.schemas, { format: opts.format, sourceFile: specPath });
  const located = diagnostics.map((d) => {
    const name = d.pointer?.match(/^#\/components\/schemas\/([^/]+)/)?.[1];
    const component = name !== void 0 ? componentName(`#/components/schemas/${name}`) : void 0;
    const at = component !== void 0 ? model.schemaSources[component] : void 0;
    return d.at || !at ? d : { ...d, at };
  });
  return { code, diagnostics: [...model.diagnostics, ...located] };
}
const stdio = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
async function runSchemasCommand(argv, io = stdio) {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: "string", short: "o" }, format: { type: "string", short: "f" }, help: { type: "boolean", short: "h" } }
    }));
  } catch (err) {
    io.err(`error: ${err.message}
${SCHEMAS_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(SCHEMAS_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(`error: expected one spec file, got ${positionals.length}
${SCHEMAS_USAGE}`);
    return 2;
  }
  const format = values.format ?? formatFromPath(values.out);
  if (!FORMATS.includes(format)) {
    io.err(`error: --format must be ts, js or cjs, not "${values.format}"
${SCHEMAS_USAGE}`);
    return 2;
  }
  const { code, diagnostics } = await convertSpecToZodModule(positionals[0], { format });
  for (const d of diagnostics) io.err(`${formatDiagnostic(d)}${d.pointer && !d.at ? ` (${d.pointer})` : ""}
`);
  const unreadable = diagnostics.some((d) => d.severity === "error" && (d.code === "yaml-parse" || /cannot read/.test(d.message)));
  if (unreadable) return 2;
  if (values.out) writeFileAtomic(values.out, code);
  else io.out(code);
  return diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}
function formatFromPath(out) {
  const ext = out ? extname(out) : "";
  return ext === ".cjs" ? "cjs" : ext === ".js" || ext === ".mjs" ? "js" : "ts";
}
export {
  SCHEMAS_USAGE,
  convertSpecToZodModule,
  runSchemasCommand
};

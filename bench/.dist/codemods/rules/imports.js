import { extname } from "node:path";
import { isIdent, isNode, isReference } from "./ast.js";
import { isRequireOf } from "./ma001-wrap-router.js";
function moduleStyle(file, program) {
  const ext = extname(file);
  if (ext === ".mjs" || ext === ".mts") return "esm";
  if (ext === ".cjs" || ext === ".cts") return "cjs";
  const body = program.body;
  if (body.some((s) => /^(Import|Export(Named|Default|All))Declaration$/.test(s.type))) return "esm";
  if (/\.tsx?$/.test(ext)) return body.some((s) => isRequireStatement(s)) ? "cjs" : "esm";
  return "cjs";
}
function isRequireStatement(s) {
  if (s.type !== "VariableDeclaration") return false;
  return s.declarations.some((d) => {
    let init = d.init;
    while (init && (init.type === "MemberExpression" || init.type === "CallExpression" && !isIdent(init.callee, "require"))) init = init.type === "MemberExpression" ? init.object : init.callee;
    return !!init && init.type === "CallExpression" && isIdent(init.callee, "require");
  });
}
const SKIP = /* @__PURE__ */ new Set(["loc", "start", "end", "range", "extra", "tokens", "original", "comments", "leadingComments", "trailingComments", "innerComments"]);
function referenceCounts(program) {
  const counts = /* @__PURE__ */ new Map();
  const visit = (n, parent) => {
    if (n.type === "ImportDeclaration") return;
    if (parent?.type === "Program" && n.type === "VariableDeclaration" && isBindingRequire(n)) return;
    if (n.type === "Identifier" && isReference(n, parent)) counts.set(n.name, (counts.get(n.name) ?? 0) + 1);
    for (const key of Object.keys(n)) {
      if (SKIP.has(key)) continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (const c of v) if (isNode(c)) visit(c, n);
      } else if (isNode(v)) visit(v, n);
    }
  };
  visit(program, void 0);
  return counts;
}
function isBindingRequire(s) {
  return s.declarations.length === 1 && s.declarations[0].id.type === "ObjectPattern" && s.declarations[0].init?.type === "CallExpression" && isIdent(s.declarations[0].init.callee, "require");
}
function topLevelBindings(program) {
  const imports = [];
  const declared = /* @__PURE__ */ new Set();
  for (let s of program.body) {
    if ((s.type === "ExportNamedDeclaration" || s.type === "ExportDefaultDeclaration") && s.declaration) s = s.declaration;
    if (/^TS(TypeAlias|Interface|Enum|Module)Declaration$/.test(s.type) && s.id?.type === "Identifier") declared.add(s.id.name);
    if (s.type === "ImportDeclaration") {
      for (const sp of s.specifiers) {
        imports.push({ name: sp.local.name, module: s.source.value, stmt: s, remove: () => {
          s.specifiers = s.specifiers.filter((x) => x !== sp);
        } });
      }
    } else if (s.type === "VariableDeclaration") {
      if (isBindingRequire(s)) {
        const pattern = s.declarations[0].id;
        for (const p of pattern.properties) {
          if (p.type === "RestElement" || p.value?.type !== "Identifier") {
            if (p.argument) declared.add(p.argument.name);
            continue;
          }
          imports.push({ name: p.value.name, module: s.declarations[0].init.arguments[0]?.value, stmt: s, remove: () => {
            pattern.properties = pattern.properties.filter((x) => x !== p);
          } });
        }
      } else {
        for (const d of s.declarations) {
          if (d.id.type !== "Identifier") continue;
          if (isRequireOf(d.init, d.init?.arguments?.[0]?.value)) imports.push({ name: d.id.name, module: d.init.arguments[0].value, stmt: s, remove: () => {
          } });
          else declared.add(d.id.name);
        }
      }
    } else if ((s.type === "FunctionDeclaration" || s.type === "ClassDeclaration") && s.id) declared.add(s.id.name);
  }
  return { imports, declared };
}
const asProperty = (entry) => entry.replace(/^(\S+) as (\S+)$/, "$1: $2");
function ensureImports(program, style, quote, needs, parseStatements) {
  const conflicts = [];
  const body = program.body;
  const q = (v) => quote === "single" ? `'${v}'` : `"${v}"`;
  const added = [];
  const replace = (old, source) => {
    const next = parseStatements(source)[0];
    next.comments = old.comments;
    body[body.indexOf(old)] = next;
  };
  for (const need of needs) {
    const { imports, declared } = topLevelBindings(program);
    const missing = [];
    for (const entry of need.names) {
      const name = entry.replace(/^type /, "").replace(/^.* as /, "");
      const bound = imports.find((x) => x.name === name);
      if (bound?.module === need.module) continue;
      if (bound || declared.has(name)) {
        conflicts.push(`\`${name}\` is already declared; not imported from ${need.module}`);
        continue;
      }
      missing.push(entry);
    }
    if (missing.length === 0) continue;
    if (style === "cjs") {
      const types = missing.filter((n) => n.startsWith("type ")).map((n) => n.slice(5));
      if (types.length) added.push(`import type { ${types.join(", ")} } from ${q(need.module)};`);
      missing.splice(0, missing.length, ...missing.filter((n) => !n.startsWith("type ")));
      if (missing.length === 0) continue;
    }
    if (style === "esm") {
      const existing = body.find((s) => s.type === "ImportDeclaration" && s.source.value === need.module && s.importKind !== "type" && !s.specifiers.some((x) => x.type === "ImportNamespaceSpecifier"));
      if (existing) {
        const def = existing.specifiers.find((x) => x.type === "ImportDefaultSpecifier");
        const named = existing.specifiers.filter((x) => x.type === "ImportSpecifier").map((x) => {
          const imported = x.imported.name ?? x.imported.value;
          return `${x.importKind === "type" ? "type " : ""}${imported === x.local.name ? imported : `${imported} as ${x.local.name}`}`;
        });
        replace(existing, `import ${def ? `${def.local.name}, ` : ""}{ ${[...named, ...missing].join(", ")} } from ${q(need.module)};`);
      } else {
        added.push(`import { ${missing.join(", ")} } from ${q(need.module)};`);
      }
    } else {
      const existing = body.find((s) => s.type === "VariableDeclaration" && isBindingRequire(s) && isRequireOf(s.declarations[0].init, need.module));
      if (existing) {
        const props = existing.declarations[0].id.properties.map((p) => p.type === "RestElement" ? `...${p.argument.name}` : p.shorthand || p.key.name === p.value.name ? p.value.name : `${p.key.name ?? q(p.key.value)}: ${p.value.name}`);
        const rest = props.filter((p) => p.startsWith("..."));
        const all = [...props.filter((p) => !p.startsWith("...")), ...missing, ...rest];
        replace(existing, `${existing.kind} { ${all.map(asProperty).join(", ")} } = require(${q(need.module)});`);
      } else {
        added.push(`const { ${missing.map(asProperty).join(", ")} } = require(${q(need.module)});`);
      }
    }
  }
  if (added.length) {
    let insertAt = -1;
    body.forEach((s, i) => {
      if (s.type === "ImportDeclaration" || isRequireStatement(s)) insertAt = i;
    });
    const statements = parseStatements(`${added.join("\n")}

`);
    const first = body[insertAt + 1];
    if (insertAt === -1 && first?.comments?.length && statements[0]) {
      statements[0].comments = first.comments.filter((c) => c.leading);
      first.comments = first.comments.filter((c) => !c.leading);
    }
    body.splice(insertAt + 1, 0, ...statements);
  }
  return conflicts;
}
function removeUnused(program, before) {
  const after = referenceCounts(program);
  const { imports } = topLevelBindings(program);
  const emptied = /* @__PURE__ */ new Set();
  for (const imp of imports) {
    if ((before.get(imp.name) ?? 0) > 0 && !after.get(imp.name)) {
      imp.remove();
      emptied.add(imp.stmt);
    }
  }
  for (const s of emptied) {
    const empty = s.type === "ImportDeclaration" ? s.specifiers.length === 0 : s.declarations[0].id.properties.length === 0;
    if (empty) {
      const body = program.body;
      const i = body.indexOf(s);
      if (i >= 0) body.splice(i, 1);
    }
  }
}
export {
  ensureImports,
  moduleStyle,
  referenceCounts,
  removeUnused,
  topLevelBindings
};

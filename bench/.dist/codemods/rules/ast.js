import jscodeshift from "jscodeshift";
const b = jscodeshift.types.builders;
const META = /* @__PURE__ */ new Set([
  "loc",
  "start",
  "end",
  "range",
  "extra",
  "tokens",
  "errors",
  "original",
  "comments",
  "leadingComments",
  "trailingComments",
  "innerComments",
  "typeAnnotation",
  "returnType",
  "typeParameters",
  "typeArguments"
]);
function isNode(v) {
  return typeof v === "object" && v !== null && typeof v.type === "string";
}
function forEachChild(node, fn) {
  for (const key of Object.keys(node)) {
    if (META.has(key)) continue;
    const v = node[key];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (isNode(v[i])) fn(v[i], key, i);
    } else if (isNode(v)) fn(v, key, null);
  }
}
function walk(root, visit, parent = null) {
  if (visit(root, parent) === false) return;
  forEachChild(root, (child) => walk(child, visit, root));
}
function buildParents(root) {
  const parents = /* @__PURE__ */ new Map();
  walk(root, (node, parent) => {
    if (parent) parents.set(node, parent);
  });
  return parents;
}
function replaceNode(parents, old, next) {
  const parent = parents.get(old);
  if (!parent) return false;
  for (const key of Object.keys(parent)) {
    const v = parent[key];
    if (v === old) {
      parent[key] = next;
      parents.set(next, parent);
      return true;
    }
    if (Array.isArray(v)) {
      const i = v.indexOf(old);
      if (i >= 0) {
        v[i] = next;
        parents.set(next, parent);
        return true;
      }
    }
  }
  return false;
}
function isFunction(n) {
  return !!n && /^(FunctionExpression|ArrowFunctionExpression|FunctionDeclaration|ObjectMethod|ClassMethod|ClassPrivateMethod)$/.test(n.type);
}
function isStringLike(n) {
  return !!n && (n.type === "StringLiteral" || n.type === "Literal" && typeof n.value === "string" || n.type === "TemplateLiteral");
}
function memberName(n) {
  if (!n || n.type !== "MemberExpression") return null;
  if (!n.computed && n.property.type === "Identifier") return n.property.name;
  if (n.computed && n.property.type === "StringLiteral") return n.property.value;
  return null;
}
function isIdent(n, name) {
  return !!n && n.type === "Identifier" && (name === void 0 || n.name === name);
}
function isReference(node, parent) {
  if (!parent) return true;
  if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.property === node && !parent.computed) return false;
  if ((parent.type === "ObjectProperty" || parent.type === "Property" || parent.type === "ClassProperty" || parent.type === "ObjectMethod" || parent.type === "ClassMethod") && parent.key === node && !parent.computed && !parent.shorthand) return false;
  if (parent.type === "ImportSpecifier" && parent.imported === node && parent.local !== node || parent.type === "ExportSpecifier") return false;
  if (parent.type === "LabeledStatement" || parent.type === "BreakStatement" || parent.type === "ContinueStatement") return false;
  return true;
}
function patternNames(p, out = []) {
  if (!p) return out;
  switch (p.type) {
    case "Identifier":
      out.push(p.name);
      break;
    case "ObjectPattern":
      for (const prop of p.properties) patternNames(prop.type === "RestElement" ? prop.argument : prop.value, out);
      break;
    case "ArrayPattern":
      for (const el of p.elements) patternNames(el, out);
      break;
    case "RestElement":
      patternNames(p.argument, out);
      break;
    case "AssignmentPattern":
      patternNames(p.left, out);
      break;
    case "TSParameterProperty":
      patternNames(p.parameter, out);
      break;
  }
  return out;
}
function stripPositions(node) {
  walk(node, (n) => {
    delete n.loc;
    delete n.start;
    delete n.end;
    delete n.range;
  });
  return node;
}
function isRecastTree(program) {
  return !!program.loc?.lines;
}
export {
  b,
  buildParents,
  forEachChild,
  isFunction,
  isIdent,
  isNode,
  isRecastTree,
  isReference,
  isStringLike,
  memberName,
  patternNames,
  replaceNode,
  stripPositions,
  walk
};

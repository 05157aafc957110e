import { memberName, walk } from "./ast.js";
const VERBS = /* @__PURE__ */ new Set(["get", "post", "put", "patch", "delete", "head", "options", "all"]);
function locateRouteCall(program, plan) {
  let found = null;
  walk(program, (node) => {
    if (found) return false;
    const loc = node.loc;
    if (loc && (loc.start.line > plan.at.line || loc.end.line < plan.at.line)) return false;
    const verbLoc = node.type === "CallExpression" ? node.callee?.property?.loc : void 0;
    const startsAt = (l) => !!l && l.start.line === plan.at.line && (plan.at.col === void 0 || l.start.column + 1 === plan.at.col);
    if (node.type === "CallExpression" && (startsAt(loc) || startsAt(verbLoc)) && memberName(node.callee) === plan.method) {
      found = node;
      return false;
    }
    return true;
  });
  return found;
}
function enclosingStatement(parents, node) {
  let cur = node;
  while (cur) {
    const parent = parents.get(cur);
    if (!parent) return null;
    if ((parent.type === "BlockStatement" || parent.type === "Program" || parent.type === "StaticBlock") && Array.isArray(parent.body) && parent.body.includes(cur)) return cur;
    if (parent.type === "SwitchCase" && parent.consequent.includes(cur)) return cur;
    cur = parent;
  }
  return null;
}
function leadingComments(node) {
  const recast = node.comments?.filter((c) => c.leading);
  return recast ?? node.leadingComments ?? [];
}
const TODO_PREFIX = "TODO(migrate-api ";
function addTodo(stmt, rule, why) {
  if (leadingComments(stmt).some((c) => String(c.value).includes(TODO_PREFIX))) return false;
  const comment = { type: "CommentLine", value: ` ${TODO_PREFIX}${rule}): ${why}`, leading: true, trailing: false };
  if (stmt.loc?.lines || stmt.comments) {
    stmt.comments ??= [];
    const lead = stmt.comments.filter((c) => c.leading);
    stmt.comments.splice(lead.length ? stmt.comments.indexOf(lead[lead.length - 1]) + 1 : 0, 0, comment);
  } else {
    stmt.leadingComments = [...stmt.leadingComments ?? [], comment];
  }
  return true;
}
export {
  TODO_PREFIX,
  VERBS,
  addTodo,
  enclosingStatement,
  leadingComments,
  locateRouteCall
};

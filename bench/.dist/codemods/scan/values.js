function hasLoopVar(v) {
  switch (v.k) {
    case "loopvar":
      return true;
    case "tpl":
      return v.exprs.some(hasLoopVar);
    case "member":
      return hasLoopVar(v.obj);
    case "call":
      return hasLoopVar(v.callee);
    default:
      return false;
  }
}
function substLoopVar(v, elem) {
  switch (v.k) {
    case "loopvar":
      return elem;
    case "tpl":
      return { k: "tpl", quasis: v.quasis, exprs: v.exprs.map((e) => substLoopVar(e, elem)) };
    case "member":
      return { k: "member", obj: substLoopVar(v.obj, elem), prop: v.prop };
    case "call":
      return { k: "call", callee: substLoopVar(v.callee, elem), args: v.args };
    default:
      return v;
  }
}
function findLoopColl(v) {
  switch (v.k) {
    case "loopvar":
      return v.coll;
    case "tpl":
      for (const e of v.exprs) {
        const c = findLoopColl(e);
        if (c) return c;
      }
      return void 0;
    case "member":
      return findLoopColl(v.obj);
    case "call":
      return findLoopColl(v.callee);
    default:
      return void 0;
  }
}
export {
  findLoopColl,
  hasLoopVar,
  substLoopVar
};

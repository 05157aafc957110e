function stripPrototypeKeys(root) {
  if (!isWalkable(root)) return;
  let stack;
  let node = root;
  while (node) {
    if (Array.isArray(node)) {
      for (const v of node) if (isWalkable(v)) (stack ??= []).push(v);
    } else {
      const o = node;
      if (Object.hasOwn(o, "__proto__")) delete o["__proto__"];
      if (Object.hasOwn(o, "constructor")) delete o["constructor"];
      for (const k in o) {
        const v = o[k];
        if (isWalkable(v)) (stack ??= []).push(v);
      }
    }
    node = stack?.pop();
  }
}
function isWalkable(v) {
  if (typeof v !== "object" || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
export {
  stripPrototypeKeys
};

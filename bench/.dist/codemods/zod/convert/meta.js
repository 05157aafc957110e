import { chain, json, obj, trailingCall } from "../ast.js";
const META_KEYS = ["title", "description", "example", "examples", "deprecated"];
function metaProps(s) {
  return META_KEYS.filter((k) => s[k] !== void 0).map((key) => ({ key, value: json(s[key]) }));
}
function withMeta(e, props) {
  if (props.length === 0) return e;
  const t = trailingCall(e);
  if (t?.method === "meta" && t.args[0]?.kind === "object") {
    const existing = t.args[0].props.filter((p) => !props.some((n) => n.key === p.key));
    return chain(t.target, "meta", obj([...props, ...existing]));
  }
  return chain(e, "meta", obj(props));
}
export {
  metaProps,
  withMeta
};

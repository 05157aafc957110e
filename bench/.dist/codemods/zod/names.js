const RESERVED = new Set(`break case catch class const continue debugger default delete do else enum export extends false
finally for function if import in instanceof new null return super switch this throw true try typeof var void while with
yield let static implements interface package private protected public await async of get set type
z undefined NaN Infinity eval arguments Object Array JSON Set Map String Number Boolean Date Error Promise Symbol
require module exports globalThis`.split(/\s+/));
function safeIdentifier(name) {
  let s = name.replace(/[^A-Za-z0-9_$]+(.)?/g, (_m, c) => c ? c.toUpperCase() : "");
  if (s === "") s = "Schema";
  if (/^\d/.test(s)) s = `_${s}`;
  if (RESERVED.has(s)) s = `${s}_`;
  return s;
}
class NameAllocator {
  used = /* @__PURE__ */ new Set();
  take(base) {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}${i}`;
    this.used.add(name);
    return name;
  }
}
export {
  NameAllocator,
  safeIdentifier
};

function schemaOf(entry) {
  if (!entry || typeof entry !== "object") return void 0;
  if ("_zod" in entry) return entry;
  return entry.schema;
}
function compileResponses(responses, where) {
  if (!responses) return void 0;
  const exact = /* @__PURE__ */ new Map();
  const ranges = /* @__PURE__ */ new Map();
  let fallback;
  for (const [key, entry] of Object.entries(responses)) {
    const schema = schemaOf(entry);
    if (entry && typeof entry === "object" && !("_zod" in entry) && entry.schema !== void 0 && !schema) {
      throw new TypeError(`${where}: responses[${key}].schema must be a zod schema`);
    }
    if (!schema) continue;
    if (/^[1-5]\d\d$/.test(key)) exact.set(Number(key), schema);
    else if (/^[1-5]XX$/i.test(key)) ranges.set(Number(key[0]), schema);
    else if (key === "default") fallback = schema;
    else throw new TypeError(`${where}: responses key "${key}" is not a status code, a range like 2XX, or default`);
  }
  if (exact.size === 0 && ranges.size === 0 && !fallback) return void 0;
  return (status) => exact.get(status) ?? ranges.get(Math.floor(status / 100)) ?? fallback;
}
export {
  compileResponses
};

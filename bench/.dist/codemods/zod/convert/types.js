const IMPLIED = [
  ["object", ["properties", "additionalProperties", "required", "patternProperties", "minProperties", "maxProperties", "propertyNames"]],
  ["array", ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"]],
  ["string", ["minLength", "maxLength", "pattern"]],
  ["number", ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]]
];
function typesOf(s) {
  let types;
  if (Array.isArray(s.type)) types = s.type.filter((t) => typeof t === "string");
  else if (typeof s.type === "string") types = [s.type];
  else {
    const implied = IMPLIED.find(([, keys]) => keys.some((k) => k in s));
    if (implied) types = [implied[0]];
  }
  if (s.nullable === true && types && !types.includes("null")) types = [...types, "null"];
  if (types?.includes("integer") && types.includes("number")) types = types.filter((t) => t !== "integer");
  return types && [...new Set(types)];
}
function valueHasType(v, types) {
  if (!types) return true;
  return types.some((t) => {
    switch (t) {
      case "null":
        return v === null;
      case "string":
        return typeof v === "string";
      case "boolean":
        return typeof v === "boolean";
      case "number":
        return typeof v === "number";
      case "integer":
        return typeof v === "number" && Number.isInteger(v);
      case "array":
        return Array.isArray(v);
      case "object":
        return typeof v === "object" && v !== null && !Array.isArray(v);
      default:
        return false;
    }
  });
}
export {
  typesOf,
  valueHasType
};

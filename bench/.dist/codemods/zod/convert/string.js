import { chain, lit, obj, zc } from "../ast.js";
import { report } from "../context.js";
const FORMATS = {
  "date-time": () => zc(["iso", "datetime"], obj([{ key: "offset", value: lit(true) }])),
  date: () => zc(["iso", "date"]),
  // RFC 3339 full-time requires an offset (`14:51:04Z`, `14:51:04+02:00`), which z.iso.time() rejects.
  time: () => chain(zc("string"), "regex", { kind: "regex", source: "^([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([zZ]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$", flags: "" }),
  duration: () => zc(["iso", "duration"]),
  email: () => zc("email"),
  "idn-email": () => zc("email"),
  uuid: () => zc("uuid"),
  uri: () => zc("url"),
  url: () => zc("url"),
  ipv4: () => zc("ipv4"),
  ipv6: () => zc("ipv6"),
  hostname: () => zc("hostname"),
  byte: () => zc("base64")
};
const ANNOTATION_FORMATS = /* @__PURE__ */ new Set(["binary", "password", "int32", "int64", "float", "double", "uri-reference", "iri", "iri-reference", "uri-template", "json-pointer", "relative-json-pointer", "regex", "idn-hostname"]);
function stringExpr(s, ctx) {
  const format = typeof s.format === "string" ? s.format : void 0;
  let e = zc("string");
  if (format && FORMATS[format]) e = FORMATS[format]();
  else if (format && !ANNOTATION_FORMATS.has(format)) {
    report(ctx, "unknown-keyword", `format "${format}" is not checked (no zod equivalent); any string accepted`, "info");
  }
  const min = typeof s.minLength === "number" ? s.minLength : void 0;
  const max = typeof s.maxLength === "number" ? s.maxLength : void 0;
  if (min !== void 0 && min === max) e = chain(e, "length", lit(min));
  else {
    if (min !== void 0 && min > 0) e = chain(e, "min", lit(min));
    if (max !== void 0) e = chain(e, "max", lit(max));
  }
  if (typeof s.pattern === "string") e = withPattern(e, s.pattern, ctx);
  return e;
}
function withPattern(e, pattern, ctx) {
  for (const flags of ["", "u"]) {
    try {
      return chain(e, "regex", { kind: "regex", source: new RegExp(pattern, flags).source, flags });
    } catch {
    }
  }
  report(ctx, "lossy-schema", `pattern ${JSON.stringify(pattern)} is not a valid JavaScript regular expression; not checked`);
  return e;
}
export {
  stringExpr
};

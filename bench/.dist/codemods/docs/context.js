import { dirname, join, resolve } from "node:path";
import { splitPointer } from "./yaml-source.js";
const refSites = /* @__PURE__ */ new WeakMap();
function refSite(ctx, file, pointer) {
  let at = null;
  return {
    pointer,
    get at() {
      if (at === null) at = locate(ctx, file, pointer);
      return at;
    }
  };
}
function locate(ctx, file, pointer) {
  if (file === ctx.root.file) return ctx.root.locate?.(pointer) ?? { file, line: 1 };
  const doc = ctx.load?.(file);
  return doc?.locate?.(pointer) ?? { file, line: 1 };
}
function report(ctx, d) {
  const { file, ...rest } = d;
  ctx.model.diagnostics.push({ ...rest, at: locate(ctx, file, d.pointer) });
}
function splitRef(ref) {
  const hash = ref.indexOf("#");
  return hash < 0 ? { filePart: ref, fragment: "" } : { filePart: ref.slice(0, hash), fragment: ref.slice(hash + 1) };
}
function resolveRef(ctx, ref, file) {
  const { filePart, fragment } = splitRef(ref);
  let targetFile = file;
  if (filePart) {
    try {
      targetFile = join(dirname(file), decodeURI(filePart));
    } catch {
      return void 0;
    }
    if (resolve(targetFile) === resolve(ctx.root.file)) targetFile = ctx.root.file;
  }
  const doc = targetFile === ctx.root.file ? ctx.root : ctx.load?.(targetFile);
  if (!doc) return void 0;
  let value = doc.value;
  let segments;
  try {
    segments = splitPointer(decodeURIComponent(fragment));
  } catch {
    return void 0;
  }
  for (const seg of segments) {
    if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, seg)) return void 0;
    value = value[seg];
  }
  return { value, file: targetFile, pointer: fragment.startsWith("/") || fragment === "" ? fragment : `/${fragment}` };
}
function missingRef(ref) {
  return /^[a-z][\w+.-]*:\/\//i.test(ref) ? `$ref '${ref}' is remote and not fetched (a migration does not use the network)` : `$ref '${ref}' points to nothing`;
}
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
export {
  isObject,
  locate,
  missingRef,
  refSite,
  refSites,
  report,
  resolveRef,
  splitRef
};

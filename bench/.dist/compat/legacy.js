const LEGACY = Symbol.for("migrate-api.legacyHandler");
function legacy(fn) {
  if (typeof fn !== "function") throw new TypeError("legacy(fn): fn must be a (req, res, next) function");
  Object.defineProperty(fn, LEGACY, { value: true, enumerable: false, configurable: true });
  return fn;
}
function isLegacyHandler(fn) {
  return typeof fn === "function" && fn[LEGACY] === true;
}
export {
  isLegacyHandler,
  legacy
};

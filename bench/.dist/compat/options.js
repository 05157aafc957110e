const APP_OPTIONS = Symbol.for("migrate-api.appOptions");
function setAppOptions(app, opts) {
  Object.defineProperty(app, APP_OPTIONS, { value: opts, enumerable: false, configurable: true, writable: true });
}
function appOptionsOf(app) {
  return app ? app[APP_OPTIONS] : void 0;
}
export {
  appOptionsOf,
  setAppOptions
};

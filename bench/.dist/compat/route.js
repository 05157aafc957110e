const HTTP_METHODS = ["get", "post", "put", "patch", "delete", "head", "options"];
const TABLE = Symbol.for("migrate-api.routeTable");
function routeTableOf(target) {
  return target[TABLE];
}
function attachRouteTable(target, options) {
  const existing = routeTableOf(target);
  if (existing) return existing;
  const table = { options, routes: [], mounts: [] };
  Object.defineProperty(target, TABLE, { value: table, enumerable: false });
  return table;
}
export {
  HTTP_METHODS,
  attachRouteTable,
  routeTableOf
};

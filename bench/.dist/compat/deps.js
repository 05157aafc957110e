const KIND = "migrate-api.dependency";
const RESPONSE_SENT = Symbol("migrate-api.responseSent");
function depends(fn) {
  return { kind: KIND, resolve: fn };
}
function isDependency(value) {
  return typeof value === "object" && value !== null && value.kind === KIND;
}
function normalizeDeps(deps, where) {
  const out = {};
  for (const [name, dep] of Object.entries(deps)) {
    if (isDependency(dep)) out[name] = dep;
    else if (typeof dep === "function") out[name] = depends(dep);
    else throw new TypeError(`${where}: deps.${name} must be a function or a depends()/fromMiddleware() dependency`);
  }
  return out;
}
function fromMiddleware(mw, pick) {
  return {
    kind: KIND,
    middleware: mw,
    resolve: (_input, { req, res }) => new Promise((resolve, reject) => {
      let settled = false;
      const onFinish = () => {
        if (settled) return;
        settled = true;
        reject(RESPONSE_SENT);
      };
      const next = (err) => {
        if (settled) return;
        settled = true;
        res.removeListener("finish", onFinish);
        if (err !== void 0 && err !== null && err !== "route" && err !== "router") return reject(err);
        try {
          resolve(pick(req));
        } catch (e) {
          reject(e);
        }
      };
      res.once("finish", onFinish);
      try {
        const out = mw(req, res, next);
        if (out && typeof out.then === "function") out.then(void 0, next);
      } catch (e) {
        next(e);
      }
    })
  };
}
async function solveDeps(entries, input, ctx) {
  const cache = /* @__PURE__ */ new Map();
  const solve = (dep) => {
    let p = cache.get(dep);
    if (!p) {
      try {
        p = Promise.resolve(dep.resolve(input, ctx, solve));
      } catch (e) {
        p = Promise.reject(e);
      }
      cache.set(dep, p);
    }
    return p;
  };
  const out = {};
  for (const [name, dep] of entries) out[name] = await solve(dep);
  return out;
}
export {
  RESPONSE_SENT,
  depends,
  fromMiddleware,
  isDependency,
  normalizeDeps,
  solveDeps
};

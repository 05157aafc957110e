// Reads of req and res on the request path. Express gives every request's req and res a hidden class of their own
// (its router stores per-request properties on them: checked on Express 5.3 / router 2.3, Node 20), so V8's
// property caches, keyed by hidden class, miss on each first read of a name: a runtime lookup up the prototype chain,
// ~0.3 us a name (over 1 us for a name no object in the chain has, like req.cookies without cookie-parser).
// A handler's answer built as `{ ...row, id }` is the same: V8 gives each such object a hidden class of its own.
// Reflect.get is the same read (own property first, then the prototype chain, getters called on the object
// itself, a Proxy's get trap) done by a builtin that never consults those caches.
export const read = Reflect.get as (target: object, key: PropertyKey) => any;

// The `express4` devDependency alias (npm:express@4) has no types of its own; the tests drive it
// through the same surface as Express 5, so its module is typed as express's.
declare module 'express4' {
  import express from 'express';
  export default express;
}

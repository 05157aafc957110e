// The `express4` and `express416` devDependency aliases (npm:express@4, npm:express@4.16.4) have no types of
// their own; the tests drive them through the same surface as Express 5, so their modules are typed as express's.
declare module 'express4' {
  import express from 'express';
  export default express;
}
declare module 'express416' {
  import express from 'express';
  export default express;
}

// Before: router.get('/x', auth, (req, res) => {...});
// After:  router.get('/x', auth, wrap((req, res) => {...}));
// A small real transform so stock jscodeshift rewrites (and reprints) every route file, like a migration does.
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all']);
module.exports = (file, api) => {
  const j = api.jscodeshift;
  const root = j(file.source);
  root.find(j.CallExpression, { callee: { type: 'MemberExpression', object: { name: 'router' } } })
    .filter((p) => VERBS.has(p.node.callee.property.name) && p.node.arguments.length >= 2)
    .forEach((p) => {
      const args = p.node.arguments;
      args[args.length - 1] = j.callExpression(j.identifier('wrap'), [args[args.length - 1]]);
    });
  return root.toSource();
};

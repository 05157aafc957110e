// FileValidatorScope: names to the expressions they are bound to, across ES and CommonJS modules, as the
// translators need them (sources given in memory; every lookup could fail and is checked).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSource } from '../../../codemods/parse.js';
import type { Node } from '../../../codemods/rules/ast.js';
import { FileValidatorScope } from '../../../codemods/validators/scope.js';
import { evaluate, importedFrom } from '../../../codemods/validators/static.js';

const files = new Map<string, string>([
  ['/app/routes.ts', [
    "import { body } from 'express-validator';",
    "import * as yup from 'yup';",
    "import { RULES, Role } from './validations';",
    "import schemas from './schemas.js';",
    "const { LIMIT } = require('./limits');",
    "const limits = require('./limits');",
    'x(RULES, Role.Admin, schemas.user, LIMIT, limits.MAX, body, yup.string, UserDto);',
    "import { UserDto } from './dto';",
  ].join('\n')],
  ['/app/validations/index.ts', "export * from './rules';\nexport { Role } from './role';"],
  ['/app/validations/rules.ts', "const MIN = 2;\nexport const RULES = ['a', `n${MIN}`, ...['z']] as const;"],
  ['/app/validations/role.ts', "export enum Role { Admin = 'admin', Member = 'member' }"],
  ['/app/schemas.ts', 'const user = { name: 1 };\nexport default { user };'],
  ['/app/limits.js', 'module.exports = { LIMIT: 10, MAX: 99 };'],
  ['/app/dto/index.ts', 'export { UserDto as UserDto } from "./user.dto";'],
  ['/app/dto/user.dto.ts', 'export class UserDto {}'],
]);

function args(): Node[] {
  const parsed = parseSource(files.get('/app/routes.ts')!, '/app/routes.ts');
  assert.ok('ast' in parsed);
  const call = (parsed.ast.program.body as unknown as Node[]).find((s) => s.type === 'ExpressionStatement')!.expression;
  return call.arguments;
}

test('values are followed through re-exports, enums, default exports and CommonJS', () => {
  const scope = new FileValidatorScope(undefined, files);
  const [rules, admin, user, limit, max] = args();
  assert.deepEqual(evaluate(rules, '/app/routes.ts', scope), ['a', 'n2', 'z']);
  assert.equal(evaluate(admin, '/app/routes.ts', scope), 'admin');
  assert.deepEqual(evaluate(user, '/app/routes.ts', scope), { name: 1 });
  assert.equal(evaluate(limit, '/app/routes.ts', scope), 10);
  assert.equal(evaluate(max, '/app/routes.ts', scope), 99);
});

test('package imports answer with the package and the imported name', () => {
  const scope = new FileValidatorScope(undefined, files);
  const a = args();
  assert.deepEqual(importedFrom(a[5]!, '/app/routes.ts', scope), { source: 'express-validator', name: 'body' });
  assert.deepEqual(importedFrom(a[6]!, '/app/routes.ts', scope), { source: 'yup', name: 'string' });
  assert.equal(importedFrom(a[0]!, '/app/routes.ts', scope), undefined);
});

test('classes are found through an index re-export; lines are 1-based', () => {
  const scope = new FileValidatorScope(undefined, files);
  const cls = scope.classDeclaration(args()[7]!, '/app/routes.ts');
  assert.equal(cls?.file, '/app/dto/user.dto.ts');
  assert.equal(cls?.node.id.name, 'UserDto');
  assert.equal(scope.line(cls!.node), 1);
  assert.equal(scope.classDeclaration(args()[0]!, '/app/routes.ts'), undefined);
});

test('a name declared twice in a file is ambiguous and not guessed', () => {
  const scope = new FileValidatorScope(undefined, new Map([['/a.ts', 'function f() { const X = 1; }\nfunction g() { const X = 2; }\nuse(X);']]));
  const parsed = parseSource('use(X);', '/b.ts');
  assert.ok('ast' in parsed);
  const x = (parsed.ast.program.body[0] as unknown as Node).expression.arguments[0];
  assert.equal(scope.definition(x, '/a.ts'), undefined);
});

test('a name is read where it is used: a parameter or catch binding around the use, or a let assigned again, is not a known value', () => {
  const file = '/app/shadow.js';
  const code = [
    "const Joi = require('joi');",
    'const schema = Joi.object({ a: Joi.string() });',
    'let later = Joi.string();',
    'later = Joi.number();',
    'function route(schema) { validate(schema); }',
    'validate(schema);',
    'validate(later);',
    'function inner() { const schema = Joi.number(); validate(schema); }',
    'try { run(); } catch (schema) { validate(schema); }',
  ].join('\n');
  const scope = new FileValidatorScope(undefined, new Map([[file, code]]));
  const uses: Array<[number, string | undefined]> = [];
  const visit = (n: Node) => {
    if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'validate') {
      const d = scope.definition(n.arguments[0], file);
      uses.push([n.loc.start.line, d ? code.slice(d.node.start, d.node.end) : undefined]);
    }
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) for (const c of v) { if (c && typeof c.type === 'string') visit(c); }
      else if (v && typeof v === 'object' && typeof (v as Node).type === 'string' && v !== n.loc) visit(v as Node);
    }
  };
  visit(scope.program(file)!);
  assert.deepEqual(uses, [
    [5, undefined], // the parameter, not the schema above
    [6, 'Joi.object({ a: Joi.string() })'], // the top-level one: inner's own `schema` does not hide it here
    [7, undefined], // assigned again: which value a request meets is not known
    [8, 'Joi.number()'], // the function's own const
    [9, undefined], // the caught error
  ]);
});

// class-validator -> JSON Schema: `validate(CreateUserDto)` / `ValidationMiddleware(CreateUserDto, 'body', true)`.
// The DTO class is found through imports (ValidatorScope.classDeclaration), its property decorators become
// keywords, and the middleware's own definition says which location it validates and with which options
// (whitelist -> unknown keys stripped, forbidNonWhitelisted -> rejected, skipMissingProperties -> nothing required).
// Decorators from elsewhere (custom constraints, `@IsUnique()`) are named as untranslated.
import type { Node } from '../rules/ast.js';
import { readMiddleware } from './middleware-definition.js';
import { propKey, unwrapTs } from './scope.js';
import { mergeSchemas } from './field-paths.js';
import { evaluate, importedFrom, snippet, type Evaluated } from './static.js';
import type { JsonSchema, TranslatedValidator, UntranslatedRule, ValidatorScope, ValidatorTranslator } from './types.js';
import { decoratorRule, type PropertyRule } from './class-validator-decorators.js';

const PACKAGES = ['class-validator'] as const;
const VALIDATE_CALLS = ['validate', 'validateOrReject', 'validateSync', 'transformAndValidate', 'transformAndValidateSync', 'plainToInstance', 'plainToClass'];

interface Options { skipMissing: boolean; forbid: boolean }
interface Ctx { scope: ValidatorScope; untranslated: UntranslatedRule[]; options: Options; seen: Set<Node> }

export const classValidator: ValidatorTranslator = {
  library: 'class-validator',
  packages: PACKAGES,
  translate(argument, file, scope) {
    const call = unwrapTs(argument);
    if (call.type !== 'CallExpression') return undefined;
    for (const arg of call.arguments) {
      const cls = scope.classDeclaration(unwrapTs(arg), file);
      if (!cls || !usesClassValidator(cls.node, cls.file, scope)) continue;
      const facts = readMiddleware(call, file, scope, VALIDATE_CALLS);
      const o = facts.options;
      const options: Options = { skipMissing: o.skipMissingProperties === true, forbid: o.forbidNonWhitelisted === true && o.whitelist === true };
      const ctx: Ctx = { scope, untranslated: [], options, seen: new Set() };
      if (o.enableImplicitConversion === true) {
        ctx.untranslated.push({ rule: 'enableImplicitConversion', file, line: scope.line(call, file), why: 'values are converted to the properties\' TypeScript types before validation' });
      }
      const schema = classSchema(cls.node, cls.file, ctx);
      const location = facts.location === 'resource' ? 'body' : facts.location;
      const locations: TranslatedValidator['locations'] = { [location]: schema };
      return {
        library: 'class-validator', locations, untranslated: ctx.untranslated,
        unknownKeys: options.forbid ? 'reject' : o.whitelist === true ? 'strip' : 'allow',
      };
    }
    return undefined;
  },
};

function decoratorsOf(member: Node): Node[] {
  return member.decorators ?? [];
}

/** The decorator's callee and arguments: `@IsInt()` and `@IsInt` alike. */
function decoratorCall(d: Node): { callee: Node; args: Node[] } {
  const e = d.expression;
  return e.type === 'CallExpression' ? { callee: e.callee, args: e.arguments } : { callee: e, args: [] };
}

function usesClassValidator(cls: Node, file: string, scope: ValidatorScope): boolean {
  return (cls.body?.body ?? []).some((m: Node) => decoratorsOf(m).some((d) => {
    const imp = importedFrom(decoratorCall(d).callee, file, scope);
    return imp !== undefined && (PACKAGES as readonly string[]).includes(imp.source);
  }));
}

/** A DTO class -> its object schema (inherited properties first, as class-validator merges parent metadata). */
function classSchema(cls: Node, file: string, ctx: Ctx): JsonSchema {
  if (ctx.seen.has(cls)) {
    ctx.untranslated.push({ rule: cls.id?.name ?? 'class', file, line: ctx.scope.line(cls, file), why: 'a recursive DTO' });
    return { type: 'object' };
  }
  ctx.seen.add(cls);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  if (cls.superClass) {
    const parent = ctx.scope.classDeclaration(cls.superClass, file);
    if (parent) {
      const ps = classSchema(parent.node, parent.file, ctx);
      Object.assign(properties, ps.properties ?? {});
      required.push(...((ps.required as string[]) ?? []));
    } else ctx.untranslated.push({ rule: `extends ${snippet(cls.superClass)}`, file, line: ctx.scope.line(cls, file), why: 'the parent class is not found' });
  }
  for (const m of cls.body.body as Node[]) {
    if ((m.type !== 'ClassProperty' && m.type !== 'PropertyDefinition') || m.static) continue;
    const key = propKey(m);
    const decorators = decoratorsOf(m);
    if (key === undefined || decorators.length === 0) continue;
    const r = propertySchema(m, decorators, file, ctx);
    if (!r) continue;
    properties[key] = r.schema;
    const i = required.indexOf(key);
    if (r.required && i < 0) required.push(key);
    if (!r.required && i >= 0) required.splice(i, 1);
  }
  ctx.seen.delete(cls);
  const schema: JsonSchema = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  if (ctx.options.forbid) schema.additionalProperties = false;
  return schema;
}

/** One decorated property; undefined when no decorator of class-validator's marks it (not whitelisted). */
function propertySchema(m: Node, decorators: Node[], file: string, ctx: Ctx): { schema: JsonSchema; required: boolean } | undefined {
  const rules: PropertyRule[] = [];
  let nestedClass: { node: Node; file: string } | undefined;
  let validateNested = false;
  let whitelisted = false;
  let conditional = false;
  for (const d of decorators) {
    const { callee, args } = decoratorCall(d);
    const imp = importedFrom(callee, file, ctx.scope);
    const values: Evaluated[] = args.map((a) => evaluate(a, file, ctx.scope));
    if (imp?.source === 'class-transformer') {
      if (imp.name === 'Type') {
        const fn = args[0] && unwrapTs(args[0]);
        const target = fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') && fn.body.type !== 'BlockStatement' ? fn.body : undefined;
        nestedClass = target ? ctx.scope.classDeclaration(unwrapTs(target), file) : undefined;
        if (!nestedClass) ctx.untranslated.push({ rule: `@${snippet(d.expression)}`, file, line: ctx.scope.line(d, file), why: 'the nested class is not found statically' });
      } else if (imp.name !== 'Expose') ctx.untranslated.push({ rule: `@${snippet(d.expression)}`, file, line: ctx.scope.line(d, file), why: 'class-transformer changes the value before validation' });
      continue;
    }
    if (!imp || !(PACKAGES as readonly string[]).includes(imp.source)) {
      ctx.untranslated.push({ rule: `@${snippet(d.expression)}`, file, line: ctx.scope.line(d, file), why: 'a decorator that is not class-validator\'s runs app code' });
      continue;
    }
    whitelisted = true;
    if (imp.name === 'ValidateNested') { validateNested = true; continue; }
    if (imp.name === 'ValidateIf') { conditional = true; ctx.untranslated.push({ rule: `@${snippet(d.expression)}`, file, line: ctx.scope.line(d, file), why: 'every rule of the property applies only when app code says so' }); continue; }
    const r = decoratorRule(imp.name, values, m.key?.name ?? '');
    if (!r) {
      ctx.untranslated.push({ rule: `@${snippet(d.expression)}`, file, line: ctx.scope.line(d, file), why: `@${imp.name}() has no JSON Schema keyword here` });
      continue;
    }
    if (r.untranslatable) { ctx.untranslated.push({ rule: `@${snippet(d.expression)}`, file, line: ctx.scope.line(d, file), why: r.untranslatable }); continue; }
    rules.push(r);
  }
  if (!whitelisted) return undefined;
  if (conditional) return { schema: {}, required: false };
  if (validateNested && !nestedClass) {
    // Without @Type, class-transformer leaves plain objects, which class-validator refuses (forbidUnknownValues):
    // the schema follows the annotation, as the author meant, and the difference is named.
    nestedClass = annotationClass(m, file, ctx);
    if (nestedClass) ctx.untranslated.push({ rule: '@ValidateNested()', file, line: ctx.scope.line(m, file), why: 'no @Type(() => X): class-validator refuses the plain nested objects; translated from the property\'s type' });
  }
  const optional = rules.some((r) => r.optional);
  const isArray = rules.some((r) => r.schema.type === 'array') || m.typeAnnotation?.typeAnnotation?.type === 'TSArrayType';
  let schema: JsonSchema = {};
  let items: JsonSchema = {};
  for (const r of rules) {
    if (r.each) items = merge(items, r.schema);
    else schema = merge(schema, r.schema);
  }
  if (validateNested) {
    if (nestedClass) {
      const nested = classSchema(nestedClass.node, nestedClass.file, ctx);
      if (isArray) { schema.type = 'array'; items = { ...nested, ...items }; } else schema = { ...nested, ...schema };
    } else ctx.untranslated.push({ rule: '@ValidateNested()', file, line: ctx.scope.line(m, file), why: 'no @Type(() => X) or class annotation names the nested class' });
  }
  if (Object.keys(items).length > 0) schema.items = items;
  // Every decorator but @IsOptional / @Allow checks undefined and fails on it; @IsOptional and
  // skipMissingProperties skip null as well as undefined.
  const checks = rules.some((r) => !r.optional && !r.passive) || validateNested;
  const skip = optional || ctx.options.skipMissing;
  const defined = rules.some((r) => r.defined);
  if (skip && !defined) {
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    else if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
    else if (Array.isArray(schema.anyOf)) schema.anyOf = [...schema.anyOf, { type: 'null' }];
    const not = schema.not as JsonSchema | undefined;
    if (Array.isArray(not?.enum)) schema.not = { enum: not.enum.filter((v) => v !== null) };
  }
  return { schema, required: (checks && !skip) || defined };
}

function annotationClass(m: Node, file: string, ctx: Ctx): { node: Node; file: string } | undefined {
  let t = m.typeAnnotation?.typeAnnotation;
  if (t?.type === 'TSArrayType') t = t.elementType;
  if (t?.type !== 'TSTypeReference' || t.typeName.type !== 'Identifier') return undefined;
  return ctx.scope.classDeclaration(t.typeName, file);
}

/** Both rules apply; `@IsInt() @Min(1)` is an integer (Min's `type: number` is the wider of the two). */
function merge(a: JsonSchema, b: JsonSchema): JsonSchema {
  const types = new Set([a.type, b.type]);
  if (types.has('integer') && types.has('number')) return { ...mergeSchemas({ ...a, type: undefined }, { ...b, type: undefined }), type: 'integer' };
  return mergeSchemas(a, b);
}

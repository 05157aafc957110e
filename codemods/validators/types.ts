// The contract between the validator translators (one file per library: joi.ts, celebrate.ts,
// express-validator.ts, class-validator.ts, yup.ts) and the rule that puts their result into a route's spec.
// A translator reads code statically (no app code runs) and answers in JSON Schema (an OpenAPI 3.1 schema
// object), the same currency the doc readers use: merging with the docs ("the stricter rule wins"), drift
// findings and zod emission then happen once, in codemods/docs + codemods/zod, for every library alike.
import type { Node } from '../rules/ast.js';

export type ValidatorLibrary = 'joi' | 'celebrate' | 'express-validator' | 'class-validator' | 'yup';
/** (`cookies` added by issue 13's Joi work: soul-style `Joi.object({ body, params, query, cookies })`; compatible.) */
export type RequestLocation = 'params' | 'query' | 'body' | 'headers' | 'cookies';

/** An OpenAPI 3.1 schema object. Messages kept from `.messages()` / `.withMessage()` ride along as `x-message`. */
export type JsonSchema = Record<string, unknown>;

/** A rule the translator could not express (`when`, custom, async, external): named, never dropped silently. */
export interface UntranslatedRule {
  /** The rule as the code spells it: `Joi.when('type', ...)`, `.custom(checkSku)`, `@IsUnique()`. */
  rule: string;
  file: string;
  line: number;
  why: string;
}

export interface TranslatedValidator {
  library: ValidatorLibrary;
  /** Per request location, the object schema the validator enforces there. */
  locations: Partial<Record<RequestLocation, JsonSchema>>;
  untranslated: UntranslatedRule[];
  /** Unknown keys: 'strip' (stripUnknown / whitelist), 'allow' (unknown(true)), 'reject' (the library's default where it rejects). */
  unknownKeys?: 'strip' | 'allow' | 'reject';
  /** The middleware hands the handler the library's converted value (yup's cast written back to `req`): a
   *  value the spec does not produce, so enforce keeps the middleware. */
  convertsValues?: true;
}

/** What a translator may ask of the project: the definition behind a name, in this file or through imports. */
export interface ValidatorScope {
  /** The expression an identifier / member expression / import is bound to, with the file it lives in. */
  definition(node: Node, file: string): { node: Node; file: string } | undefined;
  /** The class declaration a name refers to (class-validator DTOs), with its file. */
  classDeclaration(node: Node, file: string): { node: Node; file: string } | undefined;
  /** 1-based line of a node in a file. */
  line(node: Node, file: string): number;
  /**
   * The package import a name is bound to, with the export it names: `const Joi = require('joi')` ->
   * { source: 'joi', name: '*' }, `import { Joi } from 'celebrate'` -> { source: 'celebrate', name: 'Joi' }.
   * (Added by issue 13's Joi work; optional so scopes written before it still satisfy the contract.)
   */
  packageImport?(node: Node, file: string): { source: string; name: string } | undefined;
}

export interface ValidatorTranslator {
  library: ValidatorLibrary;
  /** Module specifiers whose import marks a file as using this library (`joi`, `@hapi/joi`). */
  packages: readonly string[];
  /**
   * Reads one route-chain argument (`validate(schema.create)`, `celebrate({...})`, `body('email').isEmail()`,
   * an array of such chains, `ValidationMiddleware(CreateUserDto)`): undefined when it is not this library's.
   */
  translate(argument: Node, file: string, scope: ValidatorScope): TranslatedValidator | undefined;
}

// A copy of compat/create.ts as it was before the runtime performance work (git HEAD at the time), for
// callgrind before/after comparisons only (BEFORE=1 runtime/migrate-api.ts). Not part of the library.
// @ts-nocheck
// createApp / createRouter: a fresh express app or router with typed verbs (and, for the app, the docs).
// The express passed in is the one the app runs on: the installed peer by default, or e.g. Express 4.
import express from '../../../node_modules/express/index.js';
import type { Express, Router } from 'express';
import { installJsonFinalHandler } from './errors.js';
import type { Typed } from '../../../compat/handler-types.js';
import type { AppOptions } from '../../../compat/options.js';
import type { RouterOptions } from '../../../compat/route.js';
import { typed } from './typed.js';

/** The parts of an express module createApp/createRouter use: `express()` and `express.Router()`. */
export interface ExpressModule {
  (): unknown;
  Router: (...args: any[]) => unknown;
}

export function createApp(opts: AppOptions = {}, impl: ExpressModule = express as unknown as ExpressModule): Typed<Express> {
  const app = typed(impl() as Express, opts);
  // A new app answers everything in JSON, unmatched requests and unhandled errors included.
  installJsonFinalHandler(app as never);
  return app;
}

export function createRouter(opts: RouterOptions = {}, impl: ExpressModule = express as unknown as ExpressModule): Typed<Router> {
  return typed(impl.Router() as Router, opts);
}

import { createApp, createRouter } from "./create.js";
import { typed } from "./typed.js";
import { legacy, isLegacyHandler } from "./legacy.js";
import { reply, Reply } from "./reply.js";
import { HTTPException } from "./http-exception.js";
import { RequestValidationError } from "./validation-error.js";
import { depends, fromMiddleware } from "./deps.js";
import { getViolations, resetViolations, writeViolations } from "./violations.js";
import { setLogger } from "./log.js";
import {
  HTTP_METHODS,
  routeTableOf
} from "./route.js";
import { buildOpenApiDocument } from "./openapi.js";
import { mountDocs } from "./docs.js";
import { serve } from "./serve.js";
export {
  HTTPException,
  HTTP_METHODS,
  Reply,
  RequestValidationError,
  buildOpenApiDocument,
  createApp,
  createRouter,
  depends,
  fromMiddleware,
  getViolations,
  isLegacyHandler,
  legacy,
  mountDocs,
  reply,
  resetViolations,
  routeTableOf,
  serve,
  setLogger,
  typed,
  writeViolations
};

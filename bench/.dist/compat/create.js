import express from "express";
import { installJsonFinalHandler } from "./errors.js";
import { typed } from "./typed.js";
function createApp(opts = {}, impl = express) {
  const app = typed(impl(), opts);
  installJsonFinalHandler(app);
  return app;
}
function createRouter(opts = {}, impl = express) {
  return typed(impl.Router(), opts);
}
export {
  createApp,
  createRouter
};

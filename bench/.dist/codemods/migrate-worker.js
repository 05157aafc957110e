import { parentPort } from "node:worker_threads";
import { analyzeFile, rewriteFile } from "./migrate-tasks.js";
parentPort?.on("message", (msg) => {
  try {
    const value = msg.task.kind === "analyze" ? analyzeFile(msg.task.file) : rewriteFile(msg.task.plan);
    parentPort.postMessage({ id: msg.id, value });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, error: err.stack ?? String(err) });
  }
});

// express-openapi-validator 5 on express 5: the spec-first validator a team would otherwise put in front of
// the same app. Its apiSpec is the document migrate-api generates for the same two routes (so both validate
// exactly the same contract); requests validated, responses too with additional keys removed (that is how it
// strips `password`, as migrate-api's response schema does), handlers are raw express ones.
import express from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { createApp, buildOpenApiDocument } from '../../compat/index.js';
import { stored, schemas } from './data.js';

const { z } = await import(new URL('../../node_modules/zod/index.js', import.meta.url).href);
const { NewUser, User, Params } = schemas(z);

// The contract, written once as migrate-api specs: only its document is used here.
const described = createApp({ title: 'bench', docs: false });
described.get('/users/:id', { params: Params, responses: { 200: User } }, async () => undefined);
described.post('/users', { body: NewUser, status: 201, responses: { 201: User } }, async () => undefined);
const apiSpec = buildOpenApiDocument(described) as unknown as Parameters<typeof OpenApiValidator.middleware>[0]['apiSpec'];

const app = express();
app.use(express.json());
app.use(OpenApiValidator.middleware({ apiSpec, validateRequests: true, validateResponses: { removeAdditional: 'all' } }));
app.get('/users/:id', (req, res) => {
  res.json({ ...stored, id: Number(req.params.id) });
});
app.post('/users', (req, res) => {
  res.status(201).json({ ...req.body, id: stored.id });
});
app.use(((err, _req, res, _next) => {
  res.status(err.status ?? 500).json({ message: err.message, errors: err.errors });
}) as express.ErrorRequestHandler);
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`ready ${(server.address() as { port: number }).port}`);
});
// Exit cleanly on SIGINT so a --cpu-prof (runtime/cpu.ts PROF=dir) is written.
process.once('SIGINT', () => process.exit(0));

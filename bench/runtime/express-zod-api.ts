// express-zod-api 27 (its last line on Node 20): same endpoints, 201 via a ResultHandler,
// its default 400 for invalid input.
import { z } from 'zod';
import {
  createConfig, createServer, defaultEndpointsFactory, EndpointsFactory, ResultHandler,
  ensureHttpError, getMessageFromError,
} from 'express-zod-api';
import { stored, schemas } from './data.js';

const { NewUser, User } = schemas(z);

const created = new ResultHandler({
  positive: (data) => ({ statusCode: 201, schema: data }),
  negative: z.object({ error: z.string() }),
  handler: ({ error, output, response }) => {
    if (error) {
      const { statusCode } = ensureHttpError(error);
      return void response.status(statusCode).json({ error: getMessageFromError(error) });
    }
    response.status(201).json(output);
  },
});

const getUser = defaultEndpointsFactory.build({
  method: 'get',
  input: z.object({ id: z.coerce.number().int().positive() }),
  output: User,
  handler: async ({ input }) => ({ ...stored, id: input.id }),
});
const createUser = new EndpointsFactory(created).build({
  method: 'post',
  input: NewUser,
  output: User,
  handler: async ({ input }) => ({ ...input, id: stored.id }),
});

const port = Number(process.env.PORT ?? 0);
const { servers } = await createServer(
  createConfig({ http: { listen: { port, host: '127.0.0.1' } }, cors: false, logger: { level: 'silent' }, startupLogo: false }),
  { 'get /users/:id': getUser, 'post /users': createUser },
);
const server = servers[0];
const report = () => console.log(`ready ${(server.address() as { port: number }).port}`);
if (server.listening) report();
else server.once('listening', report);

// migrate-api typed routes, on Express 5 (default) or Express 4 (EXPRESS=4). The handler returns the
// stored record, password included: the response schema strips it.
import { createApp, type ExpressModule } from '../../compat/index.js';
import { stored, schemas } from './data.js';

// The repo's own zod (the one compat/ loads), not bench/node_modules' older copy.
const { z } = await import(new URL('../../node_modules/zod/index.js', import.meta.url).href);
const impl = process.env.EXPRESS === '4' ? ((await import('express4')).default as unknown as ExpressModule) : undefined;
const express = process.env.EXPRESS === '4' ? (await import('express4')).default : (await import('express')).default;
const { NewUser, User, Params } = schemas(z);

const app = createApp({ title: 'bench', docs: false, validation: 'enforce' }, impl);
app.use(express.json());
app.get('/users/:id', { params: Params, responses: { 200: User } }, async ({ params }: any) => ({ ...stored, id: params.id }));
app.post('/users', { body: NewUser, status: 201, responses: { 201: User } }, async ({ body }: any) => ({ ...body, id: stored.id }));
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`ready ${(server.address() as { port: number }).port}`);
});
// Exit cleanly on SIGINT so a --cpu-prof (runtime/cpu.ts PROF=dir) is written.
process.once('SIGINT', () => process.exit(0));

// legacy(fn) on Express 5 and 4: the request is validated before the untouched handler runs, req
// stays raw, and what it sends through res.json / res.send(object) is shaped and checked.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Request, Response } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { createApp, legacy, routeTableOf } from '../../compat/index.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';

const User = z.object({ id: z.number(), name: z.string() });

for (const [name, impl] of VERSIONS) {
  describe(`legacy() handlers (${name})`, () => {
    let srv: Listening;
    let log: ReturnType<typeof captureLog>;
    let calls = 0;
    let app: ReturnType<typeof createApp>;
    before(async () => {
      log = captureLog();
      app = createApp({ docs: false }, impl);
      app.use(impl.json());
      const spec = {
        params: z.object({ id: z.coerce.number().int() }),
        query: z.object({ verbose: z.stringbool().default(false) }),
        responses: { 200: User, 201: User },
      };
      app.get('/users/:id', spec, legacy((req: Request, res: Response) => {
        calls++;
        res.json({ id: Number(req.params.id), name: 'Ann', password: 'hunter2', seen: { id: req.params.id, query: req.query } });
      }));
      app.post('/users/:id', spec, legacy((req: Request, res: Response) => {
        res.status(201).send({ id: Number(req.params.id), name: 'Ann', password: 'hunter2' });
      }));
      app.put('/users/:id', spec, legacy((_req: Request, res: Response) => {
        res.json({ id: 'not a number', name: 'Ann' });
      }));
      app.delete('/users/:id', spec, legacy((_req: Request, res: Response) => {
        res.status(404).json({ message: 'no such user', code: 7 });
      }));
      app.patch('/users/:id', spec, legacy((_req: Request, res: Response) => {
        res.type('text/plain').send('plain text is not checked');
      }));
      // Arguments past the body, which express ignores (pretty-printing written as JSON.stringify's): the body is checked.
      app.get('/pretty/:id', spec, legacy((req: Request, res: Response) => {
        (res.json as (...args: unknown[]) => void)({ id: Number(req.params.id), name: 'Ann', password: 'hunter2' }, undefined, '\t');
      }));
      // No argument: no body, nothing to check (the 200 schema wants a user).
      app.get('/empty/:id', spec, legacy((_req: Request, res: Response) => {
        res.json();
      }));
      srv = await listen(app);
    });
    after(async () => {
      log.restore();
      await srv.close();
    });

    it('is recorded as a legacy route', () => {
      const routes = routeTableOf(app)!.routes.filter((r) => r.path === '/users/:id');
      assert.deepEqual(routes.map((r) => [r.method, r.legacyHandler]), [['get', true], ['post', true], ['put', true], ['delete', true], ['patch', true]]);
    });

    it('is not called when the request is invalid', async () => {
      calls = 0;
      const res = await request(srv.url).get('/users/abc?verbose=perhaps').expect(422);
      assert.deepEqual(res.body.detail.map((d: { loc: unknown[] }) => d.loc), [['path', 'id'], ['query', 'verbose']]);
      assert.equal(calls, 0);
    });

    it('sees the raw request, and its res.json payload is shaped by the schema', async () => {
      const res = await request(srv.url).get('/users/12?verbose=true').expect(200);
      assert.deepEqual(res.body, { id: 12, name: 'Ann' });
    });

    it('checks the body of res.json(x, undefined, "\\t") as res.json(x): express sends x and ignores the rest', async () => {
      const res = await request(srv.url).get('/pretty/4').expect(200);
      assert.deepEqual(res.body, { id: 4, name: 'Ann' });
    });

    it('leaves res.json() with no argument unchecked: a JSON Content-Type and no bytes, as express answers it', async () => {
      const res = await request(srv.url).get('/empty/4').expect(200);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(res.headers['content-length'], '0');
      assert.equal(res.text, '');
    });

    it('shapes res.status(201).send(object) by the 201 schema', async () => {
      const res = await request(srv.url).post('/users/3').expect(201);
      assert.deepEqual(res.body, { id: 3, name: 'Ann' });
    });

    it('answers 500 when the payload breaks its schema, logged with the route', async () => {
      const before = log.errors.length;
      await request(srv.url).put('/users/3').expect(500, { detail: 'Internal Server Error' });
      assert.equal(log.errors.length - before, 1);
      assert.match(log.errors[before], /PUT \/users\/:id: the 200 response does not match its schema/);
    });

    it('leaves statuses without a schema and non-JSON bodies alone', async () => {
      await request(srv.url).delete('/users/3').expect(404, { message: 'no such user', code: 7 });
      const text = await request(srv.url).patch('/users/3').expect(200);
      assert.equal(text.text, 'plain text is not checked');
    });
  });

  describe(`legacy() req stays raw (${name})`, () => {
    it('hands the handler the values as they arrived', async () => {
      const app = createApp({ docs: false }, impl);
      app.get('/raw/:id', { params: z.object({ id: z.coerce.number() }), query: z.object({ n: z.coerce.number().default(3) }) },
        legacy((req: Request, res: Response) => void res.json({ id: req.params.id, query: req.query })));
      const srv = await listen(app);
      try {
        await request(srv.url).get('/raw/5?n=2').expect(200, { id: '5', query: { n: '2' } });
        await request(srv.url).get('/raw/5').expect(200, { id: '5', query: {} });
      } finally {
        await srv.close();
      }
    });
  });
}

// A process that records its own traffic (MIGRATE_API_RECORD set by the test) and exits: the part files the
// recorder wrote (one per route) are what the test reads.
import express from 'express';
import { legacy, typed } from '../../compat/index.js';

const app = typed(express(), { validation: 'report' });
app.use(express.json());
const users = typed(express.Router(), { validation: 'report' });
users.get('/:id', {}, legacy((req, res) => {
  if (req.params.id === '0') return res.status(404).json({ error: 'not found' });
  res.json({ id: Number(req.params.id), email: 'alice@example.com', createdAt: new Date(0), tags: ['a'] });
}));
users.post('/', {}, legacy((req, res) => res.status(201).json({ id: 7, name: req.body.name })));
app.use('/users', users);
app.get('/old', {}, legacy((_req, res) => res.redirect('/users/1')));
app.delete('/users/:id', {}, legacy((_req, res) => res.sendStatus(204)));

const server = app.listen(0, async () => {
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const mode = process.argv[2];
  if (mode === 'many') {
    // Past the recorder's write-through limit (1,000 exchanges of a route): the rest is written on exit.
    for (let i = 0; i < 1005; i++) await fetch(`${base}/users/${i + 1}`);
    server.close();
    return;
  }
  await fetch(`${base}/users/1?sort=asc&page=2`);
  await fetch(`${base}/users/0?sort=desc`);
  await fetch(`${base}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Zed', password: 'hunter2-secret' }) });
  if (mode === 'second') await fetch(`${base}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Amy', age: 3 }) });
  await fetch(`${base}/old`, { redirect: 'manual' });
  await fetch(`${base}/users/3`, { method: 'DELETE' });
  server.close();
});

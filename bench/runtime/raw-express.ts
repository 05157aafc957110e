// The limit: raw express 5, no validation, the handler picks the public fields itself.
import express from 'express';
import { stored, publicUser } from './data.js';

const app = express();
app.use(express.json());
app.get('/users/:id', (req, res) => {
  res.json(publicUser(Number(req.params.id)));
});
app.post('/users', (req, res) => {
  res.status(201).json({ ...req.body, id: stored.id });
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`ready ${(server.address() as { port: number }).port}`);
});
// Exit cleanly on SIGINT so a --cpu-prof (runtime/cpu.ts PROF=dir) is written.
process.once('SIGINT', () => process.exit(0));

// The app serve.test.ts runs in a child process: `node --import tsx serve-app.ts` with WORKERS set.
// GET /slow stays in flight until the process gets SIGUSR2, so the test can SIGTERM it mid-request.
import { z } from 'zod';
import { createApp, serve } from '../../compat/index.js';

const app = createApp({ docs: false });
app.get('/hello/:n', { params: z.object({ n: z.coerce.number().int() }) }, async ({ params }) => ({ n: params.n * 2, pid: process.pid }));
app.get('/slow', {}, async () => {
  console.log(`in-flight ${process.pid}`);
  await new Promise((resolve) => process.once('SIGUSR2', resolve));
  return { done: true };
});

const handle = await serve(app, { workers: Number(process.env.WORKERS), port: 0, host: '127.0.0.1', log: (m) => console.log(m) });
if (handle.role !== 'worker') console.log(`ready ${handle.role} ${handle.port}`);
// Registered after serve()'s own handler, so this line means the server has stopped accepting.
process.on('SIGTERM', () => console.log(`closing ${process.pid}`));

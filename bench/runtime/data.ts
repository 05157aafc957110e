// The three requests every server answers, and the shapes behind them (as plain data: each
// server builds its schemas with its own zod, since express-zod-api pins an older zod 4.3).
export const stored = {
  id: 42,
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  password: 'hunter2',
  age: 36,
  address: { street: '12 St James Square', city: 'London', zip: '12345' },
  tags: ['math', 'poetry'],
};

/** 5 fields, one of them a nested object and one an array. */
export const validBody = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  age: 36,
  address: { street: '12 St James Square', city: 'London', zip: '12345' },
  tags: ['math', 'poetry'],
};

/** Breaks 5 rules: empty name, bad email, negative age, missing city, tags not an array. */
export const invalidBody = {
  name: '',
  email: 'not-an-email',
  age: -3,
  address: { street: '12 St James Square', zip: '12345' },
  tags: 'math',
};

/** The servers the side-by-side runs (cpu.ts, callgrind.ts) can start, by short name. */
export const SERVERS: Record<string, { file: string; env?: Record<string, string> }> = {
  raw: { file: 'raw-express.ts' },
  m5: { file: 'migrate-api.ts' },
  m4: { file: 'migrate-api.ts', env: { EXPRESS: '4' } },
  ezapi: { file: 'express-zod-api.ts' },
  hono: { file: 'hono.ts' },
  eov: { file: 'openapi-validator.ts' },
};

/** A server by name; `m5@/path/to/checkout` is that checkout's own bench/runtime file (its compat/ and the
 *  same node_modules when linked): a before/after pair measured in one run. */
export function serverDef(name: string): { file: string; env?: Record<string, string> } {
  const at = name.indexOf('@');
  if (at < 0) return SERVERS[name];
  const def = SERVERS[name.slice(0, at)];
  return { ...def, file: `${name.slice(at + 1)}/bench/runtime/${def.file}` };
}

const json = { 'content-type': 'application/json' };
/** The three requests as autocannon options. */
export const SCENARIOS = [
  { name: 'GET', path: '/users/42', opts: { method: 'GET' } },
  { name: 'POST valid', path: '/users', opts: { method: 'POST', headers: json, body: JSON.stringify(validBody) } },
  { name: 'POST invalid', path: '/users', opts: { method: 'POST', headers: json, body: JSON.stringify(invalidBody) } },
] as const;

/** Builds the schemas with whichever zod namespace a server uses. */
export function schemas(z: any) {
  const Address = z.object({ street: z.string().min(1), city: z.string().min(1), zip: z.string().regex(/^\d{5}$/) });
  const NewUser = z.object({
    name: z.string().min(1),
    email: z.email(),
    age: z.number().int().positive(),
    address: Address,
    tags: z.array(z.string()).max(10),
  });
  const User = NewUser.extend({ id: z.number().int() });
  const Params = z.object({ id: z.coerce.number().int().positive() });
  return { Address, NewUser, User, Params };
}

export const publicUser = (id: number) => {
  const { password: _password, ...rest } = { ...stored, id };
  return rest;
};

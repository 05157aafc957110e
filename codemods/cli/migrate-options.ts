// The migrate command's flags, in a module of their own so the run record's replay (codemods/cache/run-replay.ts)
// reads argv exactly as the CLI does without loading the CLI.
export const MIGRATE_FLAGS = {
  dry: { type: 'boolean', default: false },
  spec: { type: 'string', multiple: true },
  schemas: { type: 'string' },
  validation: { type: 'string', default: 'report' },
  report: { type: 'string' },
  only: { type: 'string' },
  disable: { type: 'string' },
  force: { type: 'boolean', default: false },
  'include-tests': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

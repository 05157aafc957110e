// Which validation mode a route runs in: env MIGRATE_API_VALIDATION > route > router > app > enforce.
// Everything but the app's mode is known when the route is registered; the app is only known per
// request (req.app), because a router is built before it is mounted.
import type { ValidationMode } from './route.js';

const MODES: readonly ValidationMode[] = ['enforce', 'report', 'off'];

export function isValidationMode(value: unknown): value is ValidationMode {
  return typeof value === 'string' && (MODES as readonly string[]).includes(value);
}

/** Read when a route is registered, so the hot path never touches process.env. */
export function envValidationMode(): ValidationMode | undefined {
  const raw = process.env.MIGRATE_API_VALIDATION;
  if (raw === undefined || raw === '') return undefined;
  const mode = raw.trim().toLowerCase();
  if (!isValidationMode(mode)) throw new Error(`MIGRATE_API_VALIDATION must be one of ${MODES.join(', ')}, got "${raw}"`);
  return mode;
}

export function checkMode(value: unknown, where: string): ValidationMode | undefined {
  if (value === undefined) return undefined;
  if (!isValidationMode(value)) throw new TypeError(`${where}: validation must be one of ${MODES.join(', ')}, got ${JSON.stringify(value)}`);
  return value;
}

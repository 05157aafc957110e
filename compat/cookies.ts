// Cookies for `spec.cookies`: req.cookies when cookie-parser ran, else the Cookie header parsed here.
// Hand-written (eight lines) because the `cookie` package is only a transitive dependency of express.
import type { Request } from 'express';

export function readCookies(req: Request): Record<string, string> {
  const parsed = (req as { cookies?: Record<string, string> }).cookies;
  if (parsed && typeof parsed === 'object') return parsed;
  const out: Record<string, string> = {};
  const header = req.headers.cookie;
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name === '__proto__' || name === 'constructor' || Object.hasOwn(out, name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length > 1 && value[0] === '"' && value[value.length - 1] === '"') value = value.slice(1, -1);
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

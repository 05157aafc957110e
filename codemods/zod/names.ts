// Component names are free text (`User-Profile`, `2fa`, `class`); exports need identifiers that are
// valid, unique, and do not shadow `z` or the globals generated refinements use (Set, JSON, Object...).
const RESERVED = new Set(`break case catch class const continue debugger default delete do else enum export extends false
finally for function if import in instanceof new null return super switch this throw true try typeof var void while with
yield let static implements interface package private protected public await async of get set type
z undefined NaN Infinity eval arguments Object Array JSON Set Map String Number Boolean Date Error Promise Symbol
require module exports globalThis`.split(/\s+/));

/** `User-Profile` -> `UserProfile`, `my schema` -> `mySchema`, `2fa` -> `_2fa`, `class` -> `class_`. */
export function safeIdentifier(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_$]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''));
  if (s === '') s = 'Schema';
  if (/^\d/.test(s)) s = `_${s}`;
  if (RESERVED.has(s)) s = `${s}_`;
  return s;
}

/** Hands out identifiers, suffixing 2, 3... when two names collide. */
export class NameAllocator {
  private readonly used = new Set<string>();
  take(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}${i}`;
    this.used.add(name);
    return name;
  }
}

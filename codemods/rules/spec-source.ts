// The spec object the emitter wrote, as text: checked to be an object literal, its top-level keys read
// (MA003 needs to know which input locations have schemas), and laid out one property per line when
// it is too long for one, so every route looks alike whatever the emitter's own layout.
import { parseExpression } from '@babel/parser';
import { walk, type Node } from './ast.js';

export interface SpecInfo {
  /** Normalized source of the object literal. */
  source: string;
  keys: Set<string>;
  /** Source text of each top-level property's value (`params` -> `z.object({ id: z.coerce.number() })`). */
  values: Map<string, string>;
  /** Identifiers the spec references (`z`, named schemas). */
  identifiers: Set<string>;
  /** The parsed spec (positions are within the spec text): a tree that is not printed can use it as it is. */
  node: Node;
}

const MAX_LINE = 80;

export function readSpec(specSource: string, extraProps: string[] = []): SpecInfo | { error: string } {
  let expr: Node;
  try {
    expr = parseExpression(specSource, { plugins: ['typescript'] }) as unknown as Node;
  } catch (err) {
    return { error: `spec source does not parse: ${(err as Error).message}` };
  }
  if (expr.type !== 'ObjectExpression') return { error: `spec source is a ${expr.type}, not an object literal` };
  const keys = new Set<string>();
  const values = new Map<string, string>();
  const props: string[] = [];
  for (const p of expr.properties as Node[]) {
    if (p.key && !p.computed) {
      const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
      keys.add(key);
      if (p.value) values.set(key, specSource.slice(p.value.start, p.value.end));
    }
    props.push(specSource.slice(p.start, p.end));
  }
  const identifiers = new Set<string>();
  walk(expr, (n, parent) => {
    if (n.type !== 'Identifier') return;
    if (parent?.type === 'MemberExpression' && parent.property === n && !parent.computed) return;
    if (parent?.type === 'ObjectProperty' && parent.key === n && !parent.computed && !parent.shorthand) return;
    identifiers.add(n.name);
  });
  const extra = extraProps.filter((p) => !keys.has(p.split(':')[0]!.trim()));
  let source = specSource.trim();
  const last = expr.properties[expr.properties.length - 1] as Node | undefined;
  if (extra.length && source.includes('\n') && last) {
    // A laid-out spec keeps its layout: the extra properties go after the last one, same indent.
    const offset = specSource.indexOf(source);
    const end = last.end - offset;
    const indent = /\n([ \t]*)\S/.exec(source)?.[1] ?? '  ';
    const rest = source.slice(end).replace(/^\s*,/, '');
    source = `${source.slice(0, end)},\n${extra.map((p) => `${indent}${p}`).join(',\n')}${rest}`;
  } else if (extra.length || (!source.includes('\n') && source.length > MAX_LINE)) {
    const all = [...props, ...extra];
    const oneLine = all.length ? `{ ${all.join(', ')} }` : '{}';
    source = oneLine.length <= MAX_LINE && !oneLine.includes('\n')
      ? oneLine
      : `{\n${all.map((p) => `  ${p.replace(/\n/g, '\n  ')},`).join('\n')}\n}`;
  }
  return { source, keys, values, identifiers, node: expr };
}

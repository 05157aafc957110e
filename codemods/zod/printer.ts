// Prints a ZodExpr as readable source: a node goes on one line when it fits in WIDTH columns,
// otherwise objects/arrays put one entry per line and a call hugs its last object argument
// (`z.object({` ... `}).optional()`), the way a formatter would lay it out. Hand-written rather than
// running prettier: prettier is not a dependency and the node set is eleven kinds.
import type { ObjectProp, ZodExpr } from './ast.js';

const WIDTH = 100;
const PAD = '  ';

/** `startColumn`: where the expression starts on its first line (e.g. after `export const X = `). */
export function printZod(expr: ZodExpr, startColumn = 0): string {
  return print(expr, 0, startColumn);
}

/** A string literal in single quotes (JSON escapes for control characters). */
export function quote(s: string): string {
  if (s.includes("'") && !s.includes('"')) return JSON.stringify(s);
  return `'${JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
export function printKey(key: string): string {
  // A literal `__proto__:` key would set the object's prototype instead of adding a property.
  if (key === '__proto__') return "['__proto__']";
  if (IDENT.test(key)) return key;
  if (/^(0|[1-9]\d{0,14})$/.test(key)) return key;
  return quote(key);
}

function literal(v: string | number | boolean | null | undefined): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  return String(v);
}

/** Parenthesised where a member access or call would otherwise bind into it. */
function needsParens(e: ZodExpr): boolean {
  return e.kind === 'arrow' || e.kind === 'binary' || e.kind === 'cond' || e.kind === 'unary';
}

// Every node is measured at each level of nesting, and only against the columns left: a measure stops once the
// text is wider than those, which keeps printing linear without keeping each node's text (a WeakMap of it cost
// more than the printing, and its entries lived as long as the nodes).
function flat(e: ZodExpr): string {
  return within(e, Infinity)!;
}

/** A child's text in a flat layout, in parentheses or not. */
interface Slot { expr: ZodExpr; parens: boolean }
const slot = (expr: ZodExpr, parens = false): Slot => ({ expr, parens });
const wrapped = (e: ZodExpr): Slot => slot(e, needsParens(e));
const operandSlot = (e: ZodExpr, min: number): Slot => slot(e, precedence(e) < min);

/** `e` on one line, or undefined when that is wider than `max`. */
function within(e: ZodExpr, max: number): string | undefined {
  switch (e.kind) {
    case 'id': return fit(e.name, max);
    case 'lit': return fit(literal(e.value), max);
    case 'regex': return fit(`/${e.source}/${e.flags}`, max);
    case 'member': return joined(max, [wrapped(e.object), `.${e.property}`]);
    case 'call': return joined(max, [e.isNew ? 'new ' : '', wrapped(e.callee), '(', ...commas(e.args.map((a) => slot(a))), ')']);
    case 'array': return joined(max, ['[', ...commas(e.elements.map((x) => slot(x))), ']']);
    case 'object': return e.props.length ? joined(max, ['{ ', ...commas(e.props.map(propParts)), ' }']) : fit('{}', max);
    case 'arrow': return joined(max, [`(${e.params.join(', ')}) => `, slot(e.body, e.body.kind === 'object')]);
    case 'binary': return joined(max, [operandSlot(e.left, PREC[e.op]), ` ${e.op} `, operandSlot(e.right, PREC[e.op] + 1)]);
    case 'unary': return joined(max, [e.op === 'typeof' ? 'typeof ' : '!', operandSlot(e.arg, 10)]);
    case 'cond': return joined(max, [operandSlot(e.test, 2), ' ? ', operandSlot(e.then, 1), ' : ', operandSlot(e.else, 1)]);
  }
}

const fit = (s: string, max: number) => (s.length <= max ? s : undefined);

type Part = string | Slot | Part[];
// A loop, not flatMap: flatMap was the printer's top cost.
function commas(items: Part[]): Part[] {
  const out: Part[] = [];
  for (const item of items) { if (out.length) out.push(', '); out.push(item); }
  return out;
}
const propParts = (p: ObjectProp): Part[] =>
  (p.getter ? [`get ${printKey(p.key)}() { return `, slot(p.value), '; }'] : [`${printKey(p.key)}: `, slot(p.value)]);

function joined(max: number, parts: Part[]): string | undefined {
  let out = '';
  const add = (part: Part): boolean => {
    if (Array.isArray(part)) return part.every(add);
    if (typeof part === 'string') out += part;
    else {
      const text = within(part.expr, max - out.length - (part.parens ? 2 : 0));
      if (text === undefined) return false;
      out += part.parens ? `(${text})` : text;
    }
    return out.length <= max;
  };
  return parts.every(add) && out.length <= max ? out : undefined;
}

const lastLine = (s: string) => s.slice(s.lastIndexOf('\n') + 1);
// Operator precedence, so only the parentheses JavaScript needs are printed.
const PREC = { '||': 2, '&&': 3, '===': 6, '!==': 6, '>=': 7, '<=': 7 } as const;
const precedence = (e: ZodExpr): number =>
  (e.kind === 'arrow' ? 0 : e.kind === 'cond' ? 1 : e.kind === 'binary' ? PREC[e.op] : e.kind === 'unary' ? 10 : 20);
const operand = (e: ZodExpr, min: number) => (precedence(e) < min ? `(${flat(e)})` : flat(e));
const wrap = (e: ZodExpr, s: string) => (needsParens(e) ? `(${s})` : s);

/** `col` is the column the expression starts at (after `key: ` or `return `). */
function print(e: ZodExpr, indent: number, col = indent * PAD.length): string {
  const one = within(e, WIDTH - col);
  if (one !== undefined) return one;
  const pad = PAD.repeat(indent);
  const inner = PAD.repeat(indent + 1);
  switch (e.kind) {
    case 'object': {
      const lines = e.props.map((p) => {
        if (!p.getter) return `${inner}${printKey(p.key)}: ${print(p.value, indent + 1, inner.length + printKey(p.key).length + 2)},`;
        return `${inner}get ${printKey(p.key)}() {\n${inner}${PAD}return ${print(p.value, indent + 2, inner.length + PAD.length + 7)};\n${inner}},`;
      });
      return `{\n${lines.join('\n')}\n${pad}}`;
    }
    case 'array':
      return `[\n${e.elements.map((x) => `${inner}${print(x, indent + 1)},`).join('\n')}\n${pad}]`;
    case 'member':
      return `${wrap(e.object, print(e.object, indent, col))}.${e.property}`;
    case 'call': {
      const broken = printChain(e, indent, col);
      if (broken) return broken;
      if (e.args.length === 0) return `${wrap(e.callee, print(e.callee, indent, col))}()`;
      const callee = `${e.isNew ? 'new ' : ''}${wrap(e.callee, print(e.callee, indent, col))}`;
      const calleeEnd = callee.includes('\n') ? lastLine(callee).length : col + callee.length;
      const last = e.args[e.args.length - 1];
      const hug = last && (last.kind === 'object' || last.kind === 'array' || last.kind === 'arrow');
      const head = hug ? joined(WIDTH - calleeEnd - 1, commas(e.args.slice(0, -1).map((a) => slot(a)))) : undefined;
      if (head !== undefined && !head.includes('\n')) {
        const lead = e.args.length > 1 ? `${head}, ` : '';
        return `${callee}(${lead}${print(last, indent, calleeEnd + 1 + lead.length)})`;
      }
      return `${callee}(\n${e.args.map((a) => `${inner}${print(a, indent + 1)},`).join('\n')}\n${pad})`;
    }
    case 'arrow': {
      const params = `(${e.params.join(', ')}) => `;
      return `${params}${e.body.kind === 'object' ? `(${print(e.body, indent)})` : print(e.body, indent, col + params.length)}`;
    }
    case 'cond':
      return `${operand(e.test, 2)}\n${inner}? ${operand(e.then, 1)}\n${inner}: ${operand(e.else, 1)}`;
    default:
      return flat(e);
  }
}

/** `a.b(..).c(..).d(..)` whose head (`z.array(z.string())`) fits: one `.method(...)` per line after it. */
function printChain(e: ZodExpr, indent: number, col: number): string | undefined {
  const links: Array<{ property: string; args?: ZodExpr[] }> = [];
  let root = e;
  for (;;) {
    if (root.kind === 'call' && !root.isNew && root.callee.kind === 'member') {
      links.unshift({ property: root.callee.property, args: root.args });
      root = root.callee.object;
    } else if (root.kind === 'member') {
      links.unshift({ property: root.property });
      root = root.object;
    } else break;
  }
  const firstCall = links.findIndex((l) => l.args);
  const rest = links.slice(firstCall + 1);
  if (firstCall < 0 || !rest.some((l) => l.args)) return undefined;
  const link = (l: { property: string; args?: ZodExpr[] }, at: number) =>
    (l.args ? print({ kind: 'call', callee: { kind: 'id', name: `.${l.property}` }, args: l.args }, at) : `.${l.property}`);
  const head = joined(WIDTH - col, [slot(root), ...links.slice(0, firstCall + 1).map((l) => (l.args ? [`.${l.property}(`, ...commas(l.args.map((a) => slot(a))), ')'] : `.${l.property}`))]);
  if (head === undefined) return undefined;
  const inner = PAD.repeat(indent + 1);
  return `${head}${rest.map((l) => `\n${inner}${link(l, indent + 1)}`).join('')}`;
}

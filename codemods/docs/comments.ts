// JSDoc block comments as lines of text, each remembering where it sits in the source file, so YAML
// cut out of a comment reports source lines. We strip ` * ` prefixes the way swagger-jsdoc does (it
// calls doctrine's unwrap, which keeps no positions, hence this small re-implementation).
import type { Comment } from '@babel/types';
import type { PositionMap } from './yaml-source.js';

export interface CommentLine {
  text: string;
  /** 1-based source line. */
  line: number;
  /** 1-based source column of text[0]. */
  col: number;
}

export function isDocComment(c: Comment): boolean {
  return c.type === 'CommentBlock' && c.value.startsWith('*');
}

/** doctrine's unwrap: leading blanks, then one `*` and one blank after it, are dropped from every line.
 *  A comment without any `*` margin is dedented by its common indentation instead, which keeps YAML intact. */
export function unwrapComment(c: Comment): CommentLine[] {
  const startLine = c.loc?.start.line ?? 1;
  const startCol = (c.loc?.start.column ?? 0) + 2; // after `/*`
  const raw = c.value.split('\n').map((t) => t.replace(/\r$/, ''));
  raw[0] = raw[0].replace(/^\*/, ''); // the second star of `/**`
  const starred = raw.some((t, i) => i > 0 && /^[ \t]*\*/.test(t));
  const indent = starred ? 0 : Math.min(...raw.slice(1).filter((t) => t.trim()).map((t) => t.length - t.trimStart().length), Infinity);
  return raw.map((t, i) => {
    const base = i === 0 ? startCol + 1 : 0;
    let j = 0;
    if (starred || i === 0) {
      while (j < t.length && (t[j] === ' ' || t[j] === '\t')) j++;
      if (t[j] === '*') {
        j++;
        if (t[j] === ' ' || t[j] === '\t') j++;
      }
    } else if (Number.isFinite(indent)) {
      j = Math.min(indent, t.length);
    }
    return { text: t.slice(j), line: startLine + i, col: base + j + 1 };
  });
}

function trimBlank(lines: CommentLine[]): CommentLine[] {
  let a = 0;
  let b = lines.length;
  while (a < b && !lines[a].text.trim()) a++;
  while (b > a && !lines[b - 1].text.trim()) b--;
  return lines.slice(a, b);
}

const TAG_LINE = /^\s*@\w/;

/** The text of every `@openapi` / `@swagger` tag of the comment (up to the next tag), as doctrine reads it. */
export function openapiSections(lines: CommentLine[]): Array<{ tag: 'openapi' | 'swagger'; lines: CommentLine[] }> {
  const out: Array<{ tag: 'openapi' | 'swagger'; lines: CommentLine[] }> = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)@(openapi|swagger)(?=\s|$)/.exec(lines[i].text);
    if (!m) continue;
    const rest = lines[i].text.slice(m[0].length);
    const body: CommentLine[] = [];
    if (rest.trim()) {
      const lead = rest.length - rest.trimStart().length;
      body.push({ text: rest.slice(lead), line: lines[i].line, col: lines[i].col + m[0].length + lead });
    }
    let j = i + 1;
    for (; j < lines.length && !TAG_LINE.test(lines[j].text); j++) body.push(lines[j]);
    out.push({ tag: m[2] as 'openapi' | 'swagger', lines: trimBlank(body) });
    i = j - 1;
  }
  return out;
}

export interface FlasggerParts {
  summary?: string;
  description?: string;
  yaml: CommentLine[];
  /** Source line of the `---` separator. */
  separatorLine: number;
}

/** Operation keys that make a `---` comment a flasgger doc rather than, say, a Markdown rule in prose. */
const FLASGGER_KEY = /^(responses|parameters|tags|summary|description|operationId|requestBody|definitions|consumes|produces|security|deprecated)\s*:/;

/** Flasgger's docstring layout (its parse_docstring): the first line is the summary, the lines after it up to
 *  `---` the description, then the YAML. */
export function flasggerParts(lines: CommentLine[]): FlasggerParts | undefined {
  const sep = lines.findIndex((l) => l.text.trim() === '---');
  if (sep < 0) return undefined;
  const yaml = trimBlank(lines.slice(sep + 1));
  if (!yaml.some((l) => FLASGGER_KEY.test(l.text))) return undefined;
  const prose = trimBlank(lines.slice(0, sep)).map((l) => l.text.trim());
  const summary = (prose[0] ?? '').trim();
  const description = prose.slice(1).join('\n').trim();
  return {
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
    yaml,
    separatorLine: lines[sep].line,
  };
}

/** Joins comment lines into YAML text, with the map from YAML positions back to the source file. */
export function yamlText(lines: CommentLine[]): { text: string; map: PositionMap } {
  return {
    text: lines.map((l) => l.text).join('\n'),
    map: (line, col) => {
      const l = lines[Math.min(Math.max(line - 1, 0), lines.length - 1)];
      return l ? { line: l.line, col: l.col + col - 1 } : { line, col };
    },
  };
}

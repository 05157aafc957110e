// The planning steps that follow handlers, send helpers and chain functions into other files (handler-definitions,
// send-helpers, chain-repliers) each read a file at most once: its text, tree and parent links, or null when it
// cannot be read or parsed (its functions are then not followed).
import { readFileSync } from 'node:fs';
import { parseSource } from './parse.js';
import { buildParents, type Node, type Parents } from './rules/ast.js';

export interface ParsedFile { source: string; program: Node; parents: Parents }

export type FileReader = (file: string) => ParsedFile | null;

/** A reader that parses each file once. One per planning phase, shared by its steps: the rewrite changes files
 *  afterwards, so it must not outlive the plan. */
export function parsedFileReader(): FileReader {
  const cache = new Map<string, ParsedFile | null>();
  return (file) => {
    if (cache.has(file)) return cache.get(file)!;
    let out: ParsedFile | null = null;
    try {
      const source = readFileSync(file, 'utf8');
      const p = parseSource(source, file);
      if (!('diagnostic' in p)) {
        const program = p.ast.program as unknown as Node;
        out = { source, program, parents: buildParents(program) };
      }
    } catch { /* unreadable: treated as unparsable */ }
    cache.set(file, out);
    return out;
  };
}

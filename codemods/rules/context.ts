// The state one rewrite of one file carries between rules: what was used (for imports), what changed.
import type { Diagnostic, RuleId } from '../diagnostics.js';
import type { FilePlan, RouteReport } from '../plan.js';
import type { Node, Parents } from './ast.js';
import type { SourceEdits } from './edits.js';

/** `Typed` is the type a widened TS annotation names (`router: Typed<Router>`); `InputOf` (and `RouteContext`, its ctx) types a handler defined
 *  away from its route (rules/definition-site.ts). */
export type CompatName = 'typed' | 'legacy' | 'reply' | 'replyEnd' | 'replyEmptyJson' | 'replySend' | 'replyStatus' | 'replyWith' | 'replySendWith' | 'replyStatusWith' | 'rawHeader' | 'Typed' | 'InputOf' | 'RouteContext';

export interface RuleContext {
  file: string;
  /** The file's original text (node offsets point into it, in both passes). */
  source: string;
  plan: FilePlan;
  program: Node;
  parents: Parents;
  /** Parses an expression's source into a node that belongs in this tree (recast-aware in the print pass). */
  parseExpression(source: string): Node;
  /** Set by any edit; when the cheap pass leaves it false the file is not reprinted at all. */
  changed: boolean;
  compat: Set<CompatName>;
  /** Identifiers inserted specs reference (`z`, schema names), for the imports. */
  specIdentifiers: Set<string>;
  /** Names an inserted spec uses that the file already binds to something else -> the alias imported instead. */
  aliases: Map<string, string>;
  /** Router creations already wrapped by an earlier route of this file. */
  wrapped: Set<Node>;
  /** Doc comments to remove, collected per route and removed in one walk at the end (MA002). */
  docRanges: Array<{ startLine: number; endLine: number; specSource: string }>;
  /** The text edits that stand for the tree edits, when the file is printed by splicing them in (not by recast). */
  edits?: SourceEdits;
  /** Every comment of the file (Babel's `File.comments`), for the splice pass. */
  comments?: Node[];
  reports: RouteReport[];
  diagnostics: Diagnostic[];
  enabled(rule: RuleId): boolean;
}

/** The local name of a name the rewrite introduces (a compat export, `z`, a schema): aliased when the file
 *  uses the name for something else in any scope. */
export function introducedName(ctx: Pick<RuleContext, 'aliases'>, name: string): string {
  return ctx.aliases.get(name) ?? name;
}

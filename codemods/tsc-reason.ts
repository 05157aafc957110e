// Before: a handler the app's tsc refused said `TS2345 at src/routes/player-route.ts:30 (as rewritten): Argument of
//         type '[() => Promise<Reply<IPlayer[], 200>>]' is not assignable to parameter of type '[...middleware: ...`:
//         a line of a trial rewrite that is never written, and 200 characters of our own handler types before the
//         one line that says what is wrong.
// After:  the reason cites the route call (or the handler's definition) the error was traced to, on disk, and
//         tsc's innermost lines; when what the handler sends does not fit the docs' response, it says so plainly:
//         the docs and the code disagree, and one of them has to change before the handler can be typed.
//
// The chain is read by tsc's message codes, not its wording, but for the one thing only the text shows: that
// a link compares the handler's returned promise (`Type 'Promise<...>' is not assignable ...`), and the status
// of the `Reply<..., 404>` it compares.
import type { NewError, Traced } from './tsc-checker.js';

/** Links that name where in the types the mismatch is (a property, a parameter), not the mismatch itself. */
const WHERE = new Set([2326 /* Types of property '{0}' are incompatible. */, 2200 /* The types of '{0}' are incompatible between these types. */,
  2328 /* Types of parameters '{0}' and '{1}' are incompatible. */]);
const ASSIGNABLE = 2322; // Type '{0}' is not assignable to type '{1}'.
/** A head longer than this is our own handler types spelt out (`Argument of type '[...]'`): left out. */
const SHORT_HEAD = 160;

/** Why the app's tsc keeps a handler legacy, on one line: where on disk, and tsc's words. */
export function refusalReason(version: string, error: NewError, at: Omit<Traced, 'candidate'>, rel: (file: string) => string): string {
  const where = at.site === 'route' ? `the route at ${rel(at.file)}:${at.line}` : `the handler defined at ${rel(at.file)}:${at.line}`;
  const sent = sentMismatch(error.chain);
  const about = sent ? `what it sends does not fit the docs' ${sent.status ? `${sent.status} response` : 'response'} (the docs and the code disagree): ` : '';
  return `the app's TypeScript ${version} rejects the typed rewrite of ${where}: ${about}TS${error.code}: ${innermost(error.chain, !!sent)}`;
}

/** The handler's returned value against the docs' schema: the link comparing the promise it returns, and the
 *  status of the reply compared below it (none: the default status's, which the message does not name). */
function sentMismatch(chain: NewError['chain']): { status: string | null } | null {
  const at = chain.findIndex((l) => l.code === ASSIGNABLE && l.text.startsWith("Type 'Promise<"));
  if (at < 0) return null;
  const reply = chain.slice(at).map((l) => /^Type 'Reply<[\s\S]*, (\d{3})>'\.?$/.exec(l.text)).filter((m) => m !== null).at(-1);
  return { status: reply?.[1] ?? null };
}

/** tsc's last link, with the property path above it; the head first when it is short and says something else
 *  (`Type 'string | undefined' is not assignable to type 'string'.`), never when the docs' response is the point. */
export function innermost(chain: NewError['chain'], noHead = false): string {
  if (chain.length === 0) return '';
  const last = chain.length - 1;
  const path = chain.slice(1, last).filter((l) => WHERE.has(l.code));
  const lines = [...path, chain[last]!].map((l) => l.text);
  const head = chain[0]!.text;
  if (last === 0 || noHead || head.length > SHORT_HEAD) return lines.join(' ');
  return `${head} ${last === 1 && path.length === 0 ? '' : '... '}${lines.join(' ')}`;
}

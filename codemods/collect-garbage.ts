// A full garbage collection at the one moment the migration knows most of its heap just died: when planning
// ends, every file's scan, the docs and the matches are garbage. V8 does not know that: it sized the old
// generation at the last full collection, during the analysis (up to ~4x what was live then), and the
// rewrite's promoted garbage fills that before the next collection, so peak memory grew with the tree
// (bench/RESULTS.md, Migration). One collection here costs tens of milliseconds and resets that limit to a
// multiple of what the rewrite needs (4,000 files: peak RSS ~570 -> ~375 MB). Node exposes gc() only behind
// --expose-gc; the flag, set at run time, takes effect for contexts created after it, hence the new vm context.
// Where that fails (another engine, a locked-down runtime) the run goes on without it.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

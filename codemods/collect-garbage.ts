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

/** Wall time, not CPU: the compiles finish on another thread. At 4,000 files, 200 ms left the analysis
 *  collectable in 3 of 3 runs (50 ms: 4 of 5; none: 0 of 8). Too short on a loaded machine costs memory, never a
 *  result. */
const SETTLE_MS = 200;

/**
 * collectGarbage on a macrotask of its own, so nothing of the caller's last microtasks is still on the stack, and,
 * when `settle`, after SETTLE_MS: an optimizing compile still running on V8's background thread holds the function
 * it compiles and what its closure reaches, here the analysis (with --no-concurrent-recompilation the collection
 * left 45 MB at 4,000 files in 3 of 3 runs; without the wait ~150 MB in 8 of 8). V8 then sized the rewrite's heap
 * on that, and peak RSS was ~740 MB instead of ~390 in about half the runs (bench/RESULTS.md, Migration).
 */
export async function collectGarbageSettled(settle: boolean): Promise<void> {
  await new Promise((done) => (settle ? setTimeout(done, SETTLE_MS) : setImmediate(done)));
  collectGarbage();
}

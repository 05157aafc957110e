/** The middle of the sorted values; for an even count the upper of the two middle ones (a value some round
 *  measured, as the bench tables have always shown it). runtime/run.ts averages the two instead. */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

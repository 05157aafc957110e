// `--dry`'s unified diff. The diff package's Myers diff is O(N·D): a route file where every route changes has D
// close to N, and 1,200 routes took 33 s of CPU (a 5 MB file never finished). Migration edits are local and the
// lines around them are mostly unique (each route has its own path), so lines unique to both sides anchor the
// diff (patience diff: longest increasing run of anchors), and only the short stretches between anchors go
// through the package's Myers diff (long ones with no anchor get a greedy resync of bounded reach). Any edit script that turns old into new is a correct patch; this one is
// found in O(N log N) and the patch is formatted by the package (`formatPatch`), so headers and
// "\ No newline at end of file" follow the format `git apply` and `patch` read.
import { diffArrays, formatPatch, type StructuredPatchHunk } from 'diff';

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Stretches this short (old lines x new lines) go to Myers; longer ones with no anchor to a greedy resync. */
const MYERS_LIMIT = 4_000_000;
const MAX_DEPTH = 16;

/** Lines with their terminators, so a missing final newline is seen. */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

function diffRange(a: string[], b: string[], aLo: number, aHi: number, bLo: number, bHi: number, out: Op[], depth: number): void {
  // Common head and tail first: the cheap, usual case.
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.push({ kind: ' ', line: a[aLo++]! }), bLo++;
  const tail: Op[] = [];
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) tail.push({ kind: ' ', line: a[--aHi]! }), bHi--;
  if (aLo === aHi || bLo === bHi) {
    for (let i = aLo; i < aHi; i++) out.push({ kind: '-', line: a[i]! });
    for (let j = bLo; j < bHi; j++) out.push({ kind: '+', line: b[j]! });
  } else {
    const anchors = depth < MAX_DEPTH ? uniqueAnchors(a, b, aLo, aHi, bLo, bHi) : [];
    if (anchors.length > 0) {
      let i = aLo;
      let j = bLo;
      for (const [ai, bj] of anchors) {
        diffRange(a, b, i, ai, j, bj, out, depth + 1);
        out.push({ kind: ' ', line: a[ai]! });
        i = ai + 1;
        j = bj + 1;
      }
      diffRange(a, b, i, aHi, j, bHi, out, depth + 1);
    } else if ((aHi - aLo) * (bHi - bLo) <= MYERS_LIMIT) {
      for (const part of diffArrays(a.slice(aLo, aHi), b.slice(bLo, bHi))) {
        const kind = part.added ? '+' : part.removed ? '-' : ' ';
        for (const line of part.value) out.push({ kind, line });
      }
    } else {
      greedy(a, b, aLo, aHi, bLo, bHi, out);
    }
  }
  for (let k = tail.length - 1; k >= 0; k--) out.push(tail[k]!);
}

const REACH = 64;

/**
 * A long stretch with no anchor (every changed route's lines differ, the unchanged ones repeat): equal lines are
 * kept; at a difference, the nearest place within REACH lines on each side where two consecutive lines agree
 * again is taken (fewest lines skipped), what lies before it is the change. O(N x REACH); not always the
 * shortest edit script, always a correct one.
 */
function greedy(a: string[], b: string[], aLo: number, aHi: number, bLo: number, bHi: number, out: Op[]): void {
  const agree = (i: number, j: number) => a[i] === b[j] && (i + 1 >= aHi || j + 1 >= bHi || a[i + 1] === b[j + 1]);
  while (aLo < aHi && bLo < bHi) {
    if (a[aLo] === b[bLo]) { out.push({ kind: ' ', line: a[aLo++]! }); bLo++; continue; }
    const firstIn = new Map<string, number[]>();
    for (let q = 0; q < REACH && bLo + q < bHi; q++) {
      const list = firstIn.get(b[bLo + q]!);
      if (list) list.push(q); else firstIn.set(b[bLo + q]!, [q]);
    }
    // Two lines agreeing first (a lone `});` or blank line is a poor place to resync), then any one line.
    const nearest = (ok: (i: number, j: number) => boolean): [number, number] | null => {
      let best: [number, number] | null = null;
      for (let p = 0; p < REACH && aLo + p < aHi; p++) {
        if (best && p >= best[0] + best[1]) break;
        for (const q of firstIn.get(a[aLo + p]!) ?? []) {
          if ((p > 0 || q > 0) && (!best || p + q < best[0] + best[1]) && ok(aLo + p, bLo + q)) { best = [p, q]; break; }
        }
      }
      return best;
    };
    const best = nearest(agree) ?? nearest(() => true);
    const [p, q] = best ?? [Math.min(REACH, aHi - aLo), Math.min(REACH, bHi - bLo)];
    for (let k = 0; k < p; k++) out.push({ kind: '-', line: a[aLo + k]! });
    for (let k = 0; k < q; k++) out.push({ kind: '+', line: b[bLo + k]! });
    aLo += p;
    bLo += q;
  }
  for (let i = aLo; i < aHi; i++) out.push({ kind: '-', line: a[i]! });
  for (let j = bLo; j < bHi; j++) out.push({ kind: '+', line: b[j]! });
}

/** Pairs (old index, new index) of lines that occur once in each range, longest run increasing on both sides. */
function uniqueAnchors(a: string[], b: string[], aLo: number, aHi: number, bLo: number, bHi: number): Array<[number, number]> {
  const seen = new Map<string, { a: number; aAt: number; b: number; bAt: number }>();
  for (let i = aLo; i < aHi; i++) {
    const s = seen.get(a[i]!);
    if (s) s.a++; else seen.set(a[i]!, { a: 1, aAt: i, b: 0, bAt: -1 });
  }
  for (let j = bLo; j < bHi; j++) {
    const s = seen.get(b[j]!);
    if (s) { s.b++; s.bAt = j; }
  }
  const pairs: Array<[number, number]> = [];
  for (const s of seen.values()) if (s.a === 1 && s.b === 1) pairs.push([s.aAt, s.bAt]);
  pairs.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(pairs);
}

/** Longest subsequence increasing in the second index (patience sorting, O(n log n)). */
function longestIncreasing(pairs: Array<[number, number]>): Array<[number, number]> {
  const tops: number[] = [];
  const prev = new Array<number>(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tops[mid]!]![1] < pairs[k]![1]) lo = mid + 1; else hi = mid;
    }
    prev[k] = lo > 0 ? tops[lo - 1]! : -1;
    tops[lo] = k;
  }
  const out: Array<[number, number]> = [];
  for (let k = tops.length ? tops[tops.length - 1]! : -1; k >= 0; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}

/** Hunks with `context` lines around each change; changes closer than 2 x context share a hunk (as diff and git do). */
function hunks(ops: Op[], context: number): StructuredPatchHunk[] {
  const out: StructuredPatchHunk[] = [];
  const oldLineAt: number[] = [];
  const newLineAt: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldLineAt.push(o);
    newLineAt.push(n);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') n++;
  }
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') { k++; continue; }
    const start = Math.max(0, k - context);
    let end = k;
    // Extend while the next change is within 2 x context unchanged lines.
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let gap = end;
      while (gap < ops.length && ops[gap]!.kind === ' ') gap++;
      if (gap < ops.length && gap - end <= 2 * context) { end = gap; continue; }
      end = Math.min(ops.length, end + context);
      break;
    }
    const slice = ops.slice(start, end);
    const lines: string[] = [];
    for (const op of slice) {
      lines.push(op.kind + (op.line.endsWith('\n') ? op.line.slice(0, -1) : op.line));
      if (!op.line.endsWith('\n')) lines.push('\\ No newline at end of file');
    }
    out.push({
      oldStart: oldLineAt[start]!, oldLines: slice.filter((x) => x.kind !== '+').length,
      newStart: newLineAt[start]!, newLines: slice.filter((x) => x.kind !== '-').length,
      lines,
    });
    k = end;
  }
  return out;
}

/** A unified diff of one file, `--- oldName` / `+++ newName`, three lines of context; '' when nothing changed. */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops: Op[] = [];
  diffRange(a, b, 0, a.length, 0, b.length, ops, 0);
  const found = hunks(ops, context);
  if (found.length === 0) return '';
  return formatPatch({ oldFileName: oldName, newFileName: newName, oldHeader: undefined, newHeader: undefined, hunks: found });
}

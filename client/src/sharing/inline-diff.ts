/** A run of text on one side of a diff; `changed` when it is not on the other side. */
export interface Segment {
  text: string;
  changed: boolean;
}

export interface InlineDiff {
  before: Segment[];
  after: Segment[];
}

// Past this many table cells (lines × lines, or tokens × tokens) the longest common subsequence
// would cost too much time and memory in the page: the run is marked changed as a whole instead.
const MAX_CELLS = 4_000_000;

/**
 * Splits text into the units a reader compares: words (letters, digits, `_`, `$`), runs of
 * spaces, line breaks, and single other characters, so `price*2` differs from `price*3` in `2` only.
 *
 * @example
 * tokens('a = b1 + 2'); // → ['a', ' ', '=', ' ', 'b1', ' ', '+', ' ', '2']
 */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_$]+|[^\S\r\n]+|\r\n|\r|\n|[^]/gu) ?? [];
}

/** For each item of `a`, whether it is in a longest common subsequence with `b` (and the same for `b`). */
function common<T>(a: T[], b: T[]): { inA: boolean[]; inB: boolean[] } | null {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) return null;
  // lengths[i][j]: the LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const inA = new Array<boolean>(n).fill(false);
  const inB = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      inA[i++] = true;
      inB[j++] = true;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return { inA, inB };
}

/** Joins adjacent segments of the same kind, dropping empty ones. */
function merged(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (!s.text) continue;
    const last = out[out.length - 1];
    if (last && last.changed === s.changed) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** Token-level diff of two runs of changed lines. */
function diffTokens(before: string, after: string): InlineDiff {
  const a = tokens(before);
  const b = tokens(after);
  const lcs = common(a, b);
  if (!lcs) return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] };
  // A change that keeps only spaces or punctuation in common reads better as a whole-run change.
  const keptWord = a.some((t, i) => lcs.inA[i] && /[\p{L}\p{N}]/u.test(t));
  if (!keptWord) return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] };
  return {
    before: merged(a.map((text, i) => ({ text, changed: !lcs.inA[i] }))),
    after: merged(b.map((text, i) => ({ text, changed: !lcs.inB[i] }))),
  };
}

/** Lines with their line breaks, so joining them gives the text back. */
function lines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/**
 * What changed between two texts, for highlighting inside lines: lines are matched first (so a
 * moved-apart edit does not pair unrelated words), then each run of changed lines is compared
 * word by word. Unchanged text is `changed: false` on both sides; joining a side's segments gives
 * its text back.
 *
 * @example
 * inlineDiff('const a = 1\n', 'const a = 10\n').after; // → [{ text: 'const a = ', changed: false }, { text: '10', changed: true }, { text: '\n', changed: false }]
 */
export function inlineDiff(before: string, after: string): InlineDiff {
  const a = lines(before);
  const b = lines(after);
  const lcs = common(a, b);
  if (!lcs) return diffTokens(before, after);
  const out: InlineDiff = { before: [], after: [] };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // A run of lines only on one side or the other, up to the next common line.
    let removed = '';
    let added = '';
    while (i < a.length && !lcs.inA[i]) removed += a[i++];
    while (j < b.length && !lcs.inB[j]) added += b[j++];
    if (removed && added) {
      const run = diffTokens(removed, added);
      out.before.push(...run.before);
      out.after.push(...run.after);
    } else {
      out.before.push({ text: removed, changed: true });
      out.after.push({ text: added, changed: true });
    }
    if (i < a.length && j < b.length) {
      out.before.push({ text: a[i++]!, changed: false });
      out.after.push({ text: b[j++]!, changed: false });
    }
  }
  return { before: merged(out.before), after: merged(out.after) };
}

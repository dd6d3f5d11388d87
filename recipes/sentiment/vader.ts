import { VADER_LEXICON } from './lexicon.js';
import { BOOSTER, C_INCR, N_SCALAR, NEGATE, SPECIAL_CASES } from './rules.js';
import { replaceEmoji } from './emoji.js';

/**
 * VADER sentiment scoring, re-implemented rule for rule from vaderSentiment 3.3 (Hutto & Gilbert
 * 2014) so compound scores agree with it: lexicon valence per token, adjusted by boosters/dampeners
 * in the 3 preceding tokens, ALL-CAPS emphasis, negation, "least", "never so/this", "without doubt",
 * special idioms, "kind of"/"sort of", contrastive "but", and "!"/"?" emphasis; compound =
 * s/√(s²+15). Quirks of the reference (e.g. how "but" rescales equal scores) are kept on purpose.
 */

export interface VaderScores {
  /** Normalized sum in [−1, 1], rounded to 4 decimals like vaderSentiment. */
  compound: number;
  pos: number;
  neu: number;
  neg: number;
}

const PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const isPunct = (c: string) => PUNCT.includes(c);

/** Python's str.strip(string.punctuation), keeping short tokens such as ":)" whole. */
function stripPunct(token: string): string {
  let a = 0;
  let b = token.length;
  while (a < b && isPunct(token[a]!)) a++;
  while (b > a && isPunct(token[b - 1]!)) b--;
  const kept = token.slice(a, b);
  // Python counts code points, so an astral emoji is one character, not two.
  const length = /[\uD800-\uDFFF]/.test(kept) ? [...kept].length : kept.length;
  return length <= 2 ? token : kept;
}

/** Python's str.isupper(): some cased character and none lower-case. */
const isUpper = (w: string) => w !== w.toLowerCase() && w === w.toUpperCase();

const negated = (w: string) => NEGATE.has(w) || w.includes("n't");

function scalarIncDec(word: string, lower: string, valence: number, capDiff: boolean): number {
  let scalar = BOOSTER.get(lower);
  if (scalar === undefined) return 0;
  if (valence < 0) scalar = -scalar;
  if (capDiff && isUpper(word)) scalar += valence > 0 ? C_INCR : -C_INCR;
  return scalar;
}

function negationCheck(valence: number, low: string[], startI: number, i: number): number {
  if (startI === 0) return negated(low[i - 1]!) ? valence * N_SCALAR : valence;
  if (startI === 1) {
    if (low[i - 2] === 'never' && (low[i - 1] === 'so' || low[i - 1] === 'this')) return valence * 1.25;
    if (low[i - 2] === 'without' && low[i - 1] === 'doubt') return valence;
    return negated(low[i - 2]!) ? valence * N_SCALAR : valence;
  }
  // The reference's operator precedence makes any "so"/"this" right before the word a ×1.25.
  if ((low[i - 3] === 'never' && (low[i - 2] === 'so' || low[i - 2] === 'this')) || low[i - 1] === 'so' || low[i - 1] === 'this') return valence * 1.25;
  if (low[i - 3] === 'without' && (low[i - 2] === 'doubt' || low[i - 1] === 'doubt')) return valence;
  return negated(low[i - 3]!) ? valence * N_SCALAR : valence;
}

function specialIdioms(valence: number, low: string[], i: number): number {
  const [w3, w2, w1, w0] = [low[i - 3]!, low[i - 2]!, low[i - 1]!, low[i]!];
  for (const seq of [`${w1} ${w0}`, `${w2} ${w1} ${w0}`, `${w2} ${w1}`, `${w3} ${w2} ${w1}`, `${w3} ${w2}`]) {
    const v = SPECIAL_CASES.get(seq);
    if (v !== undefined) {
      valence = v;
      break;
    }
  }
  if (low.length - 1 > i) valence = SPECIAL_CASES.get(`${w0} ${low[i + 1]}`) ?? valence;
  if (low.length - 1 > i + 1) valence = SPECIAL_CASES.get(`${w0} ${low[i + 1]} ${low[i + 2]}`) ?? valence;
  for (const gram of [`${w3} ${w2} ${w1}`, `${w3} ${w2}`, `${w2} ${w1}`]) valence += BOOSTER.get(gram) ?? 0;
  return valence;
}

function leastCheck(valence: number, low: string[], i: number): number {
  if (i > 0 && low[i - 1] === 'least' && !VADER_LEXICON.has('least')) {
    if (i === 1 || (low[i - 2] !== 'at' && low[i - 2] !== 'very')) return valence * N_SCALAR;
  }
  return valence;
}

function wordValence(words: string[], low: string[], i: number, capDiff: boolean): number {
  const base = VADER_LEXICON.get(low[i]!);
  if (base === undefined) return 0;
  let valence = base;
  // "no" before a lexicon word negates it instead of counting as a negative word itself.
  if (low[i] === 'no' && i !== words.length - 1 && VADER_LEXICON.has(low[i + 1]!)) valence = 0;
  if ((i > 0 && low[i - 1] === 'no') || (i > 1 && low[i - 2] === 'no') || (i > 2 && low[i - 3] === 'no' && (low[i - 1] === 'or' || low[i - 1] === 'nor'))) {
    valence = base * N_SCALAR;
  }
  if (capDiff && isUpper(words[i]!)) valence += valence > 0 ? C_INCR : -C_INCR;
  for (let startI = 0; startI < 3; startI++) {
    const j = i - (startI + 1);
    if (j < 0 || VADER_LEXICON.has(low[j]!)) continue;
    let s = scalarIncDec(words[j]!, low[j]!, valence, capDiff);
    if (startI === 1) s *= 0.95;
    if (startI === 2) s *= 0.9;
    valence = negationCheck(valence + s, low, startI, i);
    if (startI === 2) valence = specialIdioms(valence, low, i);
  }
  return leastCheck(valence, low, i);
}

/** Contrastive "but": earlier scores ×0.5, later ×1.5, located by value as the reference does. */
function butCheck(low: string[], sentiments: number[]): void {
  const bi = low.indexOf('but');
  if (bi < 0) return;
  for (let k = 0; k < sentiments.length; k++) {
    const v = sentiments[k]!;
    const si = sentiments.indexOf(v);
    if (si < bi) sentiments[si] = v * 0.5;
    else if (si > bi) sentiments[si] = v * 1.5;
  }
}

function punctuationEmphasis(text: string): number {
  let ep = 0;
  let qm = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 33) ep++;
    else if (c === 63) qm++;
  }
  const qmAmp = qm > 1 ? (qm <= 3 ? qm * 0.18 : 0.96) : 0;
  return Math.min(ep, 4) * 0.292 + qmAmp;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/**
 * VADER polarity scores of one text.
 *
 * @example
 * vaderScores('The book was good.'); // → { compound: 0.4404, pos: 0.492, neu: 0.508, neg: 0 }
 */
export function vaderScores(input: string): VaderScores {
  const text = replaceEmoji(input).trim();
  const words = text.split(/\s+/).filter((w) => w !== '').map(stripPunct);
  if (words.length === 0) return { compound: 0, pos: 0, neu: 0, neg: 0 };
  const low = words.map((w) => w.toLowerCase());
  let upper = 0;
  for (const w of words) if (isUpper(w)) upper++;
  const capDiff = upper > 0 && upper < words.length;
  const sentiments: number[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const skip = BOOSTER.has(low[i]!) || (i < words.length - 1 && low[i] === 'kind' && low[i + 1] === 'of');
    sentiments[i] = skip ? 0 : wordValence(words, low, i, capDiff);
  }
  butCheck(low, sentiments);
  let sum = 0;
  let posSum = 0;
  let negSum = 0;
  let neuCount = 0;
  for (const s of sentiments) {
    sum += s;
    if (s > 0) posSum += s + 1;
    else if (s < 0) negSum += s - 1;
    else neuCount++;
  }
  const punct = punctuationEmphasis(text);
  if (sum > 0) sum += punct;
  else if (sum < 0) sum -= punct;
  const compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + 15)));
  if (posSum > Math.abs(negSum)) posSum += punct;
  else if (posSum < Math.abs(negSum)) negSum -= punct;
  const total = posSum + Math.abs(negSum) + neuCount;
  return { compound: round(compound, 4), pos: round(Math.abs(posSum / total), 3), neu: round(neuCount / total, 3), neg: round(Math.abs(negSum / total), 3) };
}

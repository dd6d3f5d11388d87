import { describe, expect, it } from 'vitest';
import { vaderScores } from './vader.js';
import { replaceEmoji } from './emoji.js';

// The examples and scores printed in vaderSentiment's README (cjhutto/vaderSentiment 3.3).
const README: [string, number, number, number, number][] = [
  ['VADER is smart, handsome, and funny.', 0.8316, 0.746, 0.254, 0],
  ['VADER is smart, handsome, and funny!', 0.8439, 0.752, 0.248, 0],
  ['VADER is very smart, handsome, and funny.', 0.8545, 0.701, 0.299, 0],
  ['VADER is VERY SMART, handsome, and FUNNY.', 0.9227, 0.754, 0.246, 0],
  ['VADER is VERY SMART, handsome, and FUNNY!!!', 0.9342, 0.767, 0.233, 0],
  ['VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!', 0.9469, 0.706, 0.294, 0],
  ['VADER is not smart, handsome, nor funny.', -0.7424, 0, 0.354, 0.646],
  ['The book was good.', 0.4404, 0.492, 0.508, 0],
  ["At least it isn't a horrible book.", 0.431, 0.322, 0.678, 0],
  ['The book was only kind of good.', 0.3832, 0.303, 0.697, 0],
  ['The plot was good, but the characters are uncompelling and the dialog is not great.', -0.7042, 0.094, 0.579, 0.327],
  ['Today SUX!', -0.5461, 0, 0.221, 0.779],
  ["Today only kinda sux! But I'll get by, lol", 0.5249, 0.317, 0.556, 0.127],
  ['Make sure you :) or :D today!', 0.8633, 0.706, 0.294, 0],
  ['Catch utf-8 emoji such as 💘 and 💋 and 😁', 0.875, 0.417, 0.583, 0],
  ['Not bad at all', 0.431, 0.487, 0.513, 0],
];

// vaderSentiment's "tricky sentences" (idioms, "never this", "least", "without a doubt"), with the
// compound scores a port asserts against the Python reference.
const TRICKY: [string, number][] = [
  ['Sentiment analysis has never been this good!', 0.5672],
  ['Most automated sentiment analysis tools are shit.', -0.5574],
  ['With VADER, sentiment analysis is the shit!', 0.6476],
  ['Other sentiment analysis tools can be quite bad.', -0.5849],
  ['On the other hand, VADER is quite bad ass', 0.802],
  ['Roger Dodger is one of the most compelling variations on this theme.', 0.2944],
  ['Roger Dodger is at least compelling as a variation on the theme.', 0.2263],
  [' Not such a badass after all.', -0.2584],
  ['Without a doubt, an excellent idea', 0.7013],
  ['I prefer no sanctions', -0.296],
];

describe('vaderScores', () => {
  it.each(README)('%s → README compound, pos, neu, neg', (text, compound, pos, neu, neg) => {
    expect(vaderScores(text)).toEqual({ compound, pos, neu, neg });
  });

  it.each(TRICKY)('%s → %d', (text, compound) => {
    expect(vaderScores(text).compound).toBe(compound);
  });

  it('scores empty and lexicon-free text as 0', () => {
    expect(vaderScores('')).toEqual({ compound: 0, pos: 0, neu: 0, neg: 0 });
    expect(vaderScores('the table has four legs').compound).toBe(0);
  });

  it('adds question-mark emphasis only from two marks on', () => {
    // "good" = 1.9; "??" adds 2 × 0.18 → (1.9 + 0.36)/√((1.9 + 0.36)² + 15)
    const s = 1.9 + 0.36;
    expect(vaderScores('good??').compound).toBeCloseTo(s / Math.sqrt(s * s + 15), 4);
    expect(vaderScores('good?').compound).toBe(vaderScores('good').compound);
  });

  it('replaces emoji by their descriptions', () => {
    expect(replaceEmoji('great👍')).toBe('great thumbs up');
    expect(replaceEmoji('plain text')).toBe('plain text');
  });
});

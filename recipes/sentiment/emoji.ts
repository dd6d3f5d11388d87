/**
 * A small subset of vaderSentiment's emoji_utf8_lexicon: VADER replaces each emoji by its CLDR
 * short name and scores the words. Only these common single-code-point emoji are covered; others
 * are left in the text (and usually score 0).
 */
export const EMOJI: ReadonlyMap<string, string> = new Map([
  ['😀', 'grinning face'], ['😁', 'beaming face with smiling eyes'], ['😂', 'face with tears of joy'],
  ['😃', 'grinning face with big eyes'], ['😄', 'grinning face with smiling eyes'], ['😊', 'smiling face with smiling eyes'],
  ['😍', 'smiling face with heart-eyes'], ['😘', 'face blowing a kiss'], ['😉', 'winking face'],
  ['🙂', 'slightly smiling face'], ['🙁', 'slightly frowning face'], ['😐', 'neutral face'],
  ['😒', 'unamused face'], ['😞', 'disappointed face'], ['😢', 'crying face'], ['😭', 'loudly crying face'],
  ['😠', 'angry face'], ['😡', 'pouting face'], ['😤', 'face with steam from nose'], ['👍', 'thumbs up'],
  ['👎', 'thumbs down'], ['❤', 'red heart'], ['💔', 'broken heart'], ['💘', 'heart with arrow'],
  ['💋', 'kiss mark'], ['🎉', 'party popper'], ['🔥', 'fire'], ['⭐', 'star'],
]);

/**
 * Replaces known emoji by their descriptions the way vaderSentiment does (a space before a
 * description unless one is already there).
 *
 * @example
 * replaceEmoji('nice👍'); // → 'nice thumbs up'
 */
export function replaceEmoji(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  let out = '';
  let prevSpace = true;
  for (const ch of text) {
    const description = EMOJI.get(ch);
    if (description !== undefined) {
      if (!prevSpace) out += ' ';
      out += description;
      prevSpace = false;
    } else {
      out += ch;
      prevSpace = ch === ' ';
    }
  }
  return out;
}

import { z } from 'zod';

/**
 * List parameters that the command line can give as one string: `--param channels=email,search`
 * reaches the schema as "email,search", a notebook or the API as ["email", "search"].
 */

/**
 * The items of `a, b,,c`: split on commas, trimmed, empty items dropped.
 *
 * @example
 * splitCommas(' email, search,,'); // → ['email', 'search']
 */
export function splitCommas(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * A non-empty list of `item`, or a non-empty comma-separated string of names (not checked
 * against `item`: a list written on the command line holds plain names).
 *
 * @example
 * commaList(z.string().min(1)).parse('age_group,gender'); // → ['age_group', 'gender']
 */
export function commaList<T extends z.ZodType>(item: T) {
  return z.union([z.array(item).min(1), z.string().min(1).transform(splitCommas)]);
}

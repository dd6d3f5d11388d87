import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commaList, splitCommas } from './comma-list.js';

describe('comma-separated list parameters', () => {
  it('splits on commas, trims and drops empty items', () => {
    expect(splitCommas(' email, search,,recommendation ')).toEqual(['email', 'search', 'recommendation']);
    expect(splitCommas(' , ')).toEqual([]);
  });

  it('takes a list as it is, or a string as its comma-separated names', () => {
    const list = commaList(z.string().min(1));
    expect(list.parse(['age_group', 'gender'])).toEqual(['age_group', 'gender']);
    expect(list.parse('age_group, gender')).toEqual(['age_group', 'gender']);
  });

  it('refuses an empty list, an empty string and bad items', () => {
    const list = commaList(z.string().min(1));
    expect(list.safeParse([]).success).toBe(false);
    expect(list.safeParse('').success).toBe(false);
    expect(list.safeParse(['']).success).toBe(false);
  });

  it('shows both forms in the JSON Schema of the input', () => {
    expect(z.toJSONSchema(commaList(z.string().min(1)), { io: 'input' })).toMatchObject({
      anyOf: [
        { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        { type: 'string', minLength: 1 },
      ],
    });
  });
});

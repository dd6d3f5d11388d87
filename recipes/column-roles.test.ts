import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { columnName, roles } from './column.js';
import { touchTime } from './column-roles.js';

describe('shared column roles', () => {
  it('declare a role once for every params object that uses it', () => {
    const a = z.strictObject({ timestamp: touchTime });
    const b = z.strictObject({ timestamp: touchTime, alpha: z.number().default(0.05) });
    const entry = { role: 'timestamp', description: 'touch time', required: true };
    expect(roles(a, ['timestamp'])).toEqual([entry]);
    expect(roles(b, ['timestamp'])).toEqual([entry]);
    expect(columnName(b, {}, 'timestamp')).toBe('timestamp');
    expect(b.parse({ timestamp: 'ts' }).timestamp).toBe('ts');
    expect(() => a.parse({ timestamp: '' })).toThrow();
  });
});

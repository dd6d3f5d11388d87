import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { column, columnName, defaultColumn, roles } from './column.js';

const params = z.object({
  variant: column({ default: 'variant', nonEmpty: true, required: true, description: 'Column with the arm.', role: 'arm of the unit' }),
  journey: column({ default: 'journey_id', defaultWhenRead: true, description: 'Column with the journey (default {default}).' }),
  group: column({ description: 'Column to split by.' }),
  metrics: column({ schema: z.array(z.string()).optional().describe('Metric columns.'), role: 'metric columns', required: true }),
  alpha: z.number().default(0.05),
});

describe('column roles', () => {
  it('makes the zod parameter: a schema default, or optional when the default applies where the table is read', () => {
    expect(params.parse({})).toEqual({ variant: 'variant', alpha: 0.05 });
    expect(() => params.parse({ variant: '' })).toThrow();
    expect(params.parse({ group: '' }).group).toBe('');
    const schema = z.toJSONSchema(params, { io: 'input' }) as { properties: Record<string, unknown> };
    expect(schema.properties.variant).toEqual({ type: 'string', minLength: 1, default: 'variant', description: 'Column with the arm.' });
    expect(schema.properties.journey).toEqual({ type: 'string', description: 'Column with the journey (default "journey_id").' });
  });

  it('gives each input its role entries, with a description per input where one is given', () => {
    expect(roles(params, ['variant', ['journey', 'journey of the touch'], 'group', 'metrics'])).toEqual([
      { role: 'variant', description: 'arm of the unit', required: true },
      { role: 'journey', description: 'journey of the touch' },
      { role: 'group', description: 'Column to split by.' },
      { role: 'metrics', description: 'metric columns', required: true },
    ]);
  });

  it('names the column to read: the parameter, else the declared default', () => {
    expect(columnName(params, {}, 'journey')).toBe('journey_id');
    expect(columnName(params, { journey: 'path_id' }, 'journey')).toBe('path_id');
    expect(defaultColumn(params, 'variant')).toBe('variant');
    expect(() => columnName(params, {}, 'group')).toThrow(/"group" has no default/);
  });

  it('refuses a parameter that was not declared with column()', () => {
    expect(() => roles(params, ['alpha'])).toThrow(/"alpha" is not declared with column\(\)/);
  });
});

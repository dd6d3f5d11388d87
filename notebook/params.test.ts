import { describe, expect, it } from 'vitest';
import { parseNotebook } from './format.js';
import { coerceParam, ParamError, parseParamDecls, resolveParams } from './params.js';
import type { ParamDecl } from './types.js';

const decl = (type: ParamDecl['type']): ParamDecl => ({ name: 'p', type, default: null });

describe('coerceParam', () => {
  it('turns CLI strings into typed values', () => {
    expect(coerceParam(decl('number'), '1e3')).toBe(1000);
    expect(coerceParam(decl('boolean'), 'Yes')).toBe(true);
    expect(coerceParam(decl('boolean'), '0')).toBe(false);
    expect(coerceParam(decl('date'), '2024-02-29')).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(coerceParam(decl('date'), '2024-02-29T10:00:00+02:00')).toEqual(new Date('2024-02-29T08:00:00Z'));
    expect(coerceParam(decl('json'), '{"a":[1]}')).toEqual({ a: [1] });
    expect(coerceParam(decl('string'), ' as is ')).toBe(' as is ');
  });

  it('names the parameter and the expected type when the value is wrong', () => {
    expect(() => coerceParam({ ...decl('number'), name: 'seed' }, 'abc')).toThrow('parameter "seed" expects a number, got "abc"');
    expect(() => coerceParam(decl('number'), '')).toThrow(ParamError);
    expect(() => coerceParam(decl('boolean'), 'maybe')).toThrow('expects a boolean (true or false)');
    expect(() => coerceParam(decl('date'), '2024-13-45')).toThrow('expects a date (YYYY-MM-DD or ISO-8601)');
    expect(() => coerceParam(decl('json'), '{a')).toThrow('expects JSON');
  });
});

describe('parseParamDecls', () => {
  it('reads full declarations and shorthand values', () => {
    const { params, errors } = parseParamDecls({
      seed: 42, name: 'all', on: false, since: '2024-01-01', list: [1, 2],
      n: { type: 'number', default: '5', description: 'count' },
    });
    expect(errors).toEqual([]);
    expect(Object.values(params).map((p) => [p.name, p.type, p.default])).toEqual([
      ['seed', 'number', 42], ['name', 'string', 'all'], ['on', 'boolean', false],
      ['since', 'date', new Date('2024-01-01T00:00:00Z')], ['list', 'json', [1, 2]], ['n', 'number', 5],
    ]);
  });

  it('reports unknown keys in a declaration (a comma in an unquoted flow value splits it) but keeps it', () => {
    const { params, errors } = parseParamDecls({ seed: { type: 'number', default: 1, description: 'Seed (same seed', 'same data)': null } });
    expect(params.seed.default).toBe(1);
    expect(errors).toEqual(['parameter "seed": unknown key "same data)" (allowed: type, default, description; quote values that contain commas)']);
  });

  it('reports names cells cannot read and non-mapping params', () => {
    expect(parseParamDecls({ 'my-param': 1 }).errors[0]).toMatch(/"my-param" is not a valid JavaScript name/);
    expect(parseParamDecls([1]).errors[0]).toMatch(/must be a mapping/);
  });
});

describe('resolveParams', () => {
  const doc = parseNotebook('---\nparams:\n  seed: 42\n  since: { type: date, default: 2024-01-01 }\n---\n');

  it('gives defaults, overridden by coerced CLI values', () => {
    expect(resolveParams(doc)).toEqual({ seed: 42, since: new Date('2024-01-01T00:00:00Z') });
    expect(resolveParams(doc, { seed: '7' }).seed).toBe(7);
    expect(resolveParams(doc, { seed: 8 }).seed).toBe(8);
  });

  it('rejects an undeclared parameter, listing the declared ones', () => {
    expect(() => resolveParams(doc, { sed: '7' })).toThrow('unknown parameter "sed": the notebook declares seed, since');
    expect(() => resolveParams(parseNotebook(''), { x: '1' })).toThrow('the notebook declares no parameters');
  });
});

/**
 * Notebook parameters: typed declarations read from front matter, and coercion of the strings
 * a CLI passes (`--param seed=7`) with errors that name the parameter.
 */
import type { NotebookDoc, ParamDecl, ParamType } from './types.js';

const TYPES: ParamType[] = ['number', 'string', 'boolean', 'date', 'json'];

/** A parameter value or declaration is wrong; the message names the parameter and the fix. */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

/**
 * Parses a date parameter: `YYYY-MM-DD` (UTC midnight) or a full ISO-8601 timestamp.
 *
 * @example
 * parseDateParam('2024-03-01').toISOString(); // → '2024-03-01T00:00:00.000Z'
 */
export function parseDateParam(raw: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Turns a raw string (from the command line) into the declared type.
 *
 * @example
 * coerceParam({ name: 'seed', type: 'number', default: 1 }, '7'); // → 7
 * coerceParam({ name: 'seed', type: 'number', default: 1 }, 'x'); // throws: parameter "seed" expects a number, got "x"
 */
export function coerceParam(decl: ParamDecl, raw: string): unknown {
  const fail = (what: string): never => {
    throw new ParamError(`parameter "${decl.name}" expects ${what}, got ${JSON.stringify(raw)}`);
  };
  switch (decl.type) {
    case 'number': {
      const n = raw.trim() === '' ? NaN : Number(raw);
      return Number.isFinite(n) ? n : fail('a number');
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(v)) return true;
      if (['false', 'no', '0', 'off'].includes(v)) return false;
      return fail('a boolean (true or false)');
    }
    case 'date':
      return parseDateParam(raw.trim()) ?? fail('a date (YYYY-MM-DD or ISO-8601)');
    case 'json':
      try {
        return JSON.parse(raw);
      } catch {
        return fail('JSON');
      }
    default:
      return raw;
  }
}

function inferType(value: unknown): ParamType {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return typeof value as ParamType;
  }
  return value instanceof Date ? 'date' : 'json';
}

/** Shorthand `since: 2024-01-01` means a date (YAML 1.2 reads it as a string). */
function shorthand(name: string, value: unknown): ParamDecl {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDateParam(value) : null;
  if (date) return { name, type: 'date', default: date };
  return { name, type: value === null || value === undefined ? 'json' : inferType(value), default: value ?? null };
}

/** Checks a YAML default against the declared type, converting dates. */
function typedDefault(name: string, type: ParamType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'json') return value;
  if (type === 'date') {
    const date = value instanceof Date ? value : typeof value === 'string' ? parseDateParam(value) : null;
    if (date) return date;
  } else if (typeof value === type) {
    return value;
  } else if (typeof value === 'string') {
    return coerceParam({ name, type, default: null }, value);
  }
  throw new ParamError(`parameter "${name}": default ${JSON.stringify(value)} is not a ${type}`);
}

/**
 * Reads the `params` mapping of front matter: `name: {type, default, description?}` or the
 * shorthand `name: value` (type inferred). Bad entries are reported, not thrown.
 *
 * @example
 * parseParamDecls({ seed: 42, since: { type: 'date', default: '2024-01-01' } }).params.since.default;
 * // → Date 2024-01-01T00:00:00Z
 */
export function parseParamDecls(raw: unknown): { params: Record<string, ParamDecl>; errors: string[] } {
  const params: Record<string, ParamDecl> = {};
  const errors: string[] = [];
  if (raw === undefined || raw === null) return { params, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { params, errors: ['front matter "params" must be a mapping of name → {type, default}'] };
  }
  for (const [name, spec] of Object.entries(raw)) {
    try {
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
        throw new ParamError(`parameter "${name}" is not a valid JavaScript name (cells read it by name)`);
      }
      const isDecl = spec !== null && typeof spec === 'object' && !Array.isArray(spec) && 'type' in spec;
      if (!isDecl) {
        params[name] = shorthand(name, spec);
        continue;
      }
      const unknown = Object.keys(spec).filter((k) => !['type', 'default', 'description'].includes(k));
      if (unknown.length > 0) {
        // Usually a comma inside an unquoted flow-mapping value: `{ description: a, b }`. The
        // declaration still counts; the diagnostic points at the slip.
        errors.push(
          `parameter "${name}": unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')} (allowed: type, default, description; quote values that contain commas)`,
        );
      }
      const { type, default: def, description } = spec as Record<string, unknown>;
      if (!TYPES.includes(type as ParamType)) {
        throw new ParamError(`parameter "${name}": type must be one of ${TYPES.join(', ')}, got ${JSON.stringify(type)}`);
      }
      const decl: ParamDecl = { name, type: type as ParamType, default: typedDefault(name, type as ParamType, def) };
      if (typeof description === 'string') decl.description = description;
      params[name] = decl;
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  return { params, errors };
}

/**
 * Parameter values for a run: declared defaults, overridden by `overrides` (strings are coerced
 * to the declared type; other values are taken as they are).
 *
 * @example
 * resolveParams(doc, { seed: '7' }); // → { seed: 7, since: Date(...) }
 */
export function resolveParams(doc: NotebookDoc, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const decls = doc.frontMatter?.params ?? {};
  const values: Record<string, unknown> = {};
  for (const decl of Object.values(decls)) values[decl.name] = decl.default;
  for (const [name, raw] of Object.entries(overrides)) {
    const decl = decls[name];
    if (!decl) {
      const known = Object.keys(decls);
      throw new ParamError(
        `unknown parameter "${name}": ${known.length ? `the notebook declares ${known.join(', ')}` : 'the notebook declares no parameters'}`,
      );
    }
    values[name] = typeof raw === 'string' ? coerceParam(decl, raw) : raw;
  }
  return values;
}

import { z } from 'zod';
import type { RoleSpec } from './types.js';

/**
 * One declaration per column role. A role (the parameter that names a column a recipe reads) used
 * to be written three times: its zod parameter, its entry in an input's `roles`, and a fallback
 * column name where the table is read. `column()` declares it once, as the zod parameter itself;
 * `roles()` derives the inputs' entries from the parameter schema and `columnName()` the column to read.
 */

export interface ColumnOptions {
  /** The column read when the parameter is not given. Absent: the role is unused unless named. */
  default?: string;
  /** The parameter's description (forms, `liftbook recipes`, docs/recipes.md). `{default}` becomes the quoted default. */
  description: string;
  /** The role's description in the inputs' `roles`. Default: the parameter's description. */
  role?: string;
  /** The input cannot be read without this column. */
  required?: boolean;
  /**
   * The parameter stays optional and the default applies where the table is read, so the recipe
   * can tell "not named" from "named": an optional column is then used only when present.
   */
  defaultWhenRead?: boolean;
  /** Refuse the empty string in the schema (most recipes; older ones refuse it when reading). */
  nonEmpty?: boolean;
}

/** A role whose parameter is not a single column name (a list of columns, a map): its own schema, described there. */
export interface CustomColumnOptions<S extends z.ZodType> {
  schema: S;
  role: string;
  required?: boolean;
}

interface Declared {
  default?: string;
  role: string;
  required: boolean;
}

// Keyed by the schema instance column() returns (zod schemas are immutable: each method makes a new one).
const declared = new WeakMap<z.ZodType, Declared>();

/**
 * Declares a column role: returns its zod parameter and records the role's entry and default.
 * A default is a zod default (shown in the JSON Schema and the resolved parameters) unless
 * `defaultWhenRead`; a custom `schema` (a list of columns, a map) is kept as it is.
 *
 * @example
 * const params = z.object({ variant: column({ default: 'variant', description: 'Column with the arm.', required: true }) });
 * roles(params, ['variant']); // → [{ role: 'variant', description: 'Column with the arm.', required: true }]
 */
export function column<S extends z.ZodType>(options: CustomColumnOptions<S>): S;
export function column(options: ColumnOptions & { default: string; defaultWhenRead?: false }): z.ZodDefault<z.ZodString>;
export function column(options: ColumnOptions): z.ZodOptional<z.ZodString>;
export function column(options: ColumnOptions | CustomColumnOptions<z.ZodType>): z.ZodType {
  if ('schema' in options) {
    declared.set(options.schema, { role: options.role, required: options.required ?? false });
    return options.schema;
  }
  const description =
    options.default === undefined ? options.description : options.description.replaceAll('{default}', JSON.stringify(options.default));
  const name = options.nonEmpty ? z.string().min(1) : z.string();
  const param = (options.default !== undefined && !options.defaultWhenRead ? name.default(options.default) : name.optional()).describe(
    description,
  );
  declared.set(param, { default: options.default, role: options.role ?? description, required: options.required ?? false });
  return param;
}

type Key<S extends z.ZodObject> = keyof S['shape'] & string;

function declaration(shape: z.ZodRawShape, key: string): Declared {
  const param = shape[key];
  const found = param && declared.get(param as z.ZodType);
  if (!found) throw new Error(`Parameter "${key}" is not declared with column().`);
  return found;
}

/**
 * The `roles` of an input: for each parameter (or [parameter, description in this input]) its
 * declared role entry.
 *
 * @example
 * roles(liftParams, ['variant', 'metrics']); // → [{ role: 'variant', description: 'Variant (arm) of the unit.', required: true }, …]
 */
export function roles<S extends z.ZodObject>(params: S, keys: readonly (Key<S> | readonly [Key<S>, string])[]): RoleSpec[] {
  return keys.map((entry) => {
    const [key, description] = typeof entry === 'string' ? [entry, undefined] : entry;
    const found = declaration(params.shape, key);
    const spec: RoleSpec = { role: key, description: description ?? found.role };
    if (found.required) spec.required = true;
    return spec;
  });
}

/**
 * The declared default column of a role (a role declared without one is a mistake in the recipe).
 *
 * @example
 * defaultColumn(attributionParams, 'journey'); // → 'journey_id'
 */
export function defaultColumn<S extends z.ZodObject>(params: S, key: Key<S>): string {
  const fallback = declaration(params.shape, key).default;
  if (fallback === undefined) throw new Error(`Column role "${key}" has no default column.`);
  return fallback;
}

/**
 * The column to read for a role: the one the parameter names, else the declared default.
 *
 * @example
 * columnName(attributionParams, { journey: undefined }, 'journey'); // → 'journey_id'
 */
export function columnName<S extends z.ZodObject>(params: S, values: { readonly [K in keyof S['shape']]?: unknown }, key: Key<S>): string {
  const named = values[key];
  return typeof named === 'string' ? named : defaultColumn(params, key);
}

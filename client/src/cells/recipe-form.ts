import { h } from '../shell/dom.js';
import type { JsonSchema, RecipeInfo } from '../shell/api.js';
import { schemaField } from './schema-field.js';
import { isDefaultResultName, resultName, type RecipeCall } from './recipe-code.js';

/** What the form knows of the notebook: tables it may feed in, and the columns of each. */
export interface FormContext {
  recipes: RecipeInfo[];
  /** Names other cells define (a switched recipe's result must not clash with them). */
  takenNames: string[];
  /** Candidate input expressions: notebook table names and `load("dataset")` calls. */
  tables: string[];
  columnsOf: (expression: string) => string[];
  onChange: (call: RecipeCall) => void;
}

/**
 * The form of a recipe cell: recipe picker, one table picker per input, then the parameters drawn
 * from the recipe's JSON Schema. Parameters that name columns (a role of an input, or described as a
 * column) get pickers fed with the chosen input table's columns.
 *
 * @example
 * recipeForm({ name: 'r', recipe: 'lift', inputs: {}, params: {} }, { recipes, takenNames: [], tables: ['orders'], columnsOf: () => [], onChange: console.log });
 */
export function recipeForm(call: RecipeCall, ctx: FormContext): HTMLElement {
  const recipe = ctx.recipes.find((r) => r.id === call.recipe);
  const emit = (next: Partial<RecipeCall>) => ctx.onChange({ ...call, ...next });
  const picker = h('select', { class: 'recipe-picker', 'aria-label': 'Recipe', onchange: () => {
    // A default name follows the recipe (lift → segments); a name the user chose stays.
    const name = isDefaultResultName(call.name, call.recipe) ? resultName(picker.value, ctx.takenNames) : call.name;
    emit({ name, recipe: picker.value, params: {}, inputs: {} });
  } },
    !recipe ? h('option', { value: call.recipe }, call.recipe || '— pick a recipe —') : null,
    ctx.recipes.map((r) => h('option', { value: r.id }, `${r.title} (${r.id})`)));
  picker.value = call.recipe;
  if (!recipe) return h('div', { class: 'recipe-form' }, h('div', { class: 'form-row' }, h('label', {}, 'Recipe'), picker),
    ctx.recipes.length ? null : h('p', { class: 'hint' }, 'No recipes are available from the server.'));

  const inputRows = recipe.inputs.map((input) => {
    const current = call.inputs[input.name] ?? '';
    const options = ['', ...ctx.tables, ...(current && !ctx.tables.includes(current) ? [current] : [])];
    const sel = h('select', { 'data-input': input.name, onchange: () => {
      const inputs = { ...call.inputs };
      if (sel.value) inputs[input.name] = sel.value;
      else delete inputs[input.name];
      emit({ inputs });
    } }, options.map((o) => h('option', { value: o }, o || (input.optional || input.alternative ? '— none —' : '— pick a table —'))));
    sel.value = current;
    return h('div', { class: 'form-row' }, h('label', { title: input.description }, input.name, input.alternative ? h('span', { class: 'hint' }, ' (one of)') : null), sel,
      h('span', { class: 'hint' }, input.description));
  });

  // Columns offered for a role come from the input that declares it, else from every chosen input.
  const chosen = Object.values(call.inputs);
  const allColumns = [...new Set(chosen.flatMap((expr) => ctx.columnsOf(expr)))];
  const roleColumns = new Map<string, string[]>();
  for (const input of recipe.inputs) {
    const expr = call.inputs[input.name];
    for (const role of input.roles) if (expr) roleColumns.set(role.role, ctx.columnsOf(expr));
  }
  const properties = recipe.params.properties ?? {};
  const required = new Set(recipe.params.required ?? []);
  const paramRows = Object.entries(properties).map(([key, schema]) => {
    const isColumn = roleColumns.has(key) || recipe.inputs.some((i) => i.roles.some((r) => r.role === key)) || /column/i.test(schema.description ?? '');
    const field = schemaField(schema as JsonSchema, call.params[key], {
      columns: roleColumns.get(key) ?? allColumns,
      isColumn,
      onChange: (value) => {
        const params = { ...call.params };
        if (value === undefined) delete params[key];
        else params[key] = value;
        emit({ params });
      },
    });
    field.setAttribute('data-param', key);
    return h('div', { class: 'form-row' }, h('label', { title: schema.description ?? '' }, key, required.has(key) ? h('span', { class: 'req' }, ' *') : null), field,
      h('span', { class: 'hint' }, schema.description ?? ''));
  });

  return h('div', { class: 'recipe-form' },
    h('div', { class: 'form-row' }, h('label', {}, 'Recipe'), picker, h('span', { class: 'hint' }, recipe.description)),
    h('div', { class: 'form-section' }, 'Inputs'), inputRows,
    h('div', { class: 'form-section' }, 'Parameters'), paramRows);
}

import { parse } from 'acorn';

// acorn's ESTree nodes carry type-specific fields; this module reads them by node type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNode = any;

/** A parameter value kept as code, e.g. the notebook parameter `alpha` or `[...segments]`. */
export class Expression {
  constructor(readonly code: string) {}
}

/** What a recipe cell's form edits; the cell's code is generated from it and parsed back. */
export interface RecipeCall {
  /** The name the result is bound to (`const <name> = …`). */
  name: string;
  recipe: string;
  /** Input name → JavaScript expression (usually another cell's name or `load("dataset")`). */
  inputs: Record<string, string>;
  params: Record<string, unknown>;
}

/**
 * The code of a recipe cell: one awaited `recipe(id, inputs, params)` call bound to a name, so the
 * result is usable by other cells and the code stays readable and editable. Parameters are written
 * one per line; values the form does not own (expressions) are written back as they were.
 *
 * @example
 * recipeCode({ name: 'lift', recipe: 'lift', inputs: { units: 'units' }, params: { alpha: 0.1 } });
 * // → 'const lift = await recipe("lift", { units }, {\n  alpha: 0.1,\n})'
 */
export function recipeCode(call: RecipeCall): string {
  const inputs = Object.entries(call.inputs).filter(([, expr]) => expr.trim());
  const inputText = inputs.length ? `{ ${inputs.map(([key, expr]) => (expr.trim() === key ? key : `${propertyKey(key)}: ${expr.trim()}`)).join(', ')} }` : '{}';
  const params = Object.entries(call.params);
  const paramText = params.length ? `{\n${params.map(([key, value]) => `  ${value instanceof Expression && value.code === key ? key : `${propertyKey(key)}: ${valueCode(value)}`},\n`).join('')}}` : '{}';
  return `const ${call.name} = await recipe(${JSON.stringify(call.recipe)}, ${inputText}, ${paramText})`;
}

/**
 * A value as JavaScript source: JSON-like, keys unquoted where they can be, expressions verbatim.
 *
 * @example
 * valueCode({ name: 'aov', parts: [1, 2] }); // → '{ name: "aov", parts: [1, 2] }'
 */
export function valueCode(value: unknown): string {
  if (value instanceof Expression) return value.code;
  if (Array.isArray(value)) return `[${value.map(valueCode).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${valueCode(v)}`).join(', ')} }` : '{}';
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * Reads a recipe cell's code back into the form's values, or null when the code was edited into
 * something the form cannot represent (the code then wins and the form shows why).
 *
 * @example
 * parseRecipeCode('const r = await recipe("lift", { units }, { alpha: 0.1, seed })')?.params; // → { alpha: 0.1, seed: Expression('seed') }
 */
export function parseRecipeCode(code: string): RecipeCall | null {
  let program: AnyNode;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true });
  } catch {
    return null;
  }
  if (program.body.length !== 1) return null;
  const statement = program.body[0];
  if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return null;
  const declarator = statement.declarations[0];
  if (declarator.id.type !== 'Identifier') return null;
  let call = declarator.init;
  if (call?.type === 'AwaitExpression') call = call.argument;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'recipe') return null;
  const [idNode, inputsNode, paramsNode] = call.arguments;
  if (idNode?.type !== 'Literal' || typeof idNode.value !== 'string') return null;
  const inputs: Record<string, string> = {};
  if (inputsNode) {
    if (inputsNode.type !== 'ObjectExpression') return null;
    for (const prop of inputsNode.properties) {
      const key = prop.type === 'Property' ? keyName(prop) : null;
      if (key === null) return null;
      inputs[key] = prop.shorthand ? key : code.slice(prop.value.start, prop.value.end);
    }
  }
  if (paramsNode && paramsNode.type !== 'ObjectExpression') return null;
  const params = paramsNode ? literalValue(paramsNode, code) : {};
  if (params === NOT_LITERAL || params instanceof Expression || typeof params !== 'object' || params === null || Array.isArray(params)) return null;
  return { name: declarator.id.name, recipe: idNode.value, inputs, params: params as Record<string, unknown> };
}

const NOT_LITERAL = Symbol('not a literal');

function keyName(prop: AnyNode): string | null {
  if (prop.computed) return null;
  if (prop.key.type === 'Identifier') return prop.key.name;
  if (prop.key.type === 'Literal') return String(prop.key.value);
  return null;
}

// JSON-like literals become values; anything else is kept as an Expression (never evaluated here).
function literalValue(node: AnyNode, code: string): unknown {
  switch (node.type) {
    case 'Literal':
      return node.regex || typeof node.value === 'bigint' ? new Expression(node.raw) : node.value;
    case 'UnaryExpression': {
      const inner = literalValue(node.argument, code);
      return node.operator === '-' && typeof inner === 'number' ? -inner : new Expression(code.slice(node.start, node.end));
    }
    case 'ArrayExpression': {
      const items = node.elements.map((e: AnyNode) => (e && e.type !== 'SpreadElement' ? literalValue(e, code) : NOT_LITERAL));
      return items.includes(NOT_LITERAL) ? new Expression(code.slice(node.start, node.end)) : items;
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const prop of node.properties) {
        const key = prop.type === 'Property' && prop.kind === 'init' && !prop.method ? keyName(prop) : null;
        if (key === null) return new Expression(code.slice(node.start, node.end));
        out[key] = prop.shorthand ? new Expression(key) : literalValue(prop.value, code);
      }
      return out;
    }
    case 'TemplateLiteral':
      return node.expressions.length ? new Expression(code.slice(node.start, node.end)) : node.quasis[0].value.cooked;
    default:
      return new Expression(code.slice(node.start, node.end));
  }
}

/**
 * The name a recipe cell's result gets: the recipe's id as a JavaScript name (`next-purchase` →
 * `next_purchase`), numbered when another cell already defines it.
 *
 * @example
 * resultName('segments', ['units']); // → 'segments'
 * resultName('lift', ['lift']); // → 'lift_2'
 */
export function resultName(recipe: string, taken: Iterable<string>): string {
  const base = recipe.replace(/\W/g, '_').replace(/^(\d)/, '_$1') || 'result';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/**
 * Whether `name` is one `resultName` would have made for `recipe` (so switching the recipe may
 * rename it; a name the user chose stays).
 *
 * @example
 * isDefaultResultName('lift_2', 'lift'); // → true
 * isDefaultResultName('conversionTest', 'lift'); // → false
 */
export function isDefaultResultName(name: string, recipe: string): boolean {
  const base = recipe.replace(/\W/g, '_').replace(/^(\d)/, '_$1') || 'result';
  return name === base || new RegExp(`^${base}_(\\d+|c[0-9a-z]{5})$`).test(name) || name === `${base}_result`;
}

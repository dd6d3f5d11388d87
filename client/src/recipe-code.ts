import { parse } from 'acorn';

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
 * result is usable by other cells and the code stays readable and editable.
 *
 * @example
 * recipeCode({ name: 'lift_result', recipe: 'lift', inputs: { units: 'orders' }, params: { alpha: 0.1 } });
 * // → "const lift_result = await recipe('lift', { units: orders }, {\n  \"alpha\": 0.1\n})"
 */
export function recipeCode(call: RecipeCall): string {
  const inputs = Object.entries(call.inputs).filter(([, expr]) => expr.trim());
  const inputText = inputs.length ? `{ ${inputs.map(([key, expr]) => `${propertyKey(key)}: ${expr.trim()}`).join(', ')} }` : '{}';
  const params = Object.keys(call.params).length ? JSON.stringify(call.params, null, 2) : '{}';
  return `const ${call.name} = await recipe(${JSON.stringify(call.recipe).replace(/^"|"$/g, "'")}, ${inputText}, ${params})`;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * Reads a recipe cell's code back into the form's values, or null when the code was edited into
 * something the form cannot represent (the code then wins and the form shows why).
 *
 * @example
 * parseRecipeCode("const r = await recipe('lift', { units: orders }, { alpha: 0.1 })")?.params; // → { alpha: 0.1 }
 */
export function parseRecipeCode(code: string): RecipeCall | null {
  let program: any;
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
  const params = paramsNode ? literalValue(paramsNode) : {};
  if (params === NOT_LITERAL || typeof params !== 'object' || params === null || Array.isArray(params)) return null;
  return { name: declarator.id.name, recipe: idNode.value, inputs, params: params as Record<string, unknown> };
}

const NOT_LITERAL = Symbol('not a literal');

function keyName(prop: any): string | null {
  if (prop.computed) return null;
  if (prop.key.type === 'Identifier') return prop.key.name;
  if (prop.key.type === 'Literal') return String(prop.key.value);
  return null;
}

// Only JSON-like literals: the form must never evaluate code.
function literalValue(node: any): unknown {
  switch (node.type) {
    case 'Literal':
      return node.regex || typeof node.value === 'bigint' ? NOT_LITERAL : node.value;
    case 'UnaryExpression': {
      const inner = literalValue(node.argument);
      return node.operator === '-' && typeof inner === 'number' ? -inner : NOT_LITERAL;
    }
    case 'ArrayExpression': {
      const items = node.elements.map((e: any) => (e ? literalValue(e) : NOT_LITERAL));
      return items.includes(NOT_LITERAL) ? NOT_LITERAL : items;
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const prop of node.properties) {
        const key = prop.type === 'Property' && prop.kind === 'init' ? keyName(prop) : null;
        const value = key === null ? NOT_LITERAL : literalValue(prop.value);
        if (key === null || value === NOT_LITERAL) return NOT_LITERAL;
        out[key] = value;
      }
      return out;
    }
    case 'TemplateLiteral':
      return node.expressions.length ? NOT_LITERAL : node.quasis[0].value.cooked;
    default:
      return NOT_LITERAL;
  }
}

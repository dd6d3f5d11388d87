import type { RecipeDescriptor } from './registry.js';

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  items?: Schema;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
};

/**
 * The recipe catalogue (docs/recipes.md) as Markdown, from the registry's descriptors: each recipe's
 * description, input tables with their column roles, and parameters with type, default and meaning.
 * `npm run docs` writes it; a test keeps the file equal to this output.
 *
 * @example
 * recipeCatalogue(describeRecipes()).startsWith('# Recipes'); // → true
 */
export function recipeCatalogue(recipes: RecipeDescriptor[]): string {
  const out: string[] = [
    '# Recipes',
    '',
    '<!-- Generated from recipes/registry.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every recipe runs the same way from the command line (`npx liftbook recipe <id> --input <name>=<file or dataset> --param <name>=<value>`),',
    'from a notebook cell (`await recipe("<id>", { <input>: table }, { <param>: value })`) and over the API (`POST /api/recipes/<id>/run`).',
    'Each returns `metrics`, `tables`, `charts` and `notes`. `npx liftbook recipes --json` prints the same catalogue with the full JSON Schema of every parameter.',
    '',
    recipes.map((r) => `- [\`${r.id}\`](#${r.id}): ${r.title}`).join('\n'),
    '',
  ];
  for (const recipe of recipes) {
    out.push(`## ${recipe.id}`, '', `**${recipe.title}**`, '', recipe.description.trim(), '', '### Inputs', '');
    const groups = new Set(recipe.inputs.map((i) => i.alternative).filter(Boolean));
    for (const input of recipe.inputs) {
      const tags = [input.optional ? 'optional' : '', input.alternative && groups.size ? `one of the "${input.alternative}" inputs` : ''].filter(Boolean);
      out.push(`- \`${input.name}\`${tags.length ? ` (${tags.join('; ')})` : ''}: ${oneLine(input.description)}`);
      for (const role of input.roles) out.push(`  - column role \`${role.role}\`${role.required ? ' (required)' : ''}: ${oneLine(role.description)}`);
    }
    const schema = recipe.params as Schema;
    const required = new Set(schema.required ?? []);
    const rows = Object.entries(schema.properties ?? {});
    out.push('', '### Parameters', '');
    if (!rows.length) out.push('None.');
    else {
      out.push('| parameter | type | default | meaning |', '|---|---|---|---|');
      for (const [name, p] of rows) {
        const def = p.default === undefined ? (required.has(name) ? '*required*' : '') : `\`${JSON.stringify(p.default)}\``;
        out.push(`| \`${name}\` | ${typeText(p)} | ${def} | ${cell(p.description ?? '')} |`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

function typeText(schema: Schema): string {
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeText))].join(' or ');
  const base = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type ?? 'any';
  if (base === 'array') return `array of ${schema.items ? typeText(schema.items) : 'any'}`;
  const low = schema.minimum ?? schema.exclusiveMinimum;
  const high = schema.maximum ?? schema.exclusiveMaximum;
  if ((base === 'number' || base === 'integer') && (low !== undefined || high !== undefined)) {
    const lo = low === undefined ? '' : `${low}${schema.exclusiveMinimum !== undefined ? ' <' : ' ≤'} `;
    const hi = high === undefined ? '' : ` ${schema.exclusiveMaximum !== undefined ? '<' : '≤'} ${high}`;
    return `${base} (${lo}x${hi})`;
  }
  return base;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
const cell = (text: string) => oneLine(text).replace(/\|/g, '\\|');

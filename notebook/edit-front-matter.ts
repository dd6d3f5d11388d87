/**
 * Editing the front matter (title, declared parameters) through yaml's Document API, so other
 * keys, comments and order survive; the result is re-parsed like every other edit.
 */
import { parseDocument } from 'yaml';
import { parseNotebook, serializeNotebook } from './format.js';
import { splitFrontMatter } from './front-matter.js';
import { detectEol } from './lines.js';
import type { NotebookDoc, ParamDecl } from './types.js';

function yamlValue(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function rewriteFrontMatter(doc: NotebookDoc, edit: (y: ReturnType<typeof parseDocument>) => void): NotebookDoc {
  const eol = detectEol(doc.frontMatter ? doc.frontMatter.raw : serializeNotebook(doc));
  const inner = doc.frontMatter ? (splitFrontMatter(doc.frontMatter.raw)?.yaml ?? '') : '';
  const yaml = parseDocument(inner);
  if (yaml.errors.length > 0) throw new Error('the front matter is not valid YAML; fix it in the source before editing it here');
  edit(yaml);
  const raw = `---${eol}${yaml.toString().replace(/\r?\n/g, eol)}---${eol}`;
  const rest = serializeNotebook({ ...doc, frontMatter: null });
  return parseNotebook(raw + (doc.frontMatter || rest === '' ? rest : eol + rest));
}

/**
 * Replaces the declared parameters (creating front matter when there is none).
 *
 * @example
 * setParams(doc, { seed: { type: 'number', default: 7 } });
 */
export function setParams(doc: NotebookDoc, params: Record<string, Omit<ParamDecl, 'name'>>): NotebookDoc {
  return rewriteFrontMatter(doc, (y) => {
    const out: Record<string, unknown> = {};
    for (const [name, d] of Object.entries(params)) {
      out[name] = { type: d.type, default: yamlValue(d.default), ...(d.description ? { description: d.description } : {}) };
    }
    if (Object.keys(out).length === 0) y.delete('params');
    else y.set('params', out);
  });
}

/**
 * Sets the notebook title (creating front matter when there is none).
 *
 * @example
 * setTitle(doc, 'Did personalization work?');
 */
export function setTitle(doc: NotebookDoc, title: string): NotebookDoc {
  return rewriteFrontMatter(doc, (y) => y.set('title', title));
}


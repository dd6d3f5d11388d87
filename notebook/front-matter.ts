/** The optional YAML front matter: finding it and reading `title` and typed `params`. */
import { parseDocument } from 'yaml';
import { lineContent, splitLines } from './lines.js';
import { parseParamDecls } from './params.js';
import type { Diagnostic, FrontMatter } from './types.js';

const OPEN = /^\uFEFF?---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/**
 * Splits the front matter off a document; null when the text does not start with a closed
 * `---` block.
 *
 * @example
 * splitFrontMatter('---\ntitle: x\n---\n# hi').raw; // → '---\ntitle: x\n---\n'
 */
export function splitFrontMatter(text: string): { raw: string; yaml: string } | null {
  const lines = splitLines(text);
  if (lines.length === 0 || !OPEN.test(lineContent(lines[0]))) return null;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lineContent(lines[i]))) {
      return { raw: lines.slice(0, i + 1).join(''), yaml: lines.slice(1, i).join('') };
    }
  }
  return null;
}

/**
 * Reads front matter text into title and typed params; problems become diagnostics.
 *
 * @example
 * readFrontMatter('---\ntitle: Lift\nparams:\n  seed: 42\n---\n').frontMatter.params.seed;
 * // → { name: 'seed', type: 'number', default: 42 }
 */
export function readFrontMatter(raw: string, yaml: string): { frontMatter: FrontMatter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseDocument(yaml);
  let data: Record<string, unknown> = {};
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    diagnostics.push({ message: `front matter is not valid YAML: ${e.message.split('\n')[0]}`, line: (e.linePos?.[0].line ?? 0) + 1 });
  } else {
    const value = parsed.toJS() as unknown;
    if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
      diagnostics.push({ message: 'front matter must be a YAML mapping (key: value lines)', line: 2 });
    } else if (value) {
      data = value as Record<string, unknown>;
    }
  }
  const { params, errors } = parseParamDecls(data.params);
  for (const message of errors) diagnostics.push({ message, line: 1 });
  const frontMatter: FrontMatter = { raw, data, params };
  if (typeof data.title === 'string') frontMatter.title = data.title;
  return { frontMatter, diagnostics };
}

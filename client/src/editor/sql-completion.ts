import { monaco } from './monaco-setup.js';
import { sourceSchema } from '../sandbox/sql-host.js';

// Which source each SQL cell's model queries (by model URI), so completion offers its tables.
const sourceOf = new Map<string, string>();
let registered = false;

/**
 * Tells completion which source a SQL editor's model queries.
 *
 * @example
 * setSqlSource(editor.getModel()!, 'wh');
 */
export function setSqlSource(model: monaco.editor.ITextModel, source: string): void {
  sourceOf.set(model.uri.toString(), source);
  model.onWillDispose(() => sourceOf.delete(model.uri.toString()));
  // Fetched now, so the first completion does not wait for the source to describe itself.
  sourceSchema(source).catch(() => {});
}

/** A table name as SQL needs it: bare when it is a plain lower-case word, else in double quotes. */
function tableText(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * Registers (once) the SQL completion provider: the source's tables (quoted as needed:
 * `"shop/units"`) and their columns, from `GET /api/sources/:name/schema`.
 *
 * @example
 * registerSqlCompletion();
 */
export function registerSqlCompletion(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider('sql', {
    triggerCharacters: ['"', '.', ' '],
    async provideCompletionItems(model, position) {
      const source = sourceOf.get(model.uri.toString());
      if (!source) return { suggestions: [] };
      let schema;
      try {
        schema = await sourceSchema(source);
      } catch {
        return { suggestions: [] };
      }
      const word = model.getWordUntilPosition(position);
      const line = model.getLineContent(position.lineNumber);
      // Inside an open double quote, replace from just after it so "shop/… completes to "shop/units".
      const quote = line.lastIndexOf('"', position.column - 2);
      const inQuote = quote >= 0 && (line.slice(0, quote).match(/"/g)?.length ?? 0) % 2 === 0;
      // `quote` is a 0-based index; Monaco's columns are 1-based.
      const start = inQuote ? quote + 2 : word.startColumn;
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: start, endColumn: position.column };
      const K = monaco.languages.CompletionItemKind;
      const suggestions: monaco.languages.CompletionItem[] = [];
      const columns = new Map<string, string[]>();
      for (const table of schema.tables) {
        const text = tableText(table.name);
        suggestions.push({ label: table.name, kind: K.Struct, detail: `table · ${table.columns.length} columns`, insertText: inQuote ? `${table.name.replace(/"/g, '""')}"` : text, range, sortText: `1${table.name}` });
        for (const c of table.columns) columns.set(c.name, [...(columns.get(c.name) ?? []), `${table.name} (${c.type})`]);
      }
      for (const [name, where] of columns) {
        const text = /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
        suggestions.push({ label: name, kind: K.Field, detail: where.join(', '), insertText: inQuote ? `${name.replace(/"/g, '""')}"` : text, range, sortText: `0${name}` });
      }
      return { suggestions };
    },
  });
}

/**
 * Saves text as a file through the browser's download, with no server round trip.
 *
 * @example
 * download('notebook.lb.md', '# Hello', 'text/markdown');
 */
export function download(filename: string, text: string | Blob, type: string): void {
  const url = URL.createObjectURL(typeof text === 'string' ? new Blob([text], { type }) : text);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A file name from a notebook title.
 *
 * @example
 * fileStem('Did email work?'); // → 'did-email-work'
 */
export function fileStem(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'notebook';
}

/**
 * Rows as delimited text (CSV by default, RFC 4180 quoting; a tab for the clipboard), raw values:
 * what a spreadsheet needs, not what the table shows.
 *
 * @example
 * delimited(['a', 'b'], [[1, 'x,y']]); // → 'a,b\r\n1,"x,y"\r\n'
 */
export function delimited(names: string[], rows: unknown[][], separator = ','): string {
  const field = (v: unknown) => {
    const text = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\r\n\t]/.test(text) || (separator !== '\t' && text.includes(separator)) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [names, ...rows].map((row) => row.map(field).join(separator)).join('\r\n') + '\r\n';
}

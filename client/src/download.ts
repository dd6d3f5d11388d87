/**
 * Saves text as a file through the browser's download, with no server round trip.
 *
 * @example
 * download('notebook.lb.md', '# Hello', 'text/markdown');
 */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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

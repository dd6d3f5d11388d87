/**
 * A byte count as people read limits: MB, KB or bytes, one decimal at most.
 *
 * @example
 * formatBytes(5 * 2 ** 20); // → '5 MB'
 */
export function formatBytes(bytes: number): string {
  return bytes >= 2 ** 20 ? `${+(bytes / 2 ** 20).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

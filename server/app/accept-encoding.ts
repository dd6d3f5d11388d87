/**
 * The content coding to send, from an `Accept-Encoding` header and the codings on offer (in the
 * server's order of preference): the one with the highest q-value above 0, ties going to the
 * earlier offer; `*` covers codings the header does not name. Undefined means send the bytes as
 * they are (identity): no header, or nothing on offer is acceptable.
 *
 * @example
 * chooseEncoding('gzip, deflate, br', ['br', 'gzip']); // → 'br'
 * chooseEncoding('br;q=0, gzip', ['br', 'gzip']); // → 'gzip'
 */
export function chooseEncoding<E extends string>(header: string | undefined, offered: readonly E[]): E | undefined {
  if (header === undefined) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: E | undefined;
  let bestWeight = 0;
  for (const coding of offered) {
    const weight = weights.get(coding.toLowerCase()) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

/**
 * Whether an API answer of this Content-Type is worth compressing: JSON, text and Arrow IPC
 * (whose column buffers compress well), never an event stream, which must not be buffered.
 *
 * @example
 * apiCompressible('application/json; charset=UTF-8'); // → true
 * apiCompressible('text/event-stream'); // → false
 */
export function apiCompressible(contentType: string): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'text/event-stream') return false;
  return type.startsWith('text/') || type === 'application/json' || type.endsWith('+json') || type === 'application/vnd.apache.arrow.stream';
}

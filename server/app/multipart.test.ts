import { describe, expect, it } from 'vitest';
import { parseMultipart } from './multipart.js';

describe('parseMultipart', () => {
  it('reads what the fetch API sends: fields and a file whose bytes contain CRLF and dashes, exactly', async () => {
    const content = 'a,b\r\n1,"x\r\n--y"\r\n';
    const form = new FormData();
    form.append('name', 'orders');
    form.append('file', new File([content], 'orders.csv'));
    form.append('replace', 'true');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const parts = parseMultipart(new Uint8Array(await request.arrayBuffer()), request.headers.get('content-type')!);
    expect(parts.get('name')).toEqual({ kind: 'field', value: 'orders' });
    expect(parts.get('replace')).toEqual({ kind: 'field', value: 'true' });
    const file = parts.get('file');
    expect(file?.kind === 'file' && [file.filename, Buffer.from(file.bytes).toString()]).toEqual(['orders.csv', content]);
  });

  it('refuses a body without its boundary, or cut off mid-part, with 400', () => {
    expect(() => parseMultipart(new Uint8Array(), 'multipart/form-data')).toThrow(/names no boundary/);
    const cut = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\nab');
    expect(() => parseMultipart(cut, 'multipart/form-data; boundary=b')).toThrow(/ends in the middle of a part/);
  });
});

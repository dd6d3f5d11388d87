import { describe, expect, it } from 'vitest';
import { apiCompressible, chooseEncoding } from './accept-encoding.js';

const offered = ['br', 'gzip'] as const;

describe('chooseEncoding', () => {
  it('prefers brotli when the browser takes both, and sends identity without a header', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', offered)).toBe('br');
    expect(chooseEncoding(undefined, offered)).toBeUndefined();
    expect(chooseEncoding('', offered)).toBeUndefined();
  });

  it('honours q-values, refusals (q=0) and the * wildcard', () => {
    expect(chooseEncoding('gzip', offered)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip', offered)).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8', offered)).toBe('gzip');
    expect(chooseEncoding('BR; Q=1', offered)).toBe('br');
    expect(chooseEncoding('*', offered)).toBe('br');
    expect(chooseEncoding('*;q=0.3, br;q=0', offered)).toBe('gzip');
    expect(chooseEncoding('identity, *;q=0', offered)).toBeUndefined();
    expect(chooseEncoding('deflate', offered)).toBeUndefined();
    expect(chooseEncoding('gzip;q=oops', offered)).toBeUndefined();
  });
});

describe('apiCompressible', () => {
  it('compresses JSON, text and Arrow, never event streams or binary files', () => {
    expect(apiCompressible('application/json; charset=UTF-8')).toBe(true);
    expect(apiCompressible('application/problem+json')).toBe(true);
    expect(apiCompressible('text/html; charset=utf-8')).toBe(true);
    expect(apiCompressible('application/vnd.apache.arrow.stream')).toBe(true);
    expect(apiCompressible('text/event-stream')).toBe(false);
    expect(apiCompressible('application/octet-stream')).toBe(false);
    expect(apiCompressible('image/png')).toBe(false);
  });
});

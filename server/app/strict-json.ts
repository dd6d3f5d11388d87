import { HttpError } from './http-error.js';

/** Deepest nesting of arrays and objects a request body may have. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses a request body as JSON more strictly than JSON.parse: nesting deeper than MAX_JSON_DEPTH
 * (which would overflow the stack of whatever walks it later) and an object with the same key
 * twice (which parsers resolve differently, the trick behind login CSRF payloads) are 400s.
 * Linear in the text; the structure is checked before JSON.parse builds anything.
 *
 * @example
 * parseStrictJson('{"a":1}'); // → { a: 1 }
 * parseStrictJson('{"a":1,"a":2}'); // throws HttpError 400
 */
export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  checkDepth(text, maxDepth);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The request body is not valid JSON: ${(error as Error).message}.`);
  }
  checkDuplicateKeys(text);
  return value;
}

function checkDepth(text: string, maxDepth: number): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = stringEnd(text, i);
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) throw new HttpError(400, `The request body is nested deeper than ${maxDepth} levels of arrays and objects: flatten it.`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

// Runs on text JSON.parse accepted, so it only needs to tell keys from values.
function checkDuplicateKeys(text: string): void {
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) stack.push(new Set());
    else if (c === 0x5b) stack.push(null);
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x22) {
      const end = stringEnd(text, i);
      const keys = stack.at(-1);
      if (keys && nextNonSpace(text, end + 1) === 0x3a) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) throw new HttpError(400, `The request body has the key ${JSON.stringify(key)} twice in one object: send it once.`);
        keys.add(key);
      }
      i = end;
    }
  }
}

// The index of the quote that closes the string opening at `start`.
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return text.length;
}

function nextNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c;
  }
  return -1;
}

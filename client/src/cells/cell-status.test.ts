import { describe, expect, it } from 'vitest';
import { formatMs, mergeStatus, statusText } from './cell-status.js';

const status = (fields: Record<string, unknown>) => ({ type: 'cell-status' as const, id: 'c1', defines: ['x'], references: [], ...fields }) as unknown as Parameters<typeof mergeStatus>[1];

describe('cell status on the page', () => {
  it('keeps the last outputs while a cell re-runs and replaces them when it finishes', () => {
    const done = mergeStatus(undefined, status({ status: 'done', version: 1, ms: 3, value: { kind: 'text', text: 'a' }, displays: [] }));
    const running = mergeStatus(done, status({ status: 'running', version: 2 }));
    expect(running.value).toEqual({ kind: 'text', text: 'a' });
    expect(running.displays).toEqual([]);
    const failed = mergeStatus(running, status({ status: 'error', version: 2, error: { message: 'boom', line: 2 } }));
    expect(failed.value).toBeUndefined();
    expect(failed.error).toEqual({ message: 'boom', line: 2 });
  });

  it('says what happened and how long it took', () => {
    const base = { version: 1, displays: [], defines: [], references: [] };
    expect(statusText({ ...base, status: 'done', ms: 1234 })).toBe('done · 1.23 s');
    expect(statusText({ ...base, status: 'cancelled', ms: 5 })).toBe('stopped · 5 ms');
    expect(statusText({ ...base, status: 'running', ms: 5 })).toBe('running');
    expect(formatMs(0.2)).toBe('<1 ms');
    expect(formatMs(125_000)).toBe('2 min 5 s');
  });
});

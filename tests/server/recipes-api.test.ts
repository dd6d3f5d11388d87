import { afterAll, describe, expect, it, vi } from 'vitest';
import { RecipeCancelledError } from '../../recipes/errors.js';
import { ErrorBody, RecipeDescriptor, RecipeResultJson } from '../../server/app/schemas.js';
import { expectJson, harness, json, sseEvents } from './harness.js';
import { z } from 'zod';

const h = harness({ uploadLimit: 4096 });
afterAll(() => h.close());
const run = (id: string, body: unknown, headers: Record<string, string> = {}) => h.request(`/api/recipes/${id}/run`, json('POST', body, headers));

describe('GET /api/recipes', () => {
  it('lists each recipe with inputs and the parameter JSON Schema', async () => {
    const list = await expectJson(await h.request('/api/recipes'), 200, z.array(RecipeDescriptor));
    const sum = list.find((r) => r.id === 'sum')!;
    expect(sum.inputs[0].roles[0].role).toBe('value');
    expect(sum.params).toMatchObject({ type: 'object', properties: { value: { type: 'string', default: 'value' } } });
    expect(sum.pushdown).toBe(false);
    expect(list.find((r) => r.id === 'sql-sum')!.pushdown).toBe(true);
  });
});

describe('POST /api/recipes/:id/run', () => {
  it('runs on inline rows and answers the RecipeResult JSON', async () => {
    const body = await expectJson(
      await run('sum', { inputs: { rows: [{ g: 'a', value: 1, day: '2025-01-02' }, { g: 'b', value: 2.5, day: '2025-01-03' }] }, params: { group: 'g' } }),
      200,
      RecipeResultJson,
    );
    expect(body.recipe).toBe('sum');
    expect(body.params).toEqual({ value: 'value', group: 'g' });
    expect(body.metrics).toEqual({ total: 3.5, rows: 2, first_type: 'number' });
    expect(body.tables.groups).toEqual([{ g: 'a', total: 1 }, { g: 'b', total: 2.5 }]);
    // ISO date strings in inline rows become dates (as in JSON files) and go back as ISO strings.
    expect(body.tables.echo[0].day).toBe('2025-01-02T00:00:00.000Z');
    expect(body.charts[0]).toMatchObject({ id: 'totals', marks: [{ mark: 'barY' }] });
    expect(body.notes).toEqual(['The total is 3.5.']);
  });

  it('runs on a bundled dataset and on an uploaded one', async () => {
    const bundled = await expectJson(await run('sum', { inputs: { rows: { dataset: 'open/cdnow_summary' } }, params: { value: 'frequency' } }), 200, RecipeResultJson);
    expect(bundled.metrics.rows).toBe(2357);
    const form = new FormData();
    form.append('file', new File(['value\n2\n3\n'], 'vals.csv'));
    expect((await h.request('/api/datasets', { method: 'POST', body: form })).status).toBe(201);
    const uploaded = await expectJson(await run('sum', { inputs: { rows: { dataset: 'vals' } } }), 200, RecipeResultJson);
    expect(uploaded.metrics.total).toBe(5);
  });

  it('hands an uploaded dataset to a recipe that aggregates in SQL as its file, never parsing its rows on the server', async () => {
    const form = new FormData();
    form.append('file', new File(['value\n2\n3\n4.5\n'], 'sql_vals.csv'));
    expect((await h.request('/api/datasets', { method: 'POST', body: form })).status).toBe(201);
    const load = vi.spyOn(h.deps.storage.datasets, 'load');
    try {
      const body = await expectJson(await run('sql-sum', { inputs: { rows: { dataset: 'sql_vals' } } }), 200, RecipeResultJson);
      expect(body.metrics).toEqual({ total: 9.5, rows: 3 });
      expect(body.engine).toMatchObject({ source: 'local', kind: 'duckdb', pushdown: true, rows_fetched: 1 });
      expect(load).not.toHaveBeenCalled();
      // A recipe that needs rows in memory still gets the parsed table.
      expect((await expectJson(await run('sum', { inputs: { rows: { dataset: 'sql_vals' } } }), 200, RecipeResultJson)).metrics.total).toBe(9.5);
      expect(load).toHaveBeenCalledOnce();
    } finally {
      load.mockRestore();
    }
  });

  it('treats an empty body as no inputs and default parameters', async () => {
    const res = await h.request('/api/recipes/slow/run', { method: 'POST' });
    expect((await expectJson(res, 200, RecipeResultJson)).params).toEqual({ ms: 500, steps: 10 });
  });

  it('streams progress then the result as SSE', async () => {
    const res = await run('slow', { params: { ms: 200, steps: 4 } }, { Accept: 'text/event-stream' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = sseEvents(await res.text());
    expect(events.map((e) => e.event)).toEqual(['progress', 'progress', 'progress', 'progress', 'progress', 'progress', 'result']);
    expect(events[0].data).toEqual({ fraction: 0, label: 'starting' });
    expect(events[1].data).toEqual({ fraction: 0, label: 'step 1' });
    expect(events[5].data).toEqual({ fraction: 1, label: 'done' });
    expect(RecipeResultJson.parse(events[6].data).metrics).toEqual({ steps: 4, thread_ms: 200 });
  });

  it('streams a recipe error as an error event with its status', async () => {
    const res = await run('sum', { inputs: { rows: [{ amount: 1 }] } }, { Accept: 'text/event-stream' });
    const events = sseEvents(await res.text());
    expect(events.at(-1)).toEqual({ event: 'error', data: { error: expect.stringMatching(/"value"/), status: 400 } });
  });

  it('cancels the run when the client closes the stream', async () => {
    const before = h.runs.length;
    const res = await run('slow', { params: { ms: 20_000, steps: 400 } }, { Accept: 'text/event-stream' });
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('event: progress');
    await reader.cancel();
    const started = Date.now();
    expect(await h.runs[before]).toBeInstanceOf(RecipeCancelledError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cancels a plain JSON run when the request is aborted', async () => {
    const before = h.runs.length;
    const controller = new AbortController();
    const pending = Promise.resolve(h.request('/api/recipes/slow/run', { ...json('POST', { params: { ms: 20_000, steps: 400 } }), signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await pending.catch(() => undefined);
    expect(await h.runs[before]).toBeInstanceOf(RecipeCancelledError);
  });

  it('answers 400 naming the parameter, column or input', async () => {
    const bad = [
      [{ inputs: { rows: [{ value: 1 }] }, params: { value: 3 } }, /parameter "value"/],
      [{ inputs: { rows: [{ value: 1 }] }, params: { nope: 1 } }, /unknown parameter "nope"/],
      [{ inputs: { rows: [{ amount: 1 }] } }, /"value"/],
      [{ inputs: {} }, /needs the input table "rows"/],
      [{ inputs: { rows: { dataset: 'missing' } } }, /no dataset "missing"/],
      [{ inputs: { rows: { dataset: '../../etc/passwd' } } }, /not a valid dataset name/],
      [{ inputs: { rows: 'x' } }, /"inputs.rows"/],
      [{ extra: 1 }, /Unrecognized key.*extra/i],
    ] as const;
    for (const [body, message] of bad) {
      const error = await expectJson(await run('sum', body), 400, ErrorBody);
      expect(error.error).toMatch(message);
    }
  });

  it('answers 400 on malformed JSON, 404 on an unknown recipe, 413 over the size limit', async () => {
    expect((await expectJson(await run('sum', '{"inputs": '), 400, ErrorBody)).error).toMatch(/not valid JSON/);
    expect((await expectJson(await run('nope', {}), 404, ErrorBody)).error).toMatch(/no recipe "nope".*sum, slow/);
    const rows = Array.from({ length: 400 }, (_, i) => ({ value: i }));
    expect((await expectJson(await run('sum', { inputs: { rows } }), 413, ErrorBody)).error).toMatch(/over the 4 KB limit/);
  });

  it('answers 500 for a bug without leaking its stack or message', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = await expectJson(await run('crash', {}), 500, ErrorBody);
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/boom/); // the server log keeps the details
    logged.mockRestore();
    expect(error.error).toMatch(/Internal server error/);
    expect(JSON.stringify(error)).not.toMatch(/boom|\bat .*\.ts/);
  });
});

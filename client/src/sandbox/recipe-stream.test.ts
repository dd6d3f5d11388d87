import { describe, expect, it } from 'vitest';
import { readEvents } from './recipe-stream.js';

const streamOf = (...chunks: string[]) => new ReadableStream<Uint8Array>({
  start(controller) {
    for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
    controller.close();
  },
});

describe('server-sent events from a recipe run', () => {
  it('splits events across chunk boundaries, skips comments and joins data lines', async () => {
    const events = [];
    for await (const e of readEvents(streamOf('event: progress\ndata: {"fraction":0.5', ',"label":"fit"}\n\n: keep-alive\n\n', 'event: result\r\ndata: {"metrics":\r\ndata: {}}\r\n\r\n'))) events.push(e);
    expect(events).toEqual([
      { event: 'progress', data: '{"fraction":0.5,"label":"fit"}' },
      { event: 'result', data: '{"metrics":\n{}}' },
    ]);
  });
});

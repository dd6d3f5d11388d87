// Plot draws into `window.document` when no document is passed. A worker has no DOM, so cells'
// `Plot.plot(...)` calls get linkedom's: the SVG is built here and crosses to the page as HTML.
import { parseHTML } from 'linkedom/worker';

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
const scope = globalThis as unknown as { window?: unknown; document?: unknown };
scope.window ??= { document, devicePixelRatio: 1 };
scope.document ??= document;

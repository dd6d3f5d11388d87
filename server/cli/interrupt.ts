/**
 * An AbortSignal that aborts on the first Ctrl-C (SIGINT) or SIGTERM, so a running recipe or
 * notebook stops cleanly; a second Ctrl-C exits at once. `dispose()` removes the handlers.
 *
 * @example
 * const interrupt = onInterrupt();
 * try { await run({ signal: interrupt.signal }); } finally { interrupt.dispose(); }
 */
export function onInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nStopping… (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

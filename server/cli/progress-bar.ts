import cliProgress from 'cli-progress';
import type { Progress } from '../../recipes/types.js';

/**
 * A progress callback that draws a bar on stderr when stderr is a terminal (and does nothing
 * otherwise, so logs and pipes stay clean). Call `stop()` when the run ends.
 *
 * @example
 * const bar = progressBar('lift');
 * await runRecipe(lift, { inputs, params, progress: bar.progress });
 * bar.stop();
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): { progress: Progress; stop(): void } {
  if (!stream.isTTY) return { progress: () => {}, stop: () => {} };
  let bar: cliProgress.SingleBar | undefined;
  return {
    progress(fraction, step) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { stream, format: `${label} [{bar}] {percentage}% {step}`, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(100, 0, { step: '' });
      }
      bar.update(Math.round(Math.max(0, Math.min(1, fraction)) * 100), { step: step ?? '' });
    },
    stop() {
      bar?.stop();
    },
  };
}

// The body of the training thread (see train-thread.ts).
import { parentPort } from 'node:worker_threads';
import { loadTf, type BackendName } from '../../recipes/ml/backend.js';
import { trainLoop, type TrainData, type TrainSpec } from '../../recipes/ml/train-loop.js';

/**
 * The training worker: receives one job at a time, posts a message per epoch and the trained
 * weights at the end. Cancelling is the parent terminating this thread, which stops TensorFlow.js
 * mid-epoch for real.
 */

export interface TrainJob {
  id: number;
  data: TrainData;
  spec: TrainSpec;
  backend: BackendName;
}

parentPort?.on('message', async (job: TrainJob) => {
  try {
    const { tf } = await loadTf(job.backend);
    const report = await trainLoop(tf, job.data, job.spec, (epoch, epochs, loss) => {
      parentPort?.postMessage({ id: job.id, type: 'epoch', epoch, epochs, loss });
    });
    parentPort?.postMessage({ id: job.id, type: 'done', report });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});

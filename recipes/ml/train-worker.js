// Entry of the training worker thread. Plain JavaScript because a worker starts without the
// parent's TypeScript loader; it registers tsx and then runs the typed worker body.
import { register } from 'tsx/esm/api';

register();
await import('./train-worker-body.ts');
